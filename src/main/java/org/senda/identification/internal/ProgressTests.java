package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;
import org.senda.identification.ProgressCriterion;

/**
 * The four tests of "less than expected progress" (SEND Code of Practice 2015, 6.17), applied to every pupil of a
 * score table for one subject, each result carrying the numbers that decided it.
 *
 * <p>The window is the last {@code windowPoints} assessment points up to the latest one; the previous window the
 * same length before it. Peers are the pupil's year group in the school; when fewer than {@code minimumCohort}
 * pupils are there, the same year group across the trust (when the table holds it).
 *
 * <ol>
 *   <li>{@link ProgressCriterion#SLOWER_THAN_PEERS}: the pupil's progress is below the median progress of peers
 *       whose starting score lies within {@code bandWidth} of theirs, by more than {@code significanceMads}
 *       scaled MADs (and at least {@code minimumDifference} points). Median and MAD rather than mean and standard
 *       deviation, so that a few pupils with extreme scores do not move the line.
 *   <li>{@link ProgressCriterion#BELOW_OWN_PREVIOUS_RATE}: the pupil's progress relative to the year group's
 *       median over this window is lower, by more than {@code rateTolerancePoints}, than it was over the previous
 *       window. Relative, so that a term in which everyone moves less (a harder block, uneven steps on a school's
 *       own scale) is not read as this pupil slowing down.
 *   <li>{@link ProgressCriterion#GAP_NOT_CLOSING}: at the end of the window the pupil is more than {@code
 *       gapPoints} below the year group's median and the gap is no smaller than at the start.
 *   <li>{@link ProgressCriterion#GAP_WIDENING}: there is such a gap at the end and it grew by more than {@code
 *       wideningPoints} over the window.
 * </ol>
 *
 * A pupil with low attainment whose gap is closing meets neither 3 nor 4: low attainment alone is not less than
 * expected progress, and neither is it SEN (Code of Practice 6.23).
 *
 * <p>Cost: one pass to group pupils, one sort per cohort, one median per distinct starting score in a cohort
 * (cached), so a 2,000-pupil school is a few milliseconds per subject.
 */
public final class ProgressTests {

  private final ProgressThresholds thresholds;

  public ProgressTests(ProgressThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * Applies the tests up to assessment point {@code end} to the pupils of the schools {@code forSchool} accepts;
   * other rows serve only as peers. Pupils without a score at both the start and the end of the window get no
   * result.
   */
  public List<ProgressResult> evaluate(ScoreTable table, int end, LongPredicate forSchool) {
    if (end < 1 || end >= table.pointCount()) {
      return List.of();
    }
    int window = thresholds.windowPoints();
    int start = Math.max(0, end - window);
    int previousStart = start - window;
    Map<String, Cohort> schoolCohorts = new HashMap<>();
    Map<String, Cohort> trustCohorts = new HashMap<>();
    for (int row = 0; row < table.pupilCount(); row++) {
      if (table.has(row, start) && table.has(row, end)) {
        String yearGroup = table.yearGroups()[row];
        schoolCohorts.computeIfAbsent(table.schoolIds()[row] + "/" + yearGroup, k -> new Cohort()).add(row);
        trustCohorts.computeIfAbsent(yearGroup, k -> new Cohort()).add(row);
      }
    }
    Window w = new Window(table, start, end, previousStart);
    for (Cohort cohort : schoolCohorts.values()) {
      cohort.prepare(w);
    }
    for (Cohort cohort : trustCohorts.values()) {
      cohort.prepare(w);
    }
    List<ProgressResult> results = new ArrayList<>();
    for (int row = 0; row < table.pupilCount(); row++) {
      if (!forSchool.test(table.schoolIds()[row]) || !table.has(row, start) || !table.has(row, end)) {
        continue;
      }
      String yearGroup = table.yearGroups()[row];
      Cohort school = schoolCohorts.get(table.schoolIds()[row] + "/" + yearGroup);
      Cohort trust = trustCohorts.get(yearGroup);
      results.add(evaluate(w, row, school, trust));
    }
    return results;
  }

  private ProgressResult evaluate(Window w, int row, Cohort school, Cohort trust) {
    ScoreTable table = w.table;
    int minimum = thresholds.minimumCohort();
    List<String> notes = new ArrayList<>();
    Set<ProgressCriterion> criteria = EnumSet.noneOf(ProgressCriterion.class);
    String yearGroup = table.yearGroups()[row];
    double baseline = table.score(row, w.start);
    double progress = table.score(row, w.end) - baseline;

    // The attainment line: the year group's median score at each point.
    Cohort cohort = school.size() >= minimum ? school : trust.size() >= minimum ? trust : null;
    String peerGroup = cohort == null
        ? yearGroup + " (fewer than " + minimum + " pupils with scores, even across the trust)"
        : yearGroup + (cohort == school ? " in this school" : " across the trust");
    if (cohort == trust && trust != school) {
      notes.add("Fewer than " + minimum + " pupils in " + yearGroup + " in this school have scores, so peers are "
          + yearGroup + " across the trust.");
    }

    // 1. Peers from the same baseline.
    Band band = school.band(baseline, thresholds.bandWidth(), w);
    if (band.size < minimum && trust != school) {
      band = trust.band(baseline, thresholds.bandWidth(), w);
    }
    Double peerMedianProgress = null;
    Double slowerThreshold = null;
    if (band.size >= minimum) {
      double margin = Math.max(
          thresholds.significanceMads() * RobustStatistics.MAD_SCALE * band.mad, thresholds.minimumDifference());
      peerMedianProgress = band.medianProgress;
      slowerThreshold = band.medianProgress - margin;
      if (progress < slowerThreshold) {
        criteria.add(ProgressCriterion.SLOWER_THAN_PEERS);
      }
    } else {
      notes.add("Too few pupils started from a similar score (" + band.size + ", at least " + minimum
          + " needed) to compare progress with peers.");
    }

    Double gapAtStart = null;
    Double gapAtEnd = null;
    Double previousRelative = null;
    Double currentRelative = null;
    if (cohort != null) {
      gapAtStart = cohort.medianAt(w.start) - baseline;
      gapAtEnd = cohort.medianAt(w.end) - table.score(row, w.end);
      // 3 and 4: the gap to the year group's median.
      if (gapAtEnd > thresholds.gapPoints()) {
        if (gapAtEnd >= gapAtStart) {
          criteria.add(ProgressCriterion.GAP_NOT_CLOSING);
        }
        if (gapAtEnd - gapAtStart > thresholds.wideningPoints()) {
          criteria.add(ProgressCriterion.GAP_WIDENING);
        }
      }
      // 2. The pupil's own previous rate, both measured against the year group's median.
      currentRelative = gapAtStart - gapAtEnd;
      if (table.has(row, w.previousStart) && !Double.isNaN(cohort.medianAt(w.previousStart))) {
        double gapBefore = cohort.medianAt(w.previousStart) - table.score(row, w.previousStart);
        previousRelative = gapBefore - gapAtStart;
        if (currentRelative < previousRelative - thresholds.rateTolerancePoints()) {
          criteria.add(ProgressCriterion.BELOW_OWN_PREVIOUS_RATE);
        }
      } else {
        notes.add("No score from a full window earlier, so the pupil's previous rate of progress is not known.");
      }
    } else {
      notes.add("Too few pupils in " + yearGroup + " have scores to measure a gap.");
    }

    int from = Math.max(0, w.previousStart);
    List<String> points = new ArrayList<>();
    List<@Nullable Double> pupilScores = new ArrayList<>();
    List<@Nullable Double> medianScores = new ArrayList<>();
    for (int point = from; point <= w.end; point++) {
      points.add(table.points().get(point));
      pupilScores.add(table.has(row, point) ? table.score(row, point) : null);
      double median = cohort == null ? Double.NaN : cohort.medianAt(point);
      medianScores.add(Double.isNaN(median) ? null : median);
    }
    ProgressExplanation explanation = new ProgressExplanation(
        points,
        pupilScores,
        medianScores,
        peerGroup,
        cohort == null ? 0 : cohort.size(),
        band.size > 0 ? band.from : null,
        band.size > 0 ? band.to : null,
        band.size,
        progress,
        peerMedianProgress,
        slowerThreshold,
        previousRelative,
        currentRelative,
        gapAtStart,
        gapAtEnd,
        List.copyOf(notes));
    return new ProgressResult(table.pupilIds()[row], table.schoolIds()[row], yearGroup, "", criteria, explanation);
  }

  private record Window(ScoreTable table, int start, int end, int previousStart) {}

  private record Band(int size, double from, double to, double medianProgress, double mad) {}

  /** Pupils of one year group (in a school or a trust) with scores at the start and end of the window. */
  private static final class Cohort {
    private int[] rows = new int[16];
    private int size;
    private double[] baselines = new double[0];
    private double[] progressByBaseline = new double[0];
    private double[] medians = new double[0];
    private int firstPoint;
    private final Map<Double, Band> bands = new HashMap<>();

    void add(int row) {
      if (size == rows.length) {
        rows = Arrays.copyOf(rows, size * 2);
      }
      rows[size++] = row;
    }

    int size() {
      return size;
    }

    /** Sorts the pupils by starting score and takes the median score at every point shown. */
    void prepare(Window w) {
      ScoreTable table = w.table;
      baselines = new double[size];
      progressByBaseline = new double[size];
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Double.compare(table.score(rows[a], w.start), table.score(rows[b], w.start)));
      for (int i = 0; i < size; i++) {
        int row = rows[order[i]];
        baselines[i] = table.score(row, w.start);
        progressByBaseline[i] = table.score(row, w.end) - baselines[i];
      }
      firstPoint = Math.max(0, w.previousStart);
      medians = new double[w.end - firstPoint + 1];
      double[] scratch = new double[size];
      for (int point = firstPoint; point <= w.end; point++) {
        int count = 0;
        for (int i = 0; i < size; i++) {
          if (table.has(rows[i], point)) {
            scratch[count++] = table.score(rows[i], point);
          }
        }
        medians[point - firstPoint] = RobustStatistics.medianInPlace(scratch, count);
      }
    }

    double medianAt(int point) {
      return point < firstPoint ? Double.NaN : medians[point - firstPoint];
    }

    /** The peers whose starting score is within {@code width} of {@code baseline}: computed once per score. */
    Band band(double baseline, double width, Window w) {
      return bands.computeIfAbsent(baseline, b -> {
        int from = lowerBound(baselines, b - width);
        int to = upperBound(baselines, b + width);
        int count = to - from;
        if (count == 0) {
          return new Band(0, b, b, Double.NaN, Double.NaN);
        }
        double[] scratch = Arrays.copyOfRange(progressByBaseline, from, to);
        double median = RobustStatistics.medianInPlace(scratch, count);
        double mad = RobustStatistics.madInPlace(scratch, count, median);
        return new Band(count, baselines[from], baselines[to - 1], median, mad);
      });
    }

    private static int lowerBound(double[] sorted, double value) {
      int low = 0;
      int high = sorted.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (sorted[mid] < value) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }

    private static int upperBound(double[] sorted, double value) {
      int low = 0;
      int high = sorted.length;
      while (low < high) {
        int mid = (low + high) >>> 1;
        if (sorted[mid] <= value) {
          low = mid + 1;
        } else {
          high = mid;
        }
      }
      return low;
    }
  }
}
