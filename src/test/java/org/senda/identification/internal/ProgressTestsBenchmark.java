package org.senda.identification.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Times the progress tests in memory, single-threaded: a 2,000-pupil school and a 40-school trust of 24,000 pupils,
 * 3 subjects x 9 termly assessment points each. Run with {@code java -cp target/classes:target/test-classes:...
 * org.senda.identification.internal.ProgressTestsBenchmark}; prints the median of 15 runs after 10 warm-up runs.
 * The time to read the scores from the database is measured separately (IdentificationBenchmark).
 */
public final class ProgressTestsBenchmark {

  private ProgressTestsBenchmark() {}

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

  static double medianMillis(List<ScoreTable> subjects) {
    for (int i = 0; i < 10; i++) {
      timeNanos(subjects);
    }
    long[] runs = new long[15];
    for (int i = 0; i < runs.length; i++) {
      runs[i] = timeNanos(subjects);
    }
    java.util.Arrays.sort(runs);
    return runs[runs.length / 2] / 1e6;
  }

  public static void main(String[] args) {
    List<ScoreTable> school = synthetic(1, 2_000, 1);
    List<ScoreTable> trust = synthetic(40, 600, 2);
    System.out.printf("school: 2,000 pupils x 3 subjects x 9 points: %.1f ms (median of 15)%n", medianMillis(school));
    System.out.printf("trust: 40 schools, 24,000 pupils x 3 subjects x 9 points: %.1f ms (median of 15)%n",
        medianMillis(trust));
  }
}
