package org.senda.support.internal;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the school calls its plans, how often it reviews them, and how many meetings with parents a year. */
@Component
class SupportSettings {

  /** A school's settings; {@code version} is -1 while the school still uses the defaults. */
  record Settings(long schoolId, String planName, ReviewInterval reviewInterval, int meetingsPerYear, int version) {}

  static final String DEFAULT_PLAN_NAME = "Support plan";
  static final int PLAN_NAME_LENGTH = 60;
  /** Code of Practice 6.65: at least three meetings a year; more than one a fortnight is not a plan. */
  static final int MIN_MEETINGS = 3;
  static final int MAX_MEETINGS = 20;

  private final JdbcClient jdbc;

  SupportSettings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Settings of(long schoolId) {
    return jdbc.sql("select plan_name, review_interval, meetings_per_year, version from support_setting where school_id = ?")
        .param(schoolId)
        .query((rs, n) -> new Settings(schoolId, rs.getString(1), ReviewInterval.valueOf(rs.getString(2)), rs.getInt(3),
            rs.getInt(4)))
        .optional()
        // Code of Practice 6.65: schools should meet parents at least three times each year.
        .orElse(new Settings(schoolId, DEFAULT_PLAN_NAME, ReviewInterval.TERM, MIN_MEETINGS, -1));
  }

  /** Saves the settings, refusing when someone else saved them since {@code version} (-1: the defaults). */
  void save(long schoolId, int version, String planName, ReviewInterval interval, int meetingsPerYear) {
    int changed;
    if (version < 0) {
      try {
        changed = jdbc.sql("""
                insert into support_setting (school_id, plan_name, review_interval, meetings_per_year)
                values (?, ?, ?, ?)""")
            .params(schoolId, planName, interval.name(), meetingsPerYear)
            .update();
      } catch (org.springframework.dao.DuplicateKeyException e) {
        changed = 0;
      }
    } else {
      changed = jdbc.sql("""
              update support_setting set plan_name = ?, review_interval = ?, meetings_per_year = ?,
                version = version + 1
              where school_id = ? and version = ?""")
          .params(planName, interval.name(), meetingsPerYear, schoolId, version)
          .update();
    }
    if (changed != 1) {
      throw new OptimisticLockingFailureException("support settings of " + schoolId + " changed since " + version);
    }
  }
}
