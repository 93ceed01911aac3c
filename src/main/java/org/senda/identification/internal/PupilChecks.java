package org.senda.identification.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the school knows beyond scores that bears on a flag: attendance per term and hearing and vision checks
 * (Code of Practice 6.21-6.24). The progress flags' cautions read these tables.
 */
@Service
class PupilChecks {

  /** The pupil's attendance in one term. */
  record Attendance(long termId, String term, LocalDate startsOn, BigDecimal percentage) {}

  /** A hearing or vision check: when, what it found and who did it. */
  record SensoryCheck(long id, String kind, LocalDate checkedOn, String result, String checkedBy) {

    public String kindTitle() {
      return "HEARING".equals(kind) ? "Hearing" : "Vision";
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

  /** The pupil's attendance by term, newest first. */
  List<Attendance> attendance(long pupilId) {
    return jdbc.sql("""
            select t.id, t.name, ay.label, t.starts_on, a.percentage from pupil_attendance a
            join term t on t.id = a.term_id join academic_year ay on ay.id = t.academic_year_id
            where a.pupil_id = ? order by t.starts_on desc""")
        .param(pupilId)
        .query((rs, n) -> new Attendance(rs.getLong(1), rs.getString(2) + " " + rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getBigDecimal(5)))
        .list();
  }

  /** The pupil's hearing and vision checks, newest first. */
  List<SensoryCheck> sensoryChecks(long pupilId) {
    return jdbc.sql("""
            select id, kind, checked_on, result, recorded_by from sensory_check where pupil_id = ?
            order by checked_on desc, id desc""")
        .param(pupilId)
        .query((rs, n) -> new SensoryCheck(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getString(4), rs.getString(5)))
        .list();
  }

  /** Records (or corrects) the pupil's attendance in a term of their school. */
  @Transactional
  void recordAttendance(PupilSummary pupil, long termId, BigDecimal percentage) {
    int updated = jdbc.sql("update pupil_attendance set percentage = ? where pupil_id = ? and term_id = ?")
        .params(percentage, pupil.id(), termId)
        .update();
    if (updated == 0) {
      jdbc.sql("insert into pupil_attendance (pupil_id, school_id, term_id, percentage) values (?, ?, ?, ?)")
          .params(pupil.id(), pupil.schoolId(), termId, percentage)
          .update();
    }
    inputs.changed(pupil.schoolId());
    audit.record(updated == 0 ? AuditAction.CREATE : AuditAction.UPDATE, "pupil-attendance", pupil.id(),
        pupil.schoolId(), "term " + termId);
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
