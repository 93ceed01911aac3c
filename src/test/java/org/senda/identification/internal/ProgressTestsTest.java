package org.senda.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.senda.identification.ProgressCriterion;

class ProgressTestsTest {

  /** One-point windows, so a case reads as: previous start, start, end. */
  static final ProgressThresholds ONE_POINT = new ProgressThresholds(1, 5, 1.0, 3, 10, 5, 3, 3, 6, 90);

  /**
   * Peers start at every score from 90 to 110, three at each: they gained 2 in the previous window, and 1, 2 or
   * 3 in this one. So the year group's median is 98, 100, 102; peers from a similar baseline progress by a
   * median of 2 with a MAD of 1, and "significantly slower" means below 2 - 3 = -1.
   */
  static ScoreTable cohortWith(int... pupil) {
    ScoreTable.Builder table = new ScoreTable.Builder(List.of("Summer 2025", "Autumn 2025", "Spring 2026"));
    int row = table.addPupil(1, 10, "Y4");
    for (int point = 0; point < pupil.length; point++) {
      table.score(row, point, pupil[point]);
    }
    long id = 100;
    for (int baseline = 90; baseline <= 110; baseline++) {
      for (int gain = 1; gain <= 3; gain++) {
        int peer = table.addPupil(id++, 10, "Y4");
        table.score(peer, 0, baseline - 2).score(peer, 1, baseline).score(peer, 2, baseline + gain);
      }
    }
    return table.build();
  }

  static ProgressResult resultFor(ScoreTable table, long pupilId) {
    return new ProgressTests(ONE_POINT).evaluate(table, 2, school -> true).stream()
        .filter(r -> r.pupilId() == pupilId)
        .findFirst()
        .orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "progressing like peers,                           98, 100, 102, ''",
    "slower than peers from the same baseline,          98, 100,  98, SLOWER_THAN_PEERS BELOW_OWN_PREVIOUS_RATE",
    "low attaining but catching up,                     80,  82,  88, ''",
    "low attaining and gap not closing,                 80,  82,  84, GAP_NOT_CLOSING",
    "gap widening,                                      84,  86,  82, BELOW_OWN_PREVIOUS_RATE GAP_NOT_CLOSING GAP_WIDENING",
    "keeping pace after a fast year is still slower,    90, 100, 102, BELOW_OWN_PREVIOUS_RATE",
    "high attaining but falling behind similar peers,  108, 110, 108, SLOWER_THAN_PEERS BELOW_OWN_PREVIOUS_RATE",
  })
  void flagsOnlyLessThanExpectedProgress(String why, int previous, int start, int end, String expected) {
    ProgressResult result = resultFor(cohortWith(previous, start, end), 1);

    Set<ProgressCriterion> criteria = expected.isBlank()
        ? EnumSet.noneOf(ProgressCriterion.class)
        : Arrays.stream(expected.split(" ")).map(ProgressCriterion::valueOf).collect(Collectors.toSet());
    assertThat(result.criteria()).as(why).isEqualTo(criteria);
  }

  @Test
  void explainsAFlagInNumbers() {
    ProgressExplanation explanation = resultFor(cohortWith(84, 86, 82), 1).explanation();

    assertThat(explanation.points()).containsExactly("Summer 2025", "Autumn 2025", "Spring 2026");
    assertThat(explanation.pupilScores()).containsExactly(84.0, 86.0, 82.0);
    assertThat(explanation.peerMedianScores()).containsExactly(98.0, 100.0, 102.0);
    assertThat(explanation.peerGroup()).isEqualTo("Y4 in this school");
    assertThat(explanation.cohortSize()).isEqualTo(64);
    assertThat(explanation.gapAtStart()).isEqualTo(14.0);
    assertThat(explanation.gapAtEnd()).isEqualTo(20.0);
    assertThat(explanation.pupilProgress()).isEqualTo(-4.0);
    assertThat(explanation.previousRelativeProgress()).isEqualTo(0.0);
    assertThat(explanation.currentRelativeProgress()).isEqualTo(-6.0);
    // Only the pupils starting at 90 and 91 are within 5 of 86: too few to compare with.
    assertThat(explanation.bandSize()).isEqualTo(7);
    assertThat(explanation.peerMedianProgress()).isNull();
    assertThat(explanation.notes()).anyMatch(note -> note.startsWith("Too few pupils started from a similar score"));
  }

  @Test
  void explainsTheSignificanceLine() {
    ProgressExplanation explanation = resultFor(cohortWith(98, 100, 98), 1).explanation();

    assertThat(explanation.bandFrom()).isEqualTo(95.0);
    assertThat(explanation.bandTo()).isEqualTo(105.0);
    assertThat(explanation.bandSize()).isEqualTo(34);
    assertThat(explanation.peerMedianProgress()).isEqualTo(2.0);
    assertThat(explanation.slowerThreshold()).isEqualTo(-1.0);
  }

  @Test
  void widensPeersToTheTrustWhenTheSchoolCohortIsSmall() {
    ScoreTable.Builder table = new ScoreTable.Builder(List.of("Summer 2025", "Autumn 2025", "Spring 2026"));
    int small = table.addPupil(1, 20, "Y4");
    table.score(small, 0, 80).score(small, 1, 82).score(small, 2, 84);
    for (int i = 0; i < 4; i++) {
      int classmate = table.addPupil(50 + i, 20, "Y4");
      table.score(classmate, 0, 78).score(classmate, 1, 80).score(classmate, 2, 82);
    }
    for (int i = 0; i < 30; i++) {
      int other = table.addPupil(100 + i, 30, "Y4");
      table.score(other, 0, 98).score(other, 1, 100).score(other, 2, 102);
    }

    List<ProgressResult> results = new ProgressTests(ONE_POINT).evaluate(table.build(), 2, school -> school == 20);

    assertThat(results).hasSize(5);
    ProgressResult pupil = results.getFirst();
    assertThat(pupil.explanation().peerGroup()).isEqualTo("Y4 across the trust");
    assertThat(pupil.explanation().cohortSize()).isEqualTo(35);
    assertThat(pupil.criteria()).containsExactly(ProgressCriterion.GAP_NOT_CLOSING);
  }

  @Test
  void givesNoResultWithoutScoresAtBothEndsOfTheWindow() {
    ScoreTable table = cohortWith(98, 100);

    assertThat(new ProgressTests(ONE_POINT).evaluate(table, 2, s -> true))
        .noneMatch(result -> result.pupilId() == 1);
  }

  @Test
  void acceptsTheDefaultsAndNamesEveryBadThreshold() {
    assertThat(ProgressThresholds.DEFAULTS.problems()).isEmpty();
    ProgressThresholds bad = new ProgressThresholds(0, 0, 0, -1, 1, -1, -1, -1, -1, 101);

    assertThat(bad.problems()).extracting(ProgressThresholds.FieldProblem::field).containsExactly(
        "windowPoints", "bandWidth", "significanceMads", "minimumDifference", "minimumCohort", "gapPoints",
        "wideningPoints", "rateTolerancePoints", "recentArrivalMonths", "attendanceThreshold");
  }
}
