package org.senda.support.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What the school calls its plans, how often it reviews them, and how many meetings with parents a year. */
@Component
class SupportSettings {

  record Settings(long schoolId, String planName, ReviewInterval reviewInterval, int meetingsPerYear, int version) {}

  static final String DEFAULT_PLAN_NAME = "Support plan";

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
        .orElse(new Settings(schoolId, DEFAULT_PLAN_NAME, ReviewInterval.TERM, 3, -1));
  }
}
