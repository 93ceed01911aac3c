package org.senda.identification.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A school's subjects with their scales, and its assessment points derived from its terms: once a term, or twice
 * (half-termly) when the school assesses that often.
 */
@Component
class AssessmentSetup {

  /** A subject as the import and the grid check scores against it. */
  record Subject(long id, String code, String name, Scale scale, double min, double max, Map<String, Double> steps) {

    /** The number for what was typed, or null when it is not on the scale. */
    @Nullable Double value(String typed) {
      String text = typed.trim();
      if (scale == Scale.STEPS) {
        for (var step : steps.entrySet()) {
          if (step.getKey().equalsIgnoreCase(text)) {
            return step.getValue();
          }
        }
      }
      try {
        double number = Double.parseDouble(text);
        return Double.isFinite(number) && number >= min && number <= max ? number : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** What a valid score looks like, for messages. */
    public String range() {
      if (scale == Scale.STEPS) {
        return "one of " + String.join(", ", steps.keySet());
      }
      return "a number from " + plain(min) + " to " + plain(max);
    }
  }

  /** An assessment point: e.g. "Autumn term 2025/26", assessed at the end of the term. */
  record Point(long id, String academicYear, int ordinal, String label, LocalDate assessedOn) {}

  private final JdbcClient jdbc;
  private final Organisation organisation;

  AssessmentSetup(JdbcClient jdbc, Organisation organisation) {
    this.jdbc = jdbc;
    this.organisation = organisation;
  }

  static String plain(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  /** Gives the school reading, writing and maths on standardised scores, unless it has subjects already. */
  void ensureSubjects(long schoolId) {
    Integer count = jdbc.sql("select count(*) from assessment_subject where school_id = ?")
        .param(schoolId)
        .query(Integer.class)
        .single();
    if (count > 0) {
      return;
    }
    String[][] defaults = {{"reading", "Reading"}, {"writing", "Writing"}, {"maths", "Maths"}};
    for (int i = 0; i < defaults.length; i++) {
      jdbc.sql("""
              insert into assessment_subject (school_id, code, name, scale, scale_min, scale_max, position)
              values (?, ?, ?, 'STANDARDISED', 55, 145, ?)""")
          .params(schoolId, defaults[i][0], defaults[i][1], i)
          .update();
    }
  }

  /** Creates the assessment points of every term in the school's calendar that has none yet. */
  void ensurePoints(long schoolId, String cadence) {
    List<Term> terms = new ArrayList<>(organisation.calendar(schoolId).terms());
    terms.sort(Comparator.comparing(Term::startsOn));
    Map<String, Integer> ordinals = new HashMap<>();
    List<Point> existing = points(schoolId);
    for (Term term : terms) {
      boolean half = "HALF_TERMLY".equals(cadence);
      int parts = half ? 2 : 1;
      for (int part = 1; part <= parts; part++) {
        int ordinal = ordinals.merge(term.academicYear(), 1, Integer::sum);
        LocalDate assessedOn = part == parts
            ? term.endsOn()
            : term.startsOn().plusDays((term.endsOn().toEpochDay() - term.startsOn().toEpochDay()) / 2);
        String label = term.name() + (half ? " (" + (part == 1 ? "first" : "second") + " half)" : "") + " "
            + term.academicYear();
        boolean present = existing.stream()
            .anyMatch(p -> p.academicYear().equals(term.academicYear()) && p.ordinal() == ordinal);
        if (!present) {
          jdbc.sql("""
                  insert into assessment_point (school_id, term_id, academic_year, ordinal, label, assessed_on)
                  values (?, ?, ?, ?, ?, ?)""")
              .params(schoolId, term.id(), term.academicYear(), ordinal, label, assessedOn)
              .update();
        }
      }
    }
  }

  String cadence(long schoolId) {
    return jdbc.sql("select cadence from identification_settings where school_id = ?")
        .param(schoolId)
        .query(String.class)
        .optional()
        .orElse("TERMLY");
  }

  /** The school's subjects still assessed, in their order, with their steps, in two queries. */
  Map<String, Subject> subjects(long schoolId) {
    Map<Long, Map<String, Double>> steps = new HashMap<>();
    jdbc.sql("select subject_id, label, step_value from assessment_step where school_id = ? order by step_value")
        .param(schoolId)
        .query(rs -> {
          steps.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getDouble(3));
        });
    Map<String, Subject> subjects = new LinkedHashMap<>();
    jdbc.sql("""
            select id, code, name, scale, scale_min, scale_max from assessment_subject where school_id = ? and active
            order by position, name""")
        .param(schoolId)
        .query(rs -> {
          long id = rs.getLong(1);
          subjects.put(rs.getString(2).toLowerCase(Locale.ROOT), new Subject(id, rs.getString(2), rs.getString(3),
              Scale.valueOf(rs.getString(4)), rs.getDouble(5), rs.getDouble(6), steps.getOrDefault(id, Map.of())));
        });
    return subjects;
  }

  /** The school's assessment points, oldest first. */
  List<Point> points(long schoolId) {
    return jdbc.sql("""
            select id, academic_year, ordinal, label, assessed_on from assessment_point where school_id = ?
            order by academic_year, ordinal""")
        .param(schoolId)
        .query((rs, n) -> new Point(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
            rs.getObject(5, LocalDate.class)))
        .list();
  }

  /** The latest point assessed by {@code today} (the first point when none is due yet). */
  static Optional<Point> latestDue(List<Point> points, LocalDate today) {
    Point current = null;
    for (Point p : points) {
      if (!p.assessedOn().isAfter(today) || current == null) {
        current = p;
      }
    }
    return Optional.ofNullable(current);
  }

  /** The point whose label (or "academic year/ordinal", e.g. "2025/26-2") matches what was typed. */
  static Optional<Point> find(List<Point> points, String typed) {
    String text = typed.trim();
    return points.stream()
        .filter(p -> p.label().equalsIgnoreCase(text) || (p.academicYear() + "-" + p.ordinal()).equals(text))
        .findFirst();
  }
}
