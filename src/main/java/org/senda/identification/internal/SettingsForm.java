package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The thresholds page as typed: text, so that what was typed is shown again beside its message. */
record SettingsForm(
    @Nullable String windowPoints,
    @Nullable String bandWidth,
    @Nullable String significanceMads,
    @Nullable String minimumDifference,
    @Nullable String minimumCohort,
    @Nullable String gapPoints,
    @Nullable String wideningPoints,
    @Nullable String rateTolerancePoints,
    @Nullable String recentArrivalMonths,
    @Nullable String attendanceThreshold,
    @Nullable Integer version) {

  /** The form for the thresholds as saved, at the version read (0 while the school keeps the defaults). */
  static SettingsForm of(ProgressThresholds t, int version) {
    return new SettingsForm(String.valueOf(t.windowPoints()), AssessmentSetup.plain(t.bandWidth()),
        AssessmentSetup.plain(t.significanceMads()), AssessmentSetup.plain(t.minimumDifference()),
        String.valueOf(t.minimumCohort()), AssessmentSetup.plain(t.gapPoints()),
        AssessmentSetup.plain(t.wideningPoints()), AssessmentSetup.plain(t.rateTolerancePoints()),
        String.valueOf(t.recentArrivalMonths()), AssessmentSetup.plain(t.attendanceThreshold()), version);
  }

  /** The thresholds, with NaN (or -1 for whole numbers) where the text is not a number, so problems() names it. */
  ProgressThresholds thresholds() {
    return new ProgressThresholds(whole(windowPoints), number(bandWidth), number(significanceMads),
        number(minimumDifference), whole(minimumCohort), number(gapPoints), number(wideningPoints),
        number(rateTolerancePoints), whole(recentArrivalMonths), number(attendanceThreshold));
  }

  List<ProgressThresholds.FieldProblem> problems() {
    return new ArrayList<>(thresholds().problems());
  }

  private static double number(@Nullable String text) {
    try {
      return text == null ? Double.NaN : Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static int whole(@Nullable String text) {
    try {
      return text == null ? -1 : Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
