package org.senda.support.internal;

/** Draft while being written; active once shared and worked to; closed when the pupil no longer needs it. */
enum PlanStatus {
  DRAFT("Draft"),
  ACTIVE("Active"),
  CLOSED("Closed");

  private final String title;

  PlanStatus(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
