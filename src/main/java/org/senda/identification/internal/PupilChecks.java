package org.senda.identification.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilSummary;
import org.senda.web.DateParts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the school knows beyond scores that bears on a flag: attendance per term and hearing and vision checks
 * (Code of Practice 6.21-6.24). The progress flags' cautions read these tables.
 */
@Service
class PupilChecks {

  /** The pupil's attendance in one term, at the version it was read. */
  record Attendance(long termId, String term, LocalDate startsOn, BigDecimal percentage, int version) {

    public String shown() {
      return percentage.stripTrailingZeros().toPlainString() + "%";
    }
  }

  /** A hearing or vision check: when, what it found and who did it, at the version it was read. */
  record SensoryCheck(long id, String kind, LocalDate checkedOn, String result, String checkedBy, int version) {

    public String kindTitle() {
      return "HEARING".equals(kind) ? "Hearing" : "Vision";
    }

    SensoryCheckForm form() {
      return new SensoryCheckForm(kind, DateParts.of(checkedOn), result, checkedBy, version);
    }
  }

  private final JdbcClient jdbc;
  private final Audit audit;
  private final ProgressInputs inputs;

  PupilChecks(JdbcClient jdbc, Audit audit, ProgressInputs inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
    this.audit = audit;
  }

  private static final String ATTENDANCE = """
      select t.id, t.name, ay.label, t.starts_on, a.percentage, a.version from pupil_attendance a
      join term t on t.id = a.term_id join academic_year ay on ay.id = t.academic_year_id
      where a.pupil_id = ?""";

  private static final String CHECKS = """
      select id, kind, checked_on, result, recorded_by, version from sensory_check where pupil_id = ?""";

  /** The pupil's attendance by term, newest first. */
  List<Attendance> attendance(long pupilId) {
    return jdbc.sql(ATTENDANCE + " order by t.starts_on desc")
        .param(pupilId)
        .query(PupilChecks::attendanceRow)
        .list();
  }

  /** The pupil's attendance in one term, if recorded. */
  Optional<Attendance> attendance(long pupilId, long termId) {
    return jdbc.sql(ATTENDANCE + " and a.term_id = ?")
        .params(pupilId, termId)
        .query(PupilChecks::attendanceRow)
        .optional();
  }

  /** The pupil's hearing and vision checks, newest first. */
  List<SensoryCheck> sensoryChecks(long pupilId) {
    return jdbc.sql(CHECKS + " order by checked_on desc, id desc")
        .param(pupilId)
        .query(PupilChecks::checkRow)
        .list();
  }

  /** One of the pupil's checks; empty when the pupil has no check of this id. */
  Optional<SensoryCheck> sensoryCheck(long pupilId, long checkId) {
    return jdbc.sql(CHECKS + " and id = ?")
        .params(pupilId, checkId)
        .query(PupilChecks::checkRow)
        .optional();
  }

  /**
   * Records the pupil's attendance in a term that has none; a term already recorded is changed with
   * {@link #changeAttendance}, from the version the person saw.
   *
   * @throws OptimisticLockingFailureException when someone recorded this term since the page was shown
   */
  @Transactional
  void recordAttendance(PupilSummary pupil, long termId, BigDecimal percentage) {
    int inserted;
    try {
      inserted = jdbc.sql("""
              insert into pupil_attendance (pupil_id, school_id, term_id, percentage)
              select ?, ?, ?, ? where not exists (select 1 from pupil_attendance where pupil_id = ? and term_id = ?)""")
          .params(pupil.id(), pupil.schoolId(), termId, percentage, pupil.id(), termId)
          .update();
    } catch (DuplicateKeyException e) {
      inserted = 0;
    }
    if (inserted != 1) {
      throw new OptimisticLockingFailureException("attendance of pupil " + pupil.id() + " in term " + termId);
    }
    inputs.changed(pupil.schoolId());
    audit.record(AuditAction.CREATE, "pupil-attendance", pupil.id(), pupil.schoolId(), "term " + termId);
  }

  /**
   * Changes the pupil's attendance in a term, read at {@code version}.
   *
   * @throws OptimisticLockingFailureException when someone changed it (on the page or by an import) since
   */
  @Transactional
  void changeAttendance(PupilSummary pupil, long termId, BigDecimal percentage, int version) {
    int updated = jdbc.sql("""
            update pupil_attendance set percentage = ?, version = version + 1
            where pupil_id = ? and term_id = ? and version = ?""")
        .params(percentage, pupil.id(), termId, version)
        .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("attendance of pupil " + pupil.id() + " in term " + termId);
    }
    inputs.changed(pupil.schoolId());
    audit.record(AuditAction.UPDATE, "pupil-attendance", pupil.id(), pupil.schoolId(), "term " + termId);
  }

  @Transactional
  void recordCheck(PupilSummary pupil, String kind, LocalDate checkedOn, String result, String checkedBy) {
    jdbc.sql("""
            insert into sensory_check (pupil_id, school_id, kind, checked_on, result, recorded_by)
            values (?, ?, ?, ?, ?, ?)""")
        .params(pupil.id(), pupil.schoolId(), kind, checkedOn, result, checkedBy)
        .update();
    inputs.changed(pupil.schoolId());
    audit.record(AuditAction.CREATE, "sensory-check", pupil.id(), pupil.schoolId(), kind);
  }

  /**
   * Corrects a check read at {@code version}.
   *
   * @throws OptimisticLockingFailureException when someone changed or deleted it since
   */
  @Transactional
  void changeCheck(PupilSummary pupil, long checkId, String kind, LocalDate checkedOn, String result,
      String checkedBy, int version) {
    int updated = jdbc.sql("""
            update sensory_check set kind = ?, checked_on = ?, result = ?, recorded_by = ?, version = version + 1
            where id = ? and pupil_id = ? and version = ?""")
        .params(kind, checkedOn, result, checkedBy, checkId, pupil.id(), version)
        .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("sensory check " + checkId);
    }
    inputs.changed(pupil.schoolId());
    audit.record(AuditAction.UPDATE, "sensory-check", pupil.id(), pupil.schoolId(), kind + " check " + checkId);
  }

  /**
   * Deletes a check recorded by mistake, read at {@code version}; the audit log keeps that it existed and who
   * deleted it.
   *
   * @throws OptimisticLockingFailureException when someone changed or deleted it since
   */
  @Transactional
  void deleteCheck(PupilSummary pupil, SensoryCheck check) {
    int deleted = jdbc.sql("delete from sensory_check where id = ? and pupil_id = ? and version = ?")
        .params(check.id(), pupil.id(), check.version())
        .update();
    if (deleted != 1) {
      throw new OptimisticLockingFailureException("sensory check " + check.id());
    }
    inputs.changed(pupil.schoolId());
    audit.record(AuditAction.DELETE, "sensory-check", pupil.id(), pupil.schoolId(),
        check.kind() + " check " + check.id() + " of " + check.checkedOn());
  }

  private static Attendance attendanceRow(ResultSet rs, int row) throws SQLException {
    return new Attendance(rs.getLong(1), rs.getString(2) + " " + rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getBigDecimal(5), rs.getInt(6));
  }

  private static SensoryCheck checkRow(ResultSet rs, int row) throws SQLException {
    return new SensoryCheck(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
        rs.getString(5), rs.getInt(6));
  }

  /** A percentage from 0 to 100 with at most two decimal places, or null when the text is not one. */
  static @Nullable BigDecimal percentage(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      BigDecimal value = new BigDecimal(text.trim().replace("%", "").trim());
      if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > 2) {
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
