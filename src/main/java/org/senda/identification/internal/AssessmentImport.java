package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Scores from a CSV file ({@code upn,subject,assessment_point,score}): every row is checked before anything is
 * written, so a file with any error writes nothing and says which rows and columns to fix.
 */
@Service
class AssessmentImport {

  static final List<String> COLUMNS = List.of("upn", "subject", "assessment_point", "score");

  /**
   * One problem in the file: the spreadsheet row (header = 1), the column, the value found there, what is wrong
   * and how to fix it (the shape of the pupil import's errors).
   */
  record Problem(int row, String column, @Nullable String value, String message, String fix) {}

  record Result(int created, int updated, List<Problem> errors) {}

  /**
   * A row of the file that adds ({@code before} null) or replaces a pupil's score in a subject at an assessment
   * point; scores as a teacher types them (a step's label on a scale of steps).
   */
  record Change(int row, String upn, String subject, String point, String score, @Nullable String before) {

    public boolean creates() {
      return before == null;
    }
  }

  private record Row(int line, String upn, AssessmentSetup.Subject subject, AssessmentSetup.Point point,
      long pupilId, double score) {
    ScoreWriter.Score asScore() {
      return new ScoreWriter.Score(pupilId, subject.id(), point.id(), score);
    }

    String key() {
      return pupilId + "/" + subject.id() + "/" + point.id();
    }
  }

  private final JdbcClient jdbc;
  private final AssessmentSetup setup;
  private final ScoreWriter writer;
  private final Audit audit;

  AssessmentImport(JdbcClient jdbc, AssessmentSetup setup, ScoreWriter writer, Audit audit) {
    this.jdbc = jdbc;
    this.writer = writer;
    this.setup = setup;
    this.audit = audit;
  }

  /**
   * Checks (and unless {@code dryRun} writes) the file, saying row by row what it changes.
   *
   * @param expected the {@link ImportPreview#fingerprint()} of the preview the person confirmed, or null for none
   * @throws OptimisticLockingFailureException when, before writing, the file would no longer do what was previewed
   *     (someone changed one of its scores meanwhile); nothing is written
   */
  @Transactional
  ImportPreview<Change> preview(long schoolId, String csv, boolean dryRun, @Nullable String expected) {
    PupilCsv.Read read = PupilCsv.read(csv, COLUMNS, "scores");
    if (!read.problems().isEmpty()) {
      return ImportPreview.failed(read.problems());
    }
    List<Problem> problems = new ArrayList<>();

    setup.ensureSubjects(schoolId);
    setup.ensurePoints(schoolId, setup.cadence(schoolId));
    Map<String, AssessmentSetup.Subject> subjects = setup.subjects(schoolId);
    List<AssessmentSetup.Point> points = setup.points(schoolId);
    Map<String, Long> pupils = PupilCsv.pupilsByUpn(jdbc, schoolId);

    Map<String, Integer> seen = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : read.records()) {
      int line = PupilCsv.line(record);
      String subjectCode = PupilCsv.value(record, "subject").toLowerCase(Locale.ROOT);
      String pointText = PupilCsv.value(record, "assessment_point");
      String scoreText = PupilCsv.value(record, "score");
      AssessmentSetup.Subject subject = subjects.get(subjectCode);
      AssessmentSetup.Point point = AssessmentSetup.find(points, pointText).orElse(null);
      int before = problems.size();
      Long pupilId = PupilCsv.pupil(record, pupils, problems);
      if (subject == null) {
        problems.add(subjectCode.isEmpty()
            ? new Problem(line, "subject", null, "The subject is missing", "Enter a subject")
            : new Problem(line, "subject", subjectCode, "The school does not assess this subject",
                "Enter a subject the school assesses: " + String.join(", ", subjects.keySet())));
      }
      if (point == null) {
        problems.add(pointText.isEmpty()
            ? new Problem(line, "assessment_point", null, "The assessment point is missing",
                "Enter an assessment point")
            : new Problem(line, "assessment_point", pointText, "The school has no assessment point of this name",
                "Enter an assessment point of this school, for example " + examplePoint(points)));
      }
      Double score = null;
      if (scoreText.isEmpty()) {
        problems.add(new Problem(line, "score", null, "The score is missing", "Enter a score"));
      } else if (subject != null) {
        score = subject.value(scoreText);
        if (score == null) {
          problems.add(new Problem(line, "score", scoreText, "This is not a " + subject.name() + " score",
              "Enter a score for " + subject.name() + " as " + subject.range()));
        }
      }
      if (problems.size() == before && pupilId != null && subject != null && point != null && score != null) {
        String key = pupilId + "/" + subject.id() + "/" + point.id();
        Integer earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
          problems.add(new Problem(line, "upn", PupilCsv.value(record, "upn"), "Row " + earlier + " already gives a "
              + subject.name() + " score for this pupil at " + point.label(), "Keep one of the rows"));
        } else {
          rows.add(new Row(line, PupilCsv.value(record, "upn").toUpperCase(Locale.ROOT), subject, point, pupilId,
              score));
        }
      }
    }
    if (!problems.isEmpty()) {
      return ImportPreview.failed(problems);
    }

    Map<String, Double> existing = new HashMap<>();
    jdbc.sql("select pupil_id, subject_id, point_id, score from assessment_score where school_id = ?")
        .param(schoolId)
        .query(rs -> {
          existing.put(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3), rs.getDouble(4));
        });
    List<Row> creates = new ArrayList<>();
    List<Row> updates = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    for (Row row : rows) {
      Double was = existing.get(row.key());
      (was == null ? creates : updates).add(row);
      changes.add(new Change(row.line(), row.upn(), row.subject().name(), row.point().label(),
          ScoreGrid.shown(row.subject(), row.score()), was == null ? null : ScoreGrid.shown(row.subject(), was)));
    }
    ImportPreview<Change> preview = new ImportPreview<>(new Result(creates.size(), updates.size(), List.of()), changes);
    if (!dryRun && expected != null && !expected.equals(preview.fingerprint())) {
      throw new OptimisticLockingFailureException("scores of school " + schoolId + " changed since the preview");
    }
    if (!dryRun) {
      write(schoolId, creates, updates);
      audit.record(AuditAction.IMPORT, "assessment-score", null, schoolId,
          "created " + creates.size() + ", updated " + updates.size());
    }
    return preview;
  }

  private void write(long schoolId, List<Row> creates, List<Row> updates) {
    writer.insert(schoolId, creates.stream().map(Row::asScore).toList());
    writer.update(schoolId, updates.stream().map(Row::asScore).toList());
  }

  private static String examplePoint(List<AssessmentSetup.Point> points) {
    return points.isEmpty() ? "a term of the school's calendar" : points.getLast().label();
  }

}
