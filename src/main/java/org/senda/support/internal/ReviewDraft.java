package org.senda.support.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A review as recorded: how each outcome of the cycle went, what worked, the pupil's and parents' views, the
 * decision, and for the next cycle its review date and (when the plan changes) its outcomes.
 */
record ReviewDraft(
    @Nullable LocalDate heldOn,
    List<Result> outcomes,
    @Nullable String whatWorked,
    @Nullable String pupilView,
    @Nullable String parentsView,
    @Nullable ReviewDecision decision,
    @Nullable String decisionReason,
    @Nullable LocalDate nextReviewDate,
    @Nullable List<OutcomeDraft> nextOutcomes) {

  record Result(long outcomeId, @Nullable OutcomeResult result, @Nullable String evidence) {}

  ReviewDraft {
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }
}
