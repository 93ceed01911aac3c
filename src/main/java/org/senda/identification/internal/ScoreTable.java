package org.senda.identification.internal;

import java.util.Arrays;
import java.util.List;

/**
 * One subject's scores for a set of pupils over a run of assessment points, held in primitive arrays so that a
 * whole trust fits in a few megabytes and the tests run without boxing. Row {@code i} is pupil {@code i}; a
 * missing score is {@link Double#NaN}.
 *
 * @param points the assessment points' labels, oldest first (e.g. "Autumn 2025/26")
 * @param pupilIds each row's pupil
 * @param schoolIds each row's school
 * @param yearGroups each row's year group code (peers are the same year group, in the school or the trust)
 * @param scores row-major, {@code pupils x points}
 */
public record ScoreTable(List<String> points, long[] pupilIds, long[] schoolIds, String[] yearGroups, double[] scores) {

  public ScoreTable {
    points = List.copyOf(points);
    if (schoolIds.length != pupilIds.length || yearGroups.length != pupilIds.length) {
      throw new IllegalArgumentException("one school and year group per pupil");
    }
    if (scores.length != pupilIds.length * points.size()) {
      throw new IllegalArgumentException("scores must be pupils x points");
    }
  }

  public int pupilCount() {
    return pupilIds.length;
  }

  public int pointCount() {
    return points.size();
  }

  public double score(int pupil, int point) {
    return scores[pupil * points.size() + point];
  }

  public boolean has(int pupil, int point) {
    return point >= 0 && !Double.isNaN(score(pupil, point));
  }

  /** Collects rows in order; grows like an ArrayList. */
  public static final class Builder {
    private final List<String> points;
    private long[] pupilIds = new long[64];
    private long[] schoolIds = new long[64];
    private String[] yearGroups = new String[64];
    private double[] scores;
    private int rows;

    public Builder(List<String> points) {
      this.points = List.copyOf(points);
      this.scores = new double[64 * Math.max(1, points.size())];
    }

    /** Adds a pupil with no scores yet and returns their row. */
    public int addPupil(long pupilId, long schoolId, String yearGroup) {
      if (rows == pupilIds.length) {
        int capacity = rows * 2;
        pupilIds = Arrays.copyOf(pupilIds, capacity);
        schoolIds = Arrays.copyOf(schoolIds, capacity);
        yearGroups = Arrays.copyOf(yearGroups, capacity);
        scores = Arrays.copyOf(scores, capacity * Math.max(1, points.size()));
      }
      pupilIds[rows] = pupilId;
      schoolIds[rows] = schoolId;
      yearGroups[rows] = yearGroup;
      Arrays.fill(scores, rows * points.size(), (rows + 1) * points.size(), Double.NaN);
      return rows++;
    }

    public Builder score(int row, int point, double score) {
      scores[row * points.size() + point] = score;
      return this;
    }

    public int rows() {
      return rows;
    }

    public ScoreTable build() {
      return new ScoreTable(
          points,
          Arrays.copyOf(pupilIds, rows),
          Arrays.copyOf(schoolIds, rows),
          Arrays.copyOf(yearGroups, rows),
          Arrays.copyOf(scores, rows * points.size()));
    }
  }
}
