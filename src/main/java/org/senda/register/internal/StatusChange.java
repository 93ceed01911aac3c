package org.senda.register.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A requested change of a pupil's SEN status and needs, as typed (codes and ranks unchecked).
 *
 * @param effectiveDate from when the change holds
 * @param reviewDate the review that decided a pupil leaves the register (needed only when leaving)
 * @param monitorUntil the end of monitoring after leaving; null takes the school's default period
 */
record StatusChange(
    @Nullable String status,
    List<Need> needs,
    @Nullable String reason,
    LocalDate effectiveDate,
    @Nullable LocalDate reviewDate,
    @Nullable LocalDate monitorUntil,
    @Nullable String note) {

  /** A need as typed: the code and its rank (null when missing). */
  record Need(@Nullable String code, @Nullable Integer rank) {}

  StatusChange {
    needs = List.copyOf(needs);
  }
}
