package org.senda.identification.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance from a CSV file ({@code upn,term,attendance_percent}), checked row by row like the score import: a
 * file with any error writes nothing and says which rows and columns to fix, and a file confirmed after its preview
 * writes nothing if someone changed the attendance it replaces meanwhile. A term is named as on the calendar with its
 * academic year, e.g. "Autumn 2025/26".
 */
@Service
class AttendanceImport {

  static final List<String> COLUMNS = List.of("upn", "term", "attendance_percent");

  /** A row of the file that adds ({@code before} null) or replaces a pupil's attendance in a term. */
  record Change(int row, String upn, String term, BigDecimal percentage, @Nullable BigDecimal before) {

    public boolean creates() {
      return before == null;
    }
  }

  private record Row(int line, String upn, String term, long pupilId, long termId, BigDecimal percentage) {}

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
    return preview(schoolId, csv, dryRun, null).result();
  }

  /**
   * Checks (and unless {@code dryRun} writes) the file, saying row by row what it changes: one row per pupil and
   * term, with the percentage it replaces.
   *
   * @param expected the {@link ImportPreview#fingerprint()} of the preview the person confirmed, or null for none
   * @throws OptimisticLockingFailureException when, before writing, the file would no longer do what was previewed
   *     (someone recorded or changed the attendance of one of its rows meanwhile); nothing is written
   */
  @Transactional
  ImportPreview<Change> preview(long schoolId, String csv, boolean dryRun, @Nullable String expected) {
    PupilCsv.Read read = PupilCsv.read(csv, COLUMNS, "attendance");
    if (!read.problems().isEmpty()) {
      return ImportPreview.failed(read.problems());
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
        problems.add(termText.isEmpty()
            ? new AssessmentImport.Problem(line, "term", null, "The term is missing", "Enter a term")
            : new AssessmentImport.Problem(line, "term", termText, "The school's calendar has no term of this name",
                "Enter a term of the school's calendar with its academic year, for example " + example(calendar)));
      }
      BigDecimal percentage = PupilChecks.percentage(percentText);
      if (percentText.isEmpty()) {
        problems.add(new AssessmentImport.Problem(line, "attendance_percent", null,
            "The attendance percentage is missing", "Enter the attendance percentage"));
      } else if (percentage == null) {
        problems.add(new AssessmentImport.Problem(line, "attendance_percent", percentText,
            "This is not a percentage from 0 to 100",
            "Enter the attendance as a number from 0 to 100, with up to 2 decimal places"));
      }
      if (problems.size() == before && pupilId != null && term != null && percentage != null) {
        Integer earlier = seen.putIfAbsent(pupilId + "/" + term.id(), line);
        if (earlier != null) {
          problems.add(new AssessmentImport.Problem(line, "upn", PupilCsv.value(record, "upn"),
              "Row " + earlier + " already gives this pupil's attendance for " + termText, "Keep one of the rows"));
        } else {
          rows.add(new Row(line, PupilCsv.value(record, "upn").toUpperCase(Locale.ROOT),
              term.name() + " " + term.academicYear(), pupilId, term.id(), percentage));
        }
      }
    }
    if (!problems.isEmpty()) {
      return ImportPreview.failed(problems);
    }

    Map<String, BigDecimal> existing = new HashMap<>();
    jdbc.sql("select pupil_id, term_id, percentage from pupil_attendance where school_id = ?")
        .param(schoolId)
        .query(rs -> {
          existing.put(rs.getLong(1) + "/" + rs.getLong(2), rs.getBigDecimal(3));
        });
    List<Object[]> creates = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    for (Row row : rows) {
      BigDecimal was = existing.get(row.pupilId() + "/" + row.termId());
      changes.add(new Change(row.line(), row.upn(), row.term(), row.percentage(), was));
      if (was != null) {
        updates.add(new Object[] {row.percentage(), row.pupilId(), row.termId()});
      } else {
        creates.add(new Object[] {row.pupilId(), schoolId, row.termId(), row.percentage()});
      }
    }
    ImportPreview<Change> preview = new ImportPreview<>(
        new AssessmentImport.Result(creates.size(), updates.size(), List.of()), changes);
    if (!dryRun && expected != null && !expected.equals(preview.fingerprint())) {
      throw new OptimisticLockingFailureException("attendance of school " + schoolId + " changed since the preview");
    }
    if (!dryRun) {
      batch.batchUpdate("insert into pupil_attendance (pupil_id, school_id, term_id, percentage) values (?, ?, ?, ?)",
          creates);
      // a new version, so that anyone changing one of these rows on a pupil's page is told the file changed it
      batch.batchUpdate("""
          update pupil_attendance set percentage = ?, version = version + 1 where pupil_id = ? and term_id = ?""",
          updates);
      inputs.changed(schoolId);
      audit.record(AuditAction.IMPORT, "pupil-attendance", null, schoolId,
          "created " + creates.size() + ", updated " + updates.size());
    }
    return preview;
  }

  private static String key(String text) {
    return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String example(List<Term> terms) {
    return terms.isEmpty() ? "Autumn 2025/26" : terms.getLast().name() + " " + terms.getLast().academicYear();
  }

}
