package org.senda.support.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SmartOutcomeCheckTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

  private static OutcomeDraft outcome(@Nullable String description, @Nullable String measure,
      @Nullable String baseline, @Nullable String target, @Nullable LocalDate targetDate) {
    return new OutcomeDraft(description, measure, baseline, target, targetDate, List.of("Pre-teach vocabulary"),
        null, null, null, null);
  }

  private static List<Finding> findings(OutcomeDraft o) {
    return SmartOutcomeCheck.outcome(0, o, TODAY);
  }

  private static List<String> blocking(OutcomeDraft o) {
    return findings(o).stream().filter(Finding::blocking).map(Finding::field).toList();
  }

  @Test
  void aCompleteOutcomeHasNoFindings() {
    assertThat(findings(outcome("Reads the first 100 high-frequency words", "Words read correctly from the list",
        "22 of 100", "60 of 100", TODAY.plusMonths(3)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(nullValues = "-", value = {
      "no measure,        Reads words, -,         22, 60, 2027-03-01, outcomes[0].measure",
      "no baseline,       Reads words, 12 words,  -,  60, 2027-03-01, outcomes[0].baseline",
      "no target,         Reads words, 12 words,  22, -,  2027-03-01, outcomes[0].target",
      "no date,           Reads words, 12 words,  22, 60, -,          outcomes[0].targetDate",
      "no description,    -,           12 words,  22, 60, 2027-03-01, outcomes[0].description",
      "target = baseline, Reads words, 12 words,  22, 22, 2027-03-01, outcomes[0].target",
  })
  void aGapBlocksWithAPlainSuggestion(String why, @Nullable String description, @Nullable String measure,
      @Nullable String baseline, @Nullable String target, @Nullable LocalDate date, String field) {
    OutcomeDraft o = outcome(description, measure, baseline, target, date);
    assertThat(blocking(o)).containsExactly(field);
    assertThat(findings(o).stream().filter(f -> f.field().equals(field)).findFirst().orElseThrow().message())
        .matches("^(Enter|Describe|The target).*");
  }

  @Test
  void vagueWordsAndMeasuresWithNothingToCountAreAdvisoryOnly() {
    OutcomeDraft o = outcome("Improve his reading", "Teacher judgement", "Struggles", "Reads better",
        TODAY.plusMonths(3));
    List<Finding> findings = findings(o);
    assertThat(findings).extracting(Finding::field)
        .containsExactlyInAnyOrder("outcomes[0].description", "outcomes[0].measure");
    assertThat(findings).noneMatch(Finding::blocking);
    assertThat(findings.getFirst().message()).startsWith("\u2018Improve\u2019 is hard to measure");
  }

  @Test
  void aPastTargetDateAndMissingStrategiesAreAdvisory() {
    OutcomeDraft o = new OutcomeDraft("Reads words", "Words read", "22", "60", TODAY.minusDays(1), List.of(),
        null, null, null, null);
    assertThat(findings(o)).extracting(Finding::field)
        .containsExactlyInAnyOrder("outcomes[0].targetDate", "outcomes[0].strategies");
    assertThat(SmartOutcomeCheck.blocks(findings(o))).isFalse();
  }

  @Test
  void aPlanNeedsAWaveAReviewDateAndAnOutcomeAndSkipsEmptyRows() {
    OutcomeDraft empty = new OutcomeDraft(null, " ", null, null, null, List.of(""), null, null, null, null);
    PlanDraft plan = new PlanDraft(null, null, PlanStatus.ACTIVE, null, List.of(), List.of(empty));
    assertThat(SmartOutcomeCheck.check(plan, TODAY)).extracting(Finding::field)
        .containsExactly("wave", "reviewDate", "outcomes");
    PlanDraft wave4 = new PlanDraft(4, TODAY.plusWeeks(6), PlanStatus.ACTIVE, null, List.of(),
        List.of(outcome("Reads words", "Words read", "22", "60", TODAY.plusMonths(3))));
    assertThat(SmartOutcomeCheck.check(wave4, TODAY)).extracting(Finding::field).containsExactly("wave");
  }
}
