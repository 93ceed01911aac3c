package org.senda.support.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;
import org.springframework.validation.BindingResult;

/** The review form as typed: one result per outcome of the cycle, the views, the decision, the next date. */
record ReviewForm(
    @Nullable DateParts heldOn,
    @Nullable List<ResultForm> results,
    @Nullable String whatWorked,
    @Nullable String pupilView,
    @Nullable String parentsView,
    @Nullable String decision,
    @Nullable String decisionReason,
    @Nullable DateParts nextReviewDate,
    @Nullable Integer version) {

  record ResultForm(@Nullable Long outcomeId, @Nullable String result, @Nullable String evidence) {}

  static ReviewForm start(PlanDetail plan, java.time.LocalDate today) {
    List<ResultForm> results = plan.current().outcomes().stream()
        .map(o -> new ResultForm(o.id(), null, null)).toList();
    return new ReviewForm(DateParts.of(today), results, null, null, null, null, null, DateParts.of(null),
        plan.version());
  }

  void rejectBadDates(BindingResult errors) {
    if (heldOn == null || heldOn.isBlank()) {
      errors.rejectValue("heldOn", "date", "Enter the date of the review");
    } else {
      heldOn.problem("the date of the review").ifPresent(m -> errors.rejectValue("heldOn", "date", m));
    }
    if (nextReviewDate != null && !nextReviewDate.isBlank()) {
      nextReviewDate.problem("the next review date").ifPresent(m -> errors.rejectValue("nextReviewDate", "date", m));
    }
  }

  ReviewDraft draft() {
    List<ReviewDraft.Result> list = new ArrayList<>();
    if (results != null) {
      for (ResultForm r : results) {
        if (r != null && r.outcomeId() != null) {
          OutcomeResult result = null;
          try {
            result = r.result() == null || r.result().isBlank() ? null : OutcomeResult.valueOf(r.result());
          } catch (IllegalArgumentException e) {
            result = null;
          }
          list.add(new ReviewDraft.Result(r.outcomeId(), result, r.evidence()));
        }
      }
    }
    ReviewDecision d = null;
    try {
      d = decision == null || decision.isBlank() ? null : ReviewDecision.valueOf(decision);
    } catch (IllegalArgumentException e) {
      d = null;
    }
    return new ReviewDraft(heldOn == null ? null : heldOn.toDate().orElse(null), list, whatWorked, pupilView,
        parentsView, d, decisionReason, nextReviewDate == null ? null : nextReviewDate.toDate().orElse(null), null);
  }
}
