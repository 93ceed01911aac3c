package org.senda.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.senda.identification.ProgressCriterion;

/** Properties of the four tests under the default thresholds (three-point windows, seven points of history). */
class ProgressTestsPropertiesTest {

  static final int POINTS = 7;
  static final int END = POINTS - 1;
  static final List<String> LABELS = IntStream.range(0, POINTS).mapToObj(i -> "P" + i).toList();
  static final ProgressTests TESTS = new ProgressTests(ProgressThresholds.DEFAULTS);

  @Provide
  Arbitrary<int[]> trajectory() {
    return Arbitraries.integers().between(60, 140).array(int[].class).ofSize(POINTS);
  }

  @Provide
  Arbitrary<List<int[]>> deviations() {
    return Arbitraries.integers().between(-15, 15).array(int[].class).ofSize(POINTS).list().ofMinSize(5).ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<int[]>> cohort() {
    return trajectory().list().ofMinSize(10).ofMaxSize(60);
  }

  static ScoreTable table(List<int[]> rows, int shift) {
    ScoreTable.Builder table = new ScoreTable.Builder(LABELS);
    for (int i = 0; i < rows.size(); i++) {
      int row = table.addPupil(i + 1, 1, "Y5");
      for (int point = 0; point < POINTS; point++) {
        table.score(row, point, rows.get(i)[point] + shift);
      }
    }
    return table.build();
  }

  @Property
  void aPupilAtThePeersMedianIsNeverFlagged(
      @ForAll("trajectory") int[] pupil, @ForAll("deviations") List<int[]> deviations) {
    // Peers in pairs either side of the pupil: the pupil's scores are the median at every point, and so is their
    // progress among any band of peers around their starting score.
    List<int[]> rows = new java.util.ArrayList<>();
    rows.add(pupil);
    for (int[] d : deviations) {
      rows.add(IntStream.range(0, POINTS).map(p -> pupil[p] + d[p]).toArray());
      rows.add(IntStream.range(0, POINTS).map(p -> pupil[p] - d[p]).toArray());
    }

    ProgressResult result = TESTS.evaluate(table(rows, 0), END, s -> true).getFirst();

    assertThat(result.pupilId()).isEqualTo(1);
    assertThat(result.criteria()).isEmpty();
  }

  @Property
  void shiftingEveryScoreByAConstantChangesNothing(
      @ForAll("cohort") List<int[]> rows, @ForAll @IntRange(min = -50, max = 50) int shift) {
    List<ProgressResult> before = TESTS.evaluate(table(rows, 0), END, s -> true);
    List<ProgressResult> after = TESTS.evaluate(table(rows, shift), END, s -> true);

    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      assertThat(after.get(i).criteria()).isEqualTo(before.get(i).criteria());
      assertThat(after.get(i).explanation().gapAtEnd()).isEqualTo(before.get(i).explanation().gapAtEnd());
      assertThat(after.get(i).explanation().peerMedianProgress())
          .isEqualTo(before.get(i).explanation().peerMedianProgress());
    }
  }

  @Property
  void aPupilWhoseGapIsClosingIsNeverFlaggedForTheGap(@ForAll("cohort") List<int[]> rows) {
    int start = END - ProgressThresholds.DEFAULTS.windowPoints();
    double gapAtStart = median(rows, start) - rows.getFirst()[start];
    double gapAtEnd = median(rows, END) - rows.getFirst()[END];
    Assume.that(gapAtEnd < gapAtStart);

    ProgressResult pupil = TESTS.evaluate(table(rows, 0), END, s -> true).getFirst();

    assertThat(pupil.criteria()).doesNotContain(ProgressCriterion.GAP_NOT_CLOSING, ProgressCriterion.GAP_WIDENING);
  }

  @Property
  void aPupilWhoGainsAtLeastAsMuchAsEveryPeerIsNeverSlowerThanThem(
      @ForAll("cohort") List<int[]> rows, @ForAll @IntRange(min = 0, max = 10) int extra) {
    int start = END - ProgressThresholds.DEFAULTS.windowPoints();
    int best = rows.stream().skip(1).mapToInt(peer -> peer[END] - peer[start]).max().orElseThrow();
    int[] pupil = rows.getFirst();
    pupil[END] = pupil[start] + best + extra;

    ProgressResult result = TESTS.evaluate(table(rows, 0), END, s -> true).getFirst();

    assertThat(result.criteria()).doesNotContain(ProgressCriterion.SLOWER_THAN_PEERS);
  }

  static double median(List<int[]> rows, int point) {
    double[] values = rows.stream().mapToDouble(row -> row[point]).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  @Property
  void medianIsTheMiddleOfTheSortedValues(@ForAll("trajectory") int[] values) {
    double[] copy = Arrays.stream(values).asDoubleStream().toArray();
    double[] sorted = copy.clone();
    Arrays.sort(sorted);

    double median = RobustStatistics.medianInPlace(copy, copy.length);

    assertThat(median).isBetween(sorted[(sorted.length - 1) / 2], sorted[sorted.length / 2]);
  }
}
