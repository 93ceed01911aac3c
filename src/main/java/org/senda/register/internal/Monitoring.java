package org.senda.register.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.senda.register.SendStatus;

/**
 * After a review decides a pupil no longer needs SEN provision, the pupil is monitored for a while: shown as
 * "monitoring" on the register, but returned as N in the census (MIS statuses such as "Monitoring" export as N).
 */
final class Monitoring {

  /** How long a school monitors by default when it has not chosen. */
  static final int DEFAULT_MONTHS = 6;

  private Monitoring() {}

  /** The end of monitoring for a pupil leaving the register on {@code leftOn}. */
  static LocalDate until(LocalDate leftOn, int months) {
    return leftOn.plusMonths(months);
  }

  /** Whether a pupil is being monitored on {@code today}. */
  static boolean monitoring(SendStatus status, @Nullable LocalDate monitorUntil, LocalDate today) {
    return status == SendStatus.N && monitorUntil != null && !today.isAfter(monitorUntil);
  }
}
