package org.senda.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.senda.register.BroadArea;
import org.senda.register.NeedType;
import org.senda.register.SendStatus;

class StatusChangeRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 25);
  static final LocalDate ALWAYS = LocalDate.of(2000, 1, 1);
  static final NeedCatalogue CATALOGUE = new NeedCatalogue(List.of(
      new NeedType("SLCN", "Speech, language and communication needs", BroadArea.COMMUNICATION_AND_INTERACTION,
          ALWAYS, null),
      new NeedType("ASD", "Autistic spectrum disorder", BroadArea.COMMUNICATION_AND_INTERACTION, ALWAYS, null),
      new NeedType("SEMH", "Social, emotional and mental health", BroadArea.SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH,
          LocalDate.of(2015, 1, 1), null),
      new NeedType("NSA", "No specialist assessment", BroadArea.NOT_ASSESSED, ALWAYS, null),
      new NeedType("BESD", "Behaviour, emotional and social difficulty", BroadArea.SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH,
          ALWAYS, LocalDate.of(2014, 12, 31))));

  /**
   * Needs as "CODE:RANK" separated by spaces; the expected problems as "field=start of message" separated by "|",
   * or "none".
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', textBlock = """
      SEN support with a primary need;               K; SLCN:1;          none
      EHC plan with primary and secondary;           E; ASD:1 SLCN:2;    none
      no SEN and no needs;                           N; ;                none
      NSA alone with SEN support;                    K; NSA:1;           none
      codes in any case;                             K; slcn:1;          none
      NSA with an EHC plan;                          E; NSA:1;           needs[0].code=NSA (no specialist assessment) can only be used with SEN support
      NSA with another need;                         K; SLCN:1 NSA:2;    needs=NSA means no type of need has been assessed
      two primary needs;                             K; SLCN:1 ASD:1;    needs[1].rank=A pupil can have only one primary need
      two secondary needs;                           K; SLCN:1 ASD:2 SEMH:2; needs[2].rank=A pupil can have only one secondary need
      a rank other than 1 or 2;                      K; SLCN:1 ASD:3;    needs[1].rank=Rank must be 1
      unknown code;                                  K; XYZ:1;           needs[0].code='XYZ' is not a DfE type of need code
      the same need twice;                           K; SLCN:1 SLCN:2;   needs[1].code=Record each need once
      SEN support without needs;                     K; ;                needs=Select the pupil's primary need
      EHC plan with only a secondary need;           E; ASD:2;           needs=Record the primary need (rank 1)
      no SEN with needs;                             N; SLCN:1;          needs=A pupil with no special educational needs (N) has no needs
      a retired code;                                K; BESD:1;          needs[0].code=BESD is not a valid need code on 25 November 2026
      historic code S is not a current status;       S; ASD:1;           status=SEN status must be N, K or E
      """)
  void checksStatusAndNeeds(String why, String status, @Nullable String needs, String expected) {
    StatusChange change = new StatusChange(status, parse(needs), "Assessed by the SENCO", TODAY, null, null, null);

    List<FieldProblem> problems = StatusChangeRules.check(change, CATALOGUE, SendStatus.N, null, TODAY);

    assertProblems(problems, expected);
  }

  @Test
  void aChangeNeedsAReason() {
    StatusChange change = new StatusChange("K", parse("SLCN:1"), "  ", TODAY, null, null, null);

    assertProblems(StatusChangeRules.check(change, CATALOGUE, SendStatus.N, null, TODAY),
        "reason=Enter the reason for the change");
  }

  @Test
  void aMissingStatusIsNamed() {
    StatusChange change = new StatusChange(null, List.of(), "Reason", TODAY, null, null, null);

    assertProblems(StatusChangeRules.check(change, CATALOGUE, null, null, TODAY), "status=Select the SEN status");
  }

  @Test
  void leavingTheRegisterIsDecidedAtAReview() {
    StatusChange noReview = new StatusChange("N", List.of(), "Met all outcomes", TODAY, null, null, null);
    StatusChange atReview =
        new StatusChange("N", List.of(), "Met all outcomes", TODAY, TODAY.minusDays(3), TODAY.plusMonths(6), null);
    StatusChange monitoringEndsBeforeLeaving =
        new StatusChange("N", List.of(), "Met all outcomes", TODAY, TODAY, TODAY.minusDays(1), null);

    assertProblems(StatusChangeRules.check(noReview, CATALOGUE, SendStatus.K, null, TODAY),
        "reviewDate=Enter the date of the review");
    assertThat(StatusChangeRules.check(atReview, CATALOGUE, SendStatus.K, null, TODAY)).isEmpty();
    assertProblems(StatusChangeRules.check(monitoringEndsBeforeLeaving, CATALOGUE, SendStatus.E, null, TODAY),
        "monitorUntil=The end of monitoring must be after");
    // Staying off the register is not leaving it: no review is needed.
    assertThat(StatusChangeRules.check(noReview, CATALOGUE, SendStatus.N, null, TODAY)).isEmpty();
  }

  @Test
  void theEffectiveDateIsNotInTheFutureNorBeforeTheLastChange() {
    StatusChange tomorrow = new StatusChange("K", parse("SLCN:1"), "Reason", TODAY.plusDays(1), null, null, null);
    StatusChange beforeLast = new StatusChange("K", parse("SLCN:1"), "Reason", TODAY.minusDays(10), null, null, null);

    assertProblems(StatusChangeRules.check(tomorrow, CATALOGUE, SendStatus.N, null, TODAY),
        "effectiveDate=The date the change takes effect must be today or in the past");
    assertProblems(StatusChangeRules.check(beforeLast, CATALOGUE, SendStatus.N, TODAY.minusDays(5), TODAY),
        "effectiveDate=The date the change takes effect must be on or after 20 November 2026");
  }

  @Test
  void aCodeIsValidOnlyWithinItsDates() {
    StatusChange in2014 =
        new StatusChange("K", parse("BESD:1"), "Imported history", LocalDate.of(2014, 6, 1), null, null, null);
    StatusChange semhIn2014 =
        new StatusChange("K", parse("SEMH:1"), "Imported history", LocalDate.of(2014, 6, 1), null, null, null);

    assertThat(StatusChangeRules.check(in2014, CATALOGUE, null, null, TODAY)).isEmpty();
    assertProblems(StatusChangeRules.check(semhIn2014, CATALOGUE, null, null, TODAY),
        "needs[0].code=SEMH is not a valid need code on 1 June 2014");
  }

  @Test
  void aNewCodeAddedAsDataIsAccepted() {
    NeedCatalogue withNewCode = new NeedCatalogue(new ArrayList<>(CATALOGUE.all()) {
      {
        add(new NeedType("NEW", "A code the DfE adds later", BroadArea.COGNITION_AND_LEARNING,
            LocalDate.of(2026, 9, 1), null));
      }
    });
    StatusChange change = new StatusChange("E", parse("NEW:1"), "Diagnosis", TODAY, null, null, null);

    assertThat(StatusChangeRules.check(change, withNewCode, SendStatus.K, null, TODAY)).isEmpty();
    assertThat(StatusChangeRules.check(change, CATALOGUE, SendStatus.K, null, TODAY)).isNotEmpty();
  }

  @Test
  void rankedCodesAreInRankOrder() {
    StatusChange change = new StatusChange("E", parse("slcn:2 ASD:1"), "Reason", TODAY, null, null, null);

    assertThat(StatusChangeRules.rankedCodes(change)).containsExactly("ASD", "SLCN");
  }

  static List<StatusChange.Need> parse(@Nullable String needs) {
    if (needs == null || needs.isBlank()) {
      return List.of();
    }
    List<StatusChange.Need> parsed = new ArrayList<>();
    for (String need : needs.trim().split("\\s+")) {
      String[] parts = need.split(":");
      parsed.add(new StatusChange.Need(parts[0], Integer.valueOf(parts[1])));
    }
    return parsed;
  }

  static void assertProblems(List<FieldProblem> problems, String expected) {
    if ("none".equals(expected)) {
      assertThat(problems).isEmpty();
      return;
    }
    String[] wanted = expected.split("\\|");
    assertThat(problems).hasSize(wanted.length);
    for (int i = 0; i < wanted.length; i++) {
      String[] parts = wanted[i].split("=", 2);
      assertThat(problems.get(i).field()).isEqualTo(parts[0]);
      assertThat(problems.get(i).message()).startsWith(parts[1]);
    }
  }
}
