package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Times the progress tests in memory, single-threaded: a 2,000-pupil school and a 40-school trust of 24,000 pupils,
 * 3 subjects x 9 termly assessment points each (issue 5: at most 1 s and 10 s). The benchmark
 * ({@code ./mvnw -Pbenchmark verify}) reports {@link #measure} with those targets; {@link #main} prints the same
 * figures. The time to read the scores from the database is part of the identification page in the benchmark.
 */
public final class ProgressTestsBenchmark {

  /** The medians, in milliseconds, of the whole school and of the whole trust. */
  public record Figures(double schoolMillis, double trustMillis, int warmUp, int runs) {}

  private ProgressTestsBenchmark() {}

  /** Times the school and the trust on this thread: the median of {@code runs} after {@code warmUp} runs. */
  public static Figures measure(int warmUp, int runs) {
    double school = medianMillis(synthetic(1, 2_000, 1), warmUp, runs);
    double trust = medianMillis(synthetic(40, 600, 2), warmUp, runs);
    return new Figures(school, trust, warmUp, runs);
  }

  static List<ScoreTable> synthetic(int schools, int pupilsPerSchool, long seed) {
    Random random = new Random(seed);
    List<String> points = IntStream.range(0, 9).mapToObj(i -> "T" + i).toList();
    List<ScoreTable> subjects = new ArrayList<>();
    for (int subject = 0; subject < 3; subject++) {
      ScoreTable.Builder table = new ScoreTable.Builder(points);
      long id = 1;
      for (int school = 1; school <= schools; school++) {
        for (int p = 0; p < pupilsPerSchool; p++) {
          int row = table.addPupil(id++, school, "Y" + (7 + p % 5));
          double level = 100 + random.nextGaussian() * 15;
          double drift = random.nextGaussian() * 1.5;
          for (int point = 0; point < 9; point++) {
            table.score(row, point, Math.round(level + drift * point + random.nextGaussian() * 3));
          }
        }
      }
      subjects.add(table.build());
    }
    return subjects;
  }

  static long timeNanos(List<ScoreTable> subjects) {
    ProgressTests tests = new ProgressTests(ProgressThresholds.DEFAULTS);
    long start = System.nanoTime();
    int flagged = 0;
    for (ScoreTable table : subjects) {
      for (ProgressResult result : tests.evaluate(table, 8, school -> true)) {
        flagged += result.flagged() ? 1 : 0;
      }
    }
    long elapsed = System.nanoTime() - start;
    if (flagged < 0) {
      throw new IllegalStateException();
    }
    return elapsed;
  }

  static double medianMillis(List<ScoreTable> subjects, int warmUp, int count) {
    for (int i = 0; i < warmUp; i++) {
      timeNanos(subjects);
    }
    long[] runs = new long[count];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = timeNanos(subjects);
    }
    java.util.Arrays.sort(runs);
    return runs[runs.length / 2] / 1e6;
  }

  public static void main(String[] args) {
    Figures figures = measure(10, 15);
    System.out.printf("school: 2,000 pupils x 3 subjects x 9 points: %.1f ms (median of 15)%n",
        figures.schoolMillis());
    System.out.printf("trust: 40 schools, 24,000 pupils x 3 subjects x 9 points: %.1f ms (median of 15)%n",
        figures.trustMillis());
  }
}
