package org.senda.identification.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
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

  /** One problem in the file: the spreadsheet row (header = 1), the column and what to do. */
  record Problem(int row, String column, String message) {}

  record Result(int created, int updated, List<Problem> errors) {}

  private record Row(long pupilId, long subjectId, long pointId, double score) {
    ScoreWriter.Score asScore() {
      return new ScoreWriter.Score(pupilId, subjectId, pointId, score);
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

  @Transactional
  Result run(long schoolId, String csv, boolean dryRun) {
    List<Problem> problems = new ArrayList<>();
    List<CSVRecord> records;
    try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreHeaderCase(true).setTrim(true).setIgnoreEmptyLines(true).get().parse(new StringReader(csv))) {
      Set<String> header = new HashSet<>();
      parser.getHeaderNames().forEach(h -> header.add(h.toLowerCase(Locale.ROOT)));
      for (String column : COLUMNS) {
        if (!header.contains(column)) {
          problems.add(new Problem(1, column, "Add a column headed " + column));
        }
      }
      if (!problems.isEmpty()) {
        return new Result(0, 0, problems);
      }
      records = parser.getRecords();
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      return new Result(0, 0, List.of(new Problem(1, "file",
          "The file could not be read as CSV: save it as CSV (comma separated) and try again")));
    }
    if (records.isEmpty()) {
      return new Result(0, 0, List.of(new Problem(2, "file", "The file has no rows of scores")));
    }

    setup.ensureSubjects(schoolId);
    setup.ensurePoints(schoolId, setup.cadence(schoolId));
    Map<String, AssessmentSetup.Subject> subjects = setup.subjects(schoolId);
    List<AssessmentSetup.Point> points = setup.points(schoolId);
    Map<String, Long> pupils = new HashMap<>();
    jdbc.sql("select upn, id from pupil where school_id = ?")
        .param(schoolId)
        .query(rs -> {
          pupils.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getLong(2));
        });

    Map<String, Integer> seen = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : records) {
      int line = (int) record.getRecordNumber() + 1;
      String upn = value(record, "upn").toUpperCase(Locale.ROOT);
      String subjectCode = value(record, "subject").toLowerCase(Locale.ROOT);
      String pointText = value(record, "assessment_point");
      String scoreText = value(record, "score");
      Long pupilId = pupils.get(upn);
      AssessmentSetup.Subject subject = subjects.get(subjectCode);
      AssessmentSetup.Point point = AssessmentSetup.find(points, pointText).orElse(null);
      int before = problems.size();
      if (upn.isEmpty()) {
        problems.add(new Problem(line, "upn", "Enter the pupil's UPN"));
      } else if (pupilId == null) {
        problems.add(new Problem(line, "upn", "No pupil in this school has the UPN " + upn));
      }
      if (subject == null) {
        problems.add(new Problem(line, "subject", subjectCode.isEmpty() ? "Enter a subject"
            : "Enter a subject the school assesses: " + String.join(", ", subjects.keySet())));
      }
      if (point == null) {
        problems.add(new Problem(line, "assessment_point", pointText.isEmpty() ? "Enter an assessment point"
            : "Enter an assessment point of this school, for example " + examplePoint(points)));
      }
      Double score = null;
      if (scoreText.isEmpty()) {
        problems.add(new Problem(line, "score", "Enter a score"));
      } else if (subject != null) {
        score = subject.value(scoreText);
        if (score == null) {
          problems.add(new Problem(line, "score", "Enter a score for " + subject.name() + " as " + subject.range()));
        }
      }
      if (problems.size() == before && pupilId != null && subject != null && point != null && score != null) {
        String key = pupilId + "/" + subject.id() + "/" + point.id();
        Integer earlier = seen.putIfAbsent(key, line);
        if (earlier != null) {
          problems.add(new Problem(line, "upn", "Row " + earlier + " already gives a " + subject.name()
              + " score for this pupil at " + point.label() + ": keep one of the rows"));
        } else {
          rows.add(new Row(pupilId, subject.id(), point.id(), score));
        }
      }
    }
    if (!problems.isEmpty()) {
      return new Result(0, 0, problems);
    }

    Set<String> existing = new HashSet<>();
    jdbc.sql("select pupil_id, subject_id, point_id from assessment_score where school_id = ?")
        .param(schoolId)
        .query(rs -> {
          existing.add(rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3));
        });
    List<Row> creates = new ArrayList<>();
    List<Row> updates = new ArrayList<>();
    for (Row row : rows) {
      (existing.contains(row.pupilId + "/" + row.subjectId + "/" + row.pointId) ? updates : creates).add(row);
    }
    if (!dryRun) {
      write(schoolId, creates, updates);
      audit.record(AuditAction.IMPORT, "assessment-score", null, schoolId,
          "created " + creates.size() + ", updated " + updates.size());
    }
    return new Result(creates.size(), updates.size(), List.of());
  }

  private void write(long schoolId, List<Row> creates, List<Row> updates) {
    writer.insert(schoolId, creates.stream().map(Row::asScore).toList());
    writer.update(schoolId, updates.stream().map(Row::asScore).toList());
  }

  private static String examplePoint(List<AssessmentSetup.Point> points) {
    return points.isEmpty() ? "a term of the school's calendar" : points.getLast().label();
  }

  private static String value(CSVRecord record, String column) {
    return record.isSet(column) ? record.get(column).trim() : "";
  }
}
