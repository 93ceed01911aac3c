package org.senda.identification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads scores into {@link ScoreTable}s, one per subject, with one ordered query: the rows stream into primitive
 * arrays and are placed on a timeline of assessment points shared by the schools read (matched by academic year
 * and ordinal, so the same year group in two schools of a trust lines up).
 */
@Component
class ScoreLoader {

  private final JdbcClient jdbc;

  ScoreLoader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The scores of pupils on roll in {@code schoolIds} up to {@code today}, by subject code; only the year groups
   * {@code yearGroups} when that is not null, and only {@code subject} when that is not null.
   */
  Map<String, ScoreTable> load(
      Collection<Long> schoolIds, LocalDate today, @Nullable Collection<String> yearGroups,
      @Nullable String subject) {
    if (schoolIds.isEmpty()) {
      return Map.of();
    }
    Rows rows = new Rows();
    String sql = """
        select sub.code as subject, s.pupil_id, s.school_id, y.code as year_group, ap.academic_year, ap.ordinal,
               ap.label, s.score
        from assessment_score s
        join assessment_subject sub on sub.id = s.subject_id
        join assessment_point ap on ap.id = s.point_id
        join pupil p on p.id = s.pupil_id
        join year_group y on y.id = p.year_group_id
        where s.school_id in (:schools) and sub.active and ap.assessed_on <= :today
          and (p.leaving_date is null or p.leaving_date > :today)"""
        + (yearGroups == null ? "" : " and y.code in (:yearGroups)")
        + (subject == null ? "" : " and sub.code = :subject")
        + " order by sub.code, s.pupil_id";
    var statement = jdbc.sql(sql).param("schools", schoolIds).param("today", today);
    if (yearGroups != null) {
      statement = statement.param("yearGroups", yearGroups.isEmpty() ? List.of("") : yearGroups);
    }
    if (subject != null) {
      statement = statement.param("subject", subject);
    }
    statement.query(rs -> {
      rows.add(
          rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
          rs.getString(5) + "#" + rs.getInt(6), rs.getString(7), rs.getDouble(8));
    });
    return rows.tables();
  }

  /** Rows as they stream in, before the timeline is known. */
  private static final class Rows {
    private final List<String> subjects = new ArrayList<>();
    private final Map<String, String> pointLabels = new TreeMap<>(); // key "2025/26#1" sorts in time order
    private final Map<String, Integer> pointIndexes = new HashMap<>();
    private final List<String> pointKeys = new ArrayList<>();
    private int size;
    private int[] subjectOf = new int[1024];
    private long[] pupilIds = new long[1024];
    private long[] schoolIds = new long[1024];
    private String[] yearGroups = new String[1024];
    private int[] pointOf = new int[1024];
    private double[] scores = new double[1024];

    void add(String subject, long pupilId, long schoolId, String yearGroup, String pointKey, String label,
        double score) {
      if (size == pupilIds.length) {
        int capacity = size * 2;
        subjectOf = Arrays.copyOf(subjectOf, capacity);
        pupilIds = Arrays.copyOf(pupilIds, capacity);
        schoolIds = Arrays.copyOf(schoolIds, capacity);
        yearGroups = Arrays.copyOf(yearGroups, capacity);
        pointOf = Arrays.copyOf(pointOf, capacity);
        scores = Arrays.copyOf(scores, capacity);
      }
      if (subjects.isEmpty() || !subjects.getLast().equals(subject)) {
        subjects.add(subject);
      }
      Integer point = pointIndexes.get(pointKey);
      if (point == null) {
        point = pointKeys.size();
        pointIndexes.put(pointKey, point);
        pointKeys.add(pointKey);
        pointLabels.put(pointKey, label);
      }
      subjectOf[size] = subjects.size() - 1;
      pupilIds[size] = pupilId;
      schoolIds[size] = schoolId;
      yearGroups[size] = yearGroup;
      pointOf[size] = point;
      scores[size] = score;
      size++;
    }

    Map<String, ScoreTable> tables() {
      List<String> ordered = new ArrayList<>(pointLabels.keySet());
      int[] position = new int[pointKeys.size()];
      for (int i = 0; i < pointKeys.size(); i++) {
        position[i] = ordered.indexOf(pointKeys.get(i));
      }
      List<String> labels = new ArrayList<>(pointLabels.values());
      Map<String, ScoreTable> tables = new LinkedHashMap<>();
      int i = 0;
      while (i < size) {
        int subject = subjectOf[i];
        ScoreTable.Builder table = new ScoreTable.Builder(labels);
        long currentPupil = Long.MIN_VALUE;
        int row = -1;
        for (; i < size && subjectOf[i] == subject; i++) {
          if (pupilIds[i] != currentPupil) {
            currentPupil = pupilIds[i];
            row = table.addPupil(currentPupil, schoolIds[i], yearGroups[i]);
          }
          table.score(row, position[pointOf[i]], scores[i]);
        }
        tables.put(subjects.get(subject), table.build());
      }
      return tables;
    }
  }
}
