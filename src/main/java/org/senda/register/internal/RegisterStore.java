package org.senda.register.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.register.SendStatus;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the register: one history row per change and the pupil's current entry, together. The entry carries a
 * version so that two people changing the same pupil at once cannot overwrite each other.
 */
@Component
class RegisterStore {

  /** The pupil's current entry and the date of their latest change. */
  record Entry(long pupilId, long schoolId, SendStatus status, @Nullable String primaryNeed,
      @Nullable String secondaryNeed, LocalDate statusSince, @Nullable LocalDate leftOn,
      @Nullable LocalDate monitorUntil, int version, @Nullable LocalDate lastChange) {}

  /** One change to write: the checked values. */
  record Change(long pupilId, long schoolId, SendStatus status, @Nullable String primaryNeed,
      @Nullable String secondaryNeed, LocalDate effectiveDate, String reason, @Nullable LocalDate reviewDate,
      @Nullable LocalDate monitorUntil, @Nullable String note, String changedBy, Instant changedAt) {}

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  RegisterStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  Optional<Entry> entry(long pupilId) {
    return jdbc.sql("""
            select re.*, (select max(rc.effective_date) from register_change rc where rc.pupil_id = re.pupil_id)
              as last_change
            from register_entry re where re.pupil_id = ?""")
        .param(pupilId)
        .query((rs, n) -> new Entry(rs.getLong("pupil_id"), rs.getLong("school_id"),
            SendStatus.valueOf(rs.getString("status")), rs.getString("primary_need"), rs.getString("secondary_need"),
            rs.getObject("status_since", LocalDate.class), rs.getObject("left_on", LocalDate.class),
            rs.getObject("monitor_until", LocalDate.class), rs.getInt("version"),
            rs.getObject("last_change", LocalDate.class)))
        .optional();
  }

  /** The current entries of these pupils, in one statement. */
  List<Entry> entries(List<Long> pupilIds) {
    if (pupilIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select re.*, null as last_change from register_entry re where re.pupil_id in (:ids)")
        .param("ids", pupilIds)
        .query((rs, n) -> new Entry(rs.getLong("pupil_id"), rs.getLong("school_id"),
            SendStatus.valueOf(rs.getString("status")), rs.getString("primary_need"), rs.getString("secondary_need"),
            rs.getObject("status_since", LocalDate.class), rs.getObject("left_on", LocalDate.class),
            rs.getObject("monitor_until", LocalDate.class), rs.getInt("version"), null))
        .list();
  }

  /** A school's monitoring period and the version of its setting (0 and the default when it has not chosen). */
  record MonitoringSetting(int months, int version) {}

  MonitoringSetting monitoringSetting(long schoolId) {
    return jdbc.sql("select monitoring_months, version from register_setting where school_id = ?")
        .param(schoolId)
        .query((rs, n) -> new MonitoringSetting(rs.getInt("monitoring_months"), rs.getInt("version")))
        .optional()
        .orElse(new MonitoringSetting(Monitoring.DEFAULT_MONTHS, 0));
  }

  /**
   * Sets the monitoring period if the setting is still at {@code version} (the one the person saw); false when
   * someone else saved it meanwhile. A school without a row yet is at version 0.
   */
  boolean setMonitoringMonths(long schoolId, int months, int version) {
    int updated = jdbc.sql("""
            update register_setting set monitoring_months = ?, version = version + 1
            where school_id = ? and version = ?""")
        .params(months, schoolId, version)
        .update();
    if (updated == 1) {
      return true;
    }
    if (version != 0) {
      return false;
    }
    // Only when the school has no setting yet (a failed insert would abort the transaction on PostgreSQL).
    return jdbc.sql("""
            insert into register_setting (school_id, monitoring_months, version)
            select ?, ?, 1 where not exists (select 1 from register_setting where school_id = ?)""")
        .params(schoolId, months, schoolId)
        .update() == 1;
  }

  int monitoringMonths(long schoolId) {
    return jdbc.sql("select monitoring_months from register_setting where school_id = ?")
        .param(schoolId)
        .query(Integer.class)
        .optional()
        .orElse(Monitoring.DEFAULT_MONTHS);
  }

  /**
   * Records a change and moves the current entry to it.
   *
   * @param previous the entry the person saw, or null when the pupil had none
   */
  void record(Change change, @Nullable Entry previous) {
    insertHistory(List.of(change));
    boolean leaving = previous != null && previous.status().onRegister() && change.status() == SendStatus.N;
    boolean statusChanged = previous == null || previous.status() != change.status();
    LocalDate since = statusChanged ? change.effectiveDate() : previous.statusSince();
    LocalDate leftOn = leaving ? change.effectiveDate() : previous == null ? null : previous.leftOn();
    LocalDate monitorUntil = leaving ? change.monitorUntil()
        : change.status().onRegister() ? null : previous == null ? null : previous.monitorUntil();
    if (previous == null) {
      jdbc.sql("""
              insert into register_entry (pupil_id, school_id, status, primary_need, secondary_need, status_since,
                left_on, monitor_until)
              values (?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(change.pupilId(), change.schoolId(), change.status().name(), change.primaryNeed(),
              change.secondaryNeed(), since, leftOn, monitorUntil)
          .update();
      return;
    }
    int updated = jdbc.sql("""
            update register_entry set status = ?, primary_need = ?, secondary_need = ?, status_since = ?,
              left_on = ?, monitor_until = ?, version = version + 1
            where pupil_id = ? and version = ?""")
        .params(change.status().name(), change.primaryNeed(), change.secondaryNeed(), since, leftOn, monitorUntil,
            change.pupilId(), previous.version())
        .update();
    if (updated != 1) {
      throw new OptimisticLockingFailureException("register entry of pupil " + change.pupilId());
    }
  }

  /** Writes many pupils' histories and current entries with batch statements (import, demo trust). */
  void recordAll(List<Change> history, List<Entry> entries) {
    insertHistory(history);
    template.batchUpdate("""
            insert into register_entry (pupil_id, school_id, status, primary_need, secondary_need, status_since,
              left_on, monitor_until)
            values (?, ?, ?, ?, ?, ?, ?, ?)""", entries, 1000, (ps, e) -> {
          ps.setLong(1, e.pupilId());
          ps.setLong(2, e.schoolId());
          ps.setString(3, e.status().name());
          ps.setString(4, e.primaryNeed());
          ps.setString(5, e.secondaryNeed());
          ps.setDate(6, Date.valueOf(e.statusSince()));
          ps.setDate(7, e.leftOn() == null ? null : Date.valueOf(e.leftOn()));
          ps.setDate(8, e.monitorUntil() == null ? null : Date.valueOf(e.monitorUntil()));
        });
  }

  /** Deletes the current entries of these pupils (an import replacing them writes new ones). */
  void deleteEntries(List<Long> pupilIds) {
    template.batchUpdate("delete from register_entry where pupil_id = ?", pupilIds, 1000,
        (ps, id) -> ps.setLong(1, id));
  }

  private void insertHistory(List<Change> history) {
    template.batchUpdate("""
            insert into register_change (pupil_id, school_id, status, primary_need, secondary_need, effective_date,
              reason, review_date, monitor_until, note, changed_by, changed_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", history, 1000, (ps, c) -> {
          ps.setLong(1, c.pupilId());
          ps.setLong(2, c.schoolId());
          ps.setString(3, c.status().name());
          ps.setString(4, c.primaryNeed());
          ps.setString(5, c.secondaryNeed());
          ps.setDate(6, Date.valueOf(c.effectiveDate()));
          ps.setString(7, c.reason());
          ps.setDate(8, c.reviewDate() == null ? null : Date.valueOf(c.reviewDate()));
          ps.setDate(9, c.monitorUntil() == null ? null : Date.valueOf(c.monitorUntil()));
          ps.setString(10, c.note());
          ps.setString(11, c.changedBy());
          ps.setTimestamp(12, Timestamp.from(c.changedAt()));
        });
  }
}
