package org.senda.support.internal;

/** How far an outcome was met by the review. */
enum OutcomeResult {
  ACHIEVED("Achieved"),
  PARTLY("Partly achieved"),
  NOT_ACHIEVED("Not achieved");

  private final String title;

  OutcomeResult(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
