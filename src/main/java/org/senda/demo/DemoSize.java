package org.senda.demo;

/**
 * How large a trust to generate. The demo trust is small and lived-in; benchmarks ask for e.g. 40 schools and
 * 24,000 pupils. The same seed always gives the same trust.
 */
public record DemoSize(int schools, int pupils, long seed) {

  /** The demo trust: a primary hosting a speech and language unit, a secondary and a second primary. */
  public static final DemoSize DEMO = new DemoSize(3, 600, 20261125L);

  public DemoSize {
    if (schools < 2) {
      throw new IllegalArgumentException("A demo trust needs at least two schools");
    }
    if (pupils < 0) {
      throw new IllegalArgumentException("pupils must not be negative");
    }
  }

  public boolean isDemo() {
    return equals(DEMO);
  }
}
