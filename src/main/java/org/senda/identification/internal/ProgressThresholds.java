package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the progress tests count as "less than expected": the defaults below, which a school may change on its
 * identification settings page.
 *
 * @param windowPoints how many assessment points a window spans (3 = a year of termly assessments); progress is
 *     the change from the start to the end of the current window, the previous rate the change over the window
 *     before it
 * @param bandWidth peers "from the same baseline" start within this many points of the pupil's starting score
 * @param significanceMads how far below the peers' median progress counts as significantly slower, in scaled
 *     median absolute deviations (MAD x 1.4826, which equals the standard deviation for normally spread progress)
 * @param minimumDifference the least shortfall that can count as significant, in points, so that a peer group
 *     whose progress hardly varies does not turn a one-point dip into a flag
 * @param minimumCohort the fewest peers a comparison may rest on; a smaller school cohort is widened to the same
 *     year group across the trust
 * @param gapPoints a gap to the peers' median below this many points is no gap
 * @param wideningPoints the gap must grow by more than this many points over the window to count as widening
 * @param rateTolerancePoints the pupil's progress relative to the year group may fall by this much against the
 *     previous window before it counts as slower than their own previous rate
 * @param recentArrivalMonths a pupil admitted within this many months is a recent arrival
 * @param attendanceThreshold attendance below this percentage is a reason for caution
 */
public record ProgressThresholds(
    int windowPoints,
    double bandWidth,
    double significanceMads,
    double minimumDifference,
    int minimumCohort,
    double gapPoints,
    double wideningPoints,
    double rateTolerancePoints,
    int recentArrivalMonths,
    double attendanceThreshold) {

  /** Defaults chosen for standardised scores (mean 100, standard deviation 15) assessed termly. */
  public static final ProgressThresholds DEFAULTS = new ProgressThresholds(3, 5, 1.0, 3, 10, 5, 3, 3, 6, 90);

  /** What is wrong with these thresholds, as GOV.UK field messages keyed by component name; empty when valid. */
  public List<FieldProblem> problems() {
    List<FieldProblem> problems = new ArrayList<>();
    if (windowPoints < 1 || windowPoints > 12) {
      problems.add(new FieldProblem("windowPoints", "Window length must be between 1 and 12 assessment points"));
    }
    if (!(bandWidth > 0) || bandWidth > 100) {
      problems.add(new FieldProblem("bandWidth", "Baseline band must be more than 0 and at most 100 points"));
    }
    if (!(significanceMads > 0) || significanceMads > 5) {
      problems.add(new FieldProblem("significanceMads", "Significance must be more than 0 and at most 5"));
    }
    if (!(minimumDifference >= 0) || minimumDifference > 100) {
      problems.add(new FieldProblem("minimumDifference", "Smallest shortfall must be between 0 and 100 points"));
    }
    if (minimumCohort < 3 || minimumCohort > 500) {
      problems.add(new FieldProblem("minimumCohort", "Smallest peer group must be between 3 and 500 pupils"));
    }
    if (!(gapPoints >= 0) || gapPoints > 100) {
      problems.add(new FieldProblem("gapPoints", "Gap must be between 0 and 100 points"));
    }
    if (!(wideningPoints >= 0) || wideningPoints > 100) {
      problems.add(new FieldProblem("wideningPoints", "Widening must be between 0 and 100 points"));
    }
    if (!(rateTolerancePoints >= 0) || rateTolerancePoints > 100) {
      problems.add(new FieldProblem("rateTolerancePoints", "Rate tolerance must be between 0 and 100 points"));
    }
    if (recentArrivalMonths < 0 || recentArrivalMonths > 36) {
      problems.add(new FieldProblem("recentArrivalMonths", "Recent arrival must be between 0 and 36 months"));
    }
    if (!(attendanceThreshold >= 0) || attendanceThreshold > 100) {
      problems.add(new FieldProblem("attendanceThreshold", "Attendance threshold must be between 0 and 100"));
    }
    return problems;
  }

  /** A field and the message to show beside it. */
  public record FieldProblem(String field, String message) {}
}
