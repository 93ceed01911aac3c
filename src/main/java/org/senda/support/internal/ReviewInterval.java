package org.senda.support.internal;

/** How often the school reviews support plans (Code of Practice 6.52: "at least three times a year"). */
enum ReviewInterval {
  HALF_TERM("Every half term"),
  TERM("Every term");

  private final String title;

  ReviewInterval(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
