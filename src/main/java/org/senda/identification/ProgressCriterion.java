package org.senda.identification;

/**
 * The four ways a pupil's progress can be "less than expected" (SEND Code of Practice 2015, 6.17). Names are a
 * stable API contract.
 */
public enum ProgressCriterion {
  /** Significantly slower than that of peers starting from the same baseline. */
  SLOWER_THAN_PEERS("Slower than peers from a similar starting point"),
  /** Fails to match or better the pupil's own previous rate of progress. */
  BELOW_OWN_PREVIOUS_RATE("Slower than the pupil's own previous progress"),
  /** Fails to close the attainment gap between the pupil and their peers. */
  GAP_NOT_CLOSING("Gap to peers not closing"),
  /** Widens the attainment gap. */
  GAP_WIDENING("Gap to peers widening");

  private final String title;

  ProgressCriterion(String title) {
    this.title = title;
  }

  /** How the criterion reads on a page. */
  public String title() {
    return title;
  }
}
