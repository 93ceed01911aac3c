package org.senda.identification.internal;

import java.util.Arrays;

/** Medians and median absolute deviations: robust to the few extreme scores every cohort has. */
final class RobustStatistics {

  /** MAD x 1.4826 estimates the standard deviation when values are normally spread. */
  static final double MAD_SCALE = 1.4826;

  private RobustStatistics() {}

  /** The median of {@code values[0..count)}; reorders them. NaN when there are none. */
  static double medianInPlace(double[] values, int count) {
    if (count == 0) {
      return Double.NaN;
    }
    Arrays.sort(values, 0, count);
    int middle = count / 2;
    return count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  /** The median absolute deviation of {@code values[0..count)} from {@code median}; overwrites them. */
  static double madInPlace(double[] values, int count, double median) {
    for (int i = 0; i < count; i++) {
      values[i] = Math.abs(values[i] - median);
    }
    return medianInPlace(values, count);
  }
}
