package org.senda.identification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Flags the SENCO has looked at and set aside, with the reason. A dismissal holds for the assessment point it was
 * made at: when new scores arrive the tests run again and a pupil still flagged shows again.
 */
@Component
class FlagDismissals {

  private final JdbcClient jdbc;
  private final Audit audit;
  private final Clock clock;

  FlagDismissals(JdbcClient jdbc, Audit audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  static String key(long pupilId, String subject, String pointLabel) {
    return pupilId + "/" + subject + "/" + pointLabel;
  }

  /** The dismissed flags of a school, as {@link #key} strings, in one query. */
  Set<String> of(long schoolId) {
    Set<String> keys = new HashSet<>();
    jdbc.sql("""
            select d.pupil_id, sub.code, ap.label from progress_flag_dismissal d
            join assessment_subject sub on sub.id = d.subject_id join assessment_point ap on ap.id = d.point_id
            where d.school_id = ?""")
        .param(schoolId)
        .query(rs -> {
          keys.add(key(rs.getLong(1), rs.getString(2), rs.getString(3)));
        });
    return keys;
  }

  /** A flag set aside: why, by whom and when. */
  record Dismissal(String reason, String by, OffsetDateTime at) {}

  /** The dismissal of one pupil's flag in a subject at an assessment point, if the SENCO set it aside, in one query. */
  java.util.Optional<Dismissal> of(long schoolId, long pupilId, String subject, String pointLabel) {
    return jdbc.sql("""
            select d.reason, d.dismissed_by, d.dismissed_at from progress_flag_dismissal d
            join assessment_subject sub on sub.id = d.subject_id join assessment_point ap on ap.id = d.point_id
            where d.school_id = :school and d.pupil_id = :pupil and sub.code = :subject and ap.label = :point
            order by d.dismissed_at desc, d.id desc fetch first 1 rows only""")
        .param("school", schoolId)
        .param("pupil", pupilId)
        .param("subject", subject)
        .param("point", pointLabel)
        .query((rs, n) -> new Dismissal(
            rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
        .optional();
  }

  /** Records the dismissal; false when the subject or point is not the school's. */
  @Transactional
  boolean dismiss(long schoolId, ProgressFlags.Flag flag, String pointLabel, String reason, String by) {
    var ids = jdbc.sql("""
            select sub.id, ap.id from assessment_subject sub, assessment_point ap
            where sub.school_id = :school and sub.code = :subject and ap.school_id = :school and ap.label = :point""")
        .param("school", schoolId)
        .param("subject", flag.subject())
        .param("point", pointLabel)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .optional();
    if (ids.isEmpty()) {
      return false;
    }
    jdbc.sql("""
            insert into progress_flag_dismissal (school_id, pupil_id, subject_id, point_id, criteria, reason,
              dismissed_by, dismissed_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(schoolId, flag.pupilId(), ids.get()[0], ids.get()[1],
            String.join(",", flag.criteria().stream().map(Enum::name).toList()), reason.trim(), by,
            OffsetDateTime.now(clock))
        .update();
    audit.record(AuditAction.UPDATE, "progress-flag", flag.pupilId(), schoolId,
        "dismissed " + flag.subject() + " at " + pointLabel);
    return true;
  }
}
