package org.senda.support.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A plan cycle as written: wave, review date, strengths, needs and outcomes, and whether it is to be active. */
record PlanDraft(
    @Nullable Integer wave,
    @Nullable LocalDate reviewDate,
    PlanStatus status,
    @Nullable String strengths,
    List<NeedDraft> needs,
    List<OutcomeDraft> outcomes) {

  PlanDraft {
    needs = needs == null ? List.of() : List.copyOf(needs);
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }
}
