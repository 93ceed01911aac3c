package org.senda.identification.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance from a CSV file ({@code upn,term,attendance_percent}), checked row by row like the score import: a
 * file with any error writes nothing and says which rows and columns to fix. A term is named as on the calendar
 * with its academic year, e.g. "Autumn 2025/26".
 */
@Service
class AttendanceImport {

  static final List<String> COLUMNS = List.of("upn", "term", "attendance_percent");

  private record Row(long pupilId, long termId, BigDecimal percentage) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final Organisation organisation;
  private final Audit audit;
  private final ProgressInputs inputs;

  AttendanceImport(JdbcClient jdbc, JdbcTemplate batch, Organisation organisation, Audit audit,
      ProgressInputs inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
    this.batch = batch;
    this.organisation = organisation;
    this.audit = audit;
  }

  @Transactional
  AssessmentImport.Result run(long schoolId, String csv, boolean dryRun) {
    PupilCsv.Read read = PupilCsv.read(csv, COLUMNS, "attendance");
    if (!read.problems().isEmpty()) {
      return new AssessmentImport.Result(0, 0, read.problems());
    }
    List<AssessmentImport.Problem> problems = new ArrayList<>();
    Map<String, Term> terms = new HashMap<>();
    List<Term> calendar = organisation.calendar(schoolId).terms();
    for (Term term : calendar) {
      terms.put(key(term.name() + " " + term.academicYear()), term);
    }
    Map<String, Long> pupils = PupilCsv.pupilsByUpn(jdbc, schoolId);

    Map<String, Integer> seen = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (CSVRecord record : read.records()) {
      int line = PupilCsv.line(record);
      String termText = PupilCsv.value(record, "term");
      String percentText = PupilCsv.value(record, "attendance_percent");
      Term term = terms.get(key(termText));
      int before = problems.size();
      Long pupilId = PupilCsv.pupil(record, pupils, problems);
      if (term == null) {
        problems.add(new AssessmentImport.Problem(line, "term", termText.isEmpty() ? "Enter a term"
            : "Enter a term of the school's calendar with its academic year, for example " + example(calendar)));
      }
      BigDecimal percentage = PupilChecks.percentage(percentText);
      if (percentText.isEmpty()) {
        problems.add(new AssessmentImport.Problem(line, "attendance_percent", "Enter the attendance percentage"));
      } else if (percentage == null) {
        problems.add(new AssessmentImport.Problem(line, "attendance_percent",
            "Enter the attendance as a number from 0 to 100, with up to 2 decimal places"));
      }
      if (problems.size() == before && pupilId != null && term != null && percentage != null) {
        Integer earlier = seen.putIfAbsent(pupilId + "/" + term.id(), line);
        if (earlier != null) {
          problems.add(new AssessmentImport.Problem(line, "upn", "Row " + earlier
              + " already gives this pupil's attendance for " + termText + ": keep one of the rows"));
        } else {
          rows.add(new Row(pupilId, term.id(), percentage));
        }
      }
    }
    if (!problems.isEmpty()) {
      return new AssessmentImport.Result(0, 0, problems);
    }

    Set<String> existing = new HashSet<>();
    jdbc.sql("select pupil_id, term_id from pupil_attendance where school_id = ?")
        .param(schoolId)
        .query(rs -> {
          existing.add(rs.getLong(1) + "/" + rs.getLong(2));
        });
    List<Object[]> creates = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    for (Row row : rows) {
      if (existing.contains(row.pupilId() + "/" + row.termId())) {
        updates.add(new Object[] {row.percentage(), row.pupilId(), row.termId()});
      } else {
        creates.add(new Object[] {row.pupilId(), schoolId, row.termId(), row.percentage()});
      }
    }
    if (!dryRun) {
      batch.batchUpdate("insert into pupil_attendance (pupil_id, school_id, term_id, percentage) values (?, ?, ?, ?)",
          creates);
      batch.batchUpdate("update pupil_attendance set percentage = ? where pupil_id = ? and term_id = ?", updates);
      inputs.changed(schoolId);
      audit.record(AuditAction.IMPORT, "pupil-attendance", null, schoolId,
          "created " + creates.size() + ", updated " + updates.size());
    }
    return new AssessmentImport.Result(creates.size(), updates.size(), List.of());
  }

  private static String key(String text) {
    return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String example(List<Term> terms) {
    return terms.isEmpty() ? "Autumn 2025/26" : terms.getLast().name() + " " + terms.getLast().academicYear();
  }

}
