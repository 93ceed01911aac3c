package org.senda.register.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a date can be the last day of a dual registration. It cannot be before the pupil started. It may be in
 * the past (the placement ended last week and the SENCO records it now) or in the future (the unit's panel agreed
 * the placement ends at Easter), but not more than a year ahead: a placement in a unit is reviewed at least once a
 * year, so a later date is almost always a mistyped year, and a registration that ends years from now would hide
 * that nobody has decided anything.
 */
final class LastDayCheck {

  static final Period FURTHEST_AHEAD = Period.ofYears(1);

  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private LastDayCheck() {}

  /** The GOV.UK message for a last day that cannot be, or empty when it can. */
  static Optional<String> problem(LocalDate lastDay, LocalDate startsOn, LocalDate today) {
    if (lastDay.isBefore(startsOn)) {
      return Optional.of("The last day must be on or after the day the pupil started, " + LONG.format(startsOn));
    }
    LocalDate latest = today.plus(FURTHEST_AHEAD);
    if (lastDay.isAfter(latest)) {
      return Optional.of("The last day must be within a year from today, on or before " + LONG.format(latest)
          + ". If the placement runs longer, end the registration nearer the time");
    }
    return Optional.empty();
  }
}
