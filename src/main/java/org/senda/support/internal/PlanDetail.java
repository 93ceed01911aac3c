package org.senda.support.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.register.BroadArea;

/** A plan with every cycle, oldest first: the current cycle last, closed ones with their reviews. */
record PlanDetail(long id, long pupilId, long schoolId, PlanStatus status, int currentCycle, int version,
    List<Cycle> cycles) {

  record Cycle(long id, int number, @Nullable Integer wave, @Nullable String strengths, LocalDate openedOn,
      @Nullable LocalDate reviewDate, @Nullable LocalDate closedOn, List<Need> needs, List<Outcome> outcomes,
      @Nullable Review review) {

    public boolean closed() {
      return closedOn != null;
    }
  }

  record Need(BroadArea area, String description) {}

  record Outcome(long id, int position, @Nullable String description, @Nullable String measure,
      @Nullable String baseline, @Nullable String target, @Nullable LocalDate targetDate, List<String> strategies,
      @Nullable String provisionWhat, @Nullable String provisionWho, @Nullable String provisionHowOften,
      @Nullable String provisionWhere) {

    OutcomeDraft draft() {
      return new OutcomeDraft(description, measure, baseline, target, targetDate, strategies, provisionWhat,
          provisionWho, provisionHowOften, provisionWhere);
    }
  }

  record Review(long id, LocalDate heldOn, @Nullable String whatWorked, @Nullable String pupilView,
      @Nullable String parentsView, ReviewDecision decision, @Nullable String decisionReason, List<Result> results) {

    public Optional<Result> resultFor(long outcomeId) {
      return results.stream().filter(r -> r.outcomeId() == outcomeId).findFirst();
    }
  }

  record Result(long outcomeId, OutcomeResult result, @Nullable String evidence) {}

  public Cycle current() {
    return cycles.getLast();
  }

  /** The closed cycles, newest first. */
  public List<Cycle> history() {
    return cycles.subList(0, cycles.size() - 1).reversed();
  }

  PlanDraft currentDraft() {
    Cycle c = current();
    return new PlanDraft(c.wave(), c.reviewDate(), status, c.strengths(),
        c.needs().stream().map(n -> new NeedDraft(n.area(), n.description())).toList(),
        c.outcomes().stream().map(Outcome::draft).toList());
  }
}
