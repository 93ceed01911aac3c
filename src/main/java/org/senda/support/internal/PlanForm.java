package org.senda.support.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.register.BroadArea;
import org.senda.web.DateParts;
import org.springframework.validation.BindingResult;

/** The plan form as typed: dates as their parts, strategies one a line, needs per broad area. */
record PlanForm(
    @Nullable String wave,
    @Nullable DateParts reviewDate,
    @Nullable String status,
    @Nullable String strengths,
    @Nullable String needCommunication,
    @Nullable String needCognition,
    @Nullable String needSemh,
    @Nullable String needSensory,
    @Nullable List<OutcomeForm> outcomes,
    @Nullable Integer version) {

  record OutcomeForm(@Nullable String description, @Nullable String measure, @Nullable String baseline,
      @Nullable String target, @Nullable DateParts targetDate, @Nullable String strategies,
      @Nullable String provisionWhat, @Nullable String provisionWho, @Nullable String provisionHowOften,
      @Nullable String provisionWhere) {

    static OutcomeForm blank() {
      return new OutcomeForm("", "", "", "", DateParts.of(null), "", "", "", "", "");
    }

    static OutcomeForm of(OutcomeDraft o) {
      return new OutcomeForm(o.description(), o.measure(), o.baseline(), o.target(), DateParts.of(o.targetDate()),
          String.join("\n", o.strategies()), o.provisionWhat(), o.provisionWho(), o.provisionHowOften(),
          o.provisionWhere());
    }

    @Nullable LocalDate date() {
      return targetDate == null ? null : targetDate.toDate().orElse(null);
    }

    OutcomeDraft draft() {
      List<String> lines = strategies == null ? List.of() : Arrays.asList(strategies.split("\\R"));
      return new OutcomeDraft(description, measure, baseline, target, date(), lines, provisionWhat, provisionWho,
          provisionHowOften, provisionWhere);
    }
  }

  /** The outcome rows shown: those written plus empty ones, at least three. */
  static final int MIN_ROWS = 3;

  static PlanForm of(PlanDraft draft, @Nullable Integer version) {
    Map<BroadArea, String> needs = new java.util.EnumMap<>(BroadArea.class);
    draft.needs().forEach(n -> needs.merge(n.area(), n.description(), (a, b) -> a + "\n" + b));
    List<OutcomeForm> rows = new ArrayList<>(draft.outcomes().stream().map(OutcomeForm::of).toList());
    return new PlanForm(draft.wave() == null ? null : String.valueOf(draft.wave()), DateParts.of(draft.reviewDate()),
        draft.status().name(), draft.strengths(), needs.get(BroadArea.COMMUNICATION_AND_INTERACTION),
        needs.get(BroadArea.COGNITION_AND_LEARNING), needs.get(BroadArea.SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH),
        needs.get(BroadArea.SENSORY_AND_PHYSICAL), padded(rows), version);
  }

  static List<OutcomeForm> padded(List<OutcomeForm> rows) {
    List<OutcomeForm> padded = new ArrayList<>(rows);
    while (padded.size() < Math.max(MIN_ROWS, rows.size() + 1)) {
      padded.add(OutcomeForm.blank());
    }
    return padded;
  }

  PlanForm withRows() {
    return new PlanForm(wave, reviewDate == null ? DateParts.of(null) : reviewDate, status, strengths,
        needCommunication, needCognition, needSemh, needSensory,
        padded(outcomes == null ? List.of() : outcomes.stream().filter(o -> o != null).toList()), version);
  }

  PlanStatus planStatus() {
    return "ACTIVE".equals(status) ? PlanStatus.ACTIVE : PlanStatus.DRAFT;
  }

  PlanDraft draft() {
    Integer w = null;
    try {
      w = wave == null || wave.isBlank() ? null : Integer.valueOf(wave.strip());
    } catch (NumberFormatException e) {
      w = null;
    }
    List<NeedDraft> needs = new ArrayList<>();
    need(needs, BroadArea.COMMUNICATION_AND_INTERACTION, needCommunication);
    need(needs, BroadArea.COGNITION_AND_LEARNING, needCognition);
    need(needs, BroadArea.SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH, needSemh);
    need(needs, BroadArea.SENSORY_AND_PHYSICAL, needSensory);
    return new PlanDraft(w, reviewDate == null ? null : reviewDate.toDate().orElse(null), planStatus(), strengths,
        needs, outcomes == null ? List.of()
            : outcomes.stream().filter(o -> o != null).map(OutcomeForm::draft).toList());
  }

  private static void need(List<NeedDraft> needs, BroadArea area, @Nullable String text) {
    if (text != null && !text.isBlank()) {
      needs.add(new NeedDraft(area, text.strip()));
    }
  }

  /** Dates typed but not real are errors whatever the status: what was typed would otherwise be lost. */
  void rejectBadDates(BindingResult errors) {
    if (reviewDate != null && !reviewDate.isBlank()) {
      reviewDate.problem("the review date").ifPresent(m -> errors.rejectValue("reviewDate", "date", m));
    }
    if (outcomes != null) {
      for (int i = 0; i < outcomes.size(); i++) {
        OutcomeForm o = outcomes.get(i);
        if (o != null && o.targetDate() != null && !o.targetDate().isBlank()) {
          final int index = i;
          o.targetDate().problem("the target date")
              .ifPresent(m -> errors.rejectValue("outcomes[" + index + "].targetDate", "date", m));
        }
      }
    }
  }

  /** The text parents and the pupil will read: strengths, needs and the outcomes, for the plain-language check. */
  String parentFacingText() {
    StringBuilder text = new StringBuilder();
    for (String s : new String[] {strengths, needCommunication, needCognition, needSemh, needSensory}) {
      if (s != null && !s.isBlank()) {
        text.append(s.strip()).append("\n\n");
      }
    }
    if (outcomes != null) {
      outcomes.stream().filter(o -> o != null && o.description() != null && !o.description().isBlank())
          .forEach(o -> text.append(o.description().strip()).append("\n\n"));
    }
    return text.toString();
  }
}
