package org.senda.identification.internal;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A school's thresholds for the progress tests and how often it assesses; the defaults until it changes them. */
@Component
class IdentificationSettings {

  private final JdbcClient jdbc;
  private final ProgressInputs inputs;

  IdentificationSettings(JdbcClient jdbc, ProgressInputs inputs) {
    this.jdbc = jdbc;
    this.inputs = inputs;
  }

  ProgressThresholds thresholds(long schoolId) {
    return jdbc.sql("""
            select window_points, band_width, significance_mads, minimum_difference, minimum_cohort, gap_points,
                   widening_points, rate_tolerance_points, recent_arrival_months, attendance_threshold
            from identification_settings where school_id = ?""")
        .param(schoolId)
        .query((rs, n) -> new ProgressThresholds(
            rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5), rs.getDouble(6),
            rs.getDouble(7), rs.getDouble(8), rs.getInt(9), rs.getDouble(10)))
        .optional()
        .orElse(ProgressThresholds.DEFAULTS);
  }

  /** The version of the school's thresholds: 0 while it keeps the defaults, one more after each save. */
  int version(long schoolId) {
    return jdbc.sql("select version from identification_settings where school_id = ?")
        .param(schoolId)
        .query(Integer.class)
        .optional()
        .orElse(0);
  }

  /**
   * Saves the thresholds read at {@code version}; callers have checked {@link ProgressThresholds#problems()}.
   *
   * @throws OptimisticLockingFailureException when someone saved the thresholds since they were read
   */
  void save(long schoolId, ProgressThresholds t, int version) {
    int updated = jdbc.sql("""
            update identification_settings set window_points = :w, band_width = :b, significance_mads = :s,
              minimum_difference = :d, minimum_cohort = :c, gap_points = :g, widening_points = :wi,
              rate_tolerance_points = :r, recent_arrival_months = :m, attendance_threshold = :a,
              version = version + 1
            where school_id = :school and version = :version""")
        .params(params(schoolId, t))
        .param("version", version)
        .update();
    if (updated == 1) {
      inputs.changed(schoolId);
      return;
    }
    if (version != 0 || version(schoolId) != 0) {
      throw new OptimisticLockingFailureException("identification settings of school " + schoolId);
    }
    try {
      jdbc.sql("""
              insert into identification_settings (school_id, window_points, band_width, significance_mads,
                minimum_difference, minimum_cohort, gap_points, widening_points, rate_tolerance_points,
                recent_arrival_months, attendance_threshold, version)
              values (:school, :w, :b, :s, :d, :c, :g, :wi, :r, :m, :a, 1)""")
          .params(params(schoolId, t))
          .update();
      inputs.changed(schoolId);
    } catch (DuplicateKeyException e) {
      throw new OptimisticLockingFailureException("identification settings of school " + schoolId, e);
    }
  }

  private static java.util.Map<String, Object> params(long schoolId, ProgressThresholds t) {
    return java.util.Map.ofEntries(
        java.util.Map.entry("school", schoolId),
        java.util.Map.entry("w", t.windowPoints()),
        java.util.Map.entry("b", t.bandWidth()),
        java.util.Map.entry("s", t.significanceMads()),
        java.util.Map.entry("d", t.minimumDifference()),
        java.util.Map.entry("c", t.minimumCohort()),
        java.util.Map.entry("g", t.gapPoints()),
        java.util.Map.entry("wi", t.wideningPoints()),
        java.util.Map.entry("r", t.rateTolerancePoints()),
        java.util.Map.entry("m", t.recentArrivalMonths()),
        java.util.Map.entry("a", t.attendanceThreshold()));
  }
}
