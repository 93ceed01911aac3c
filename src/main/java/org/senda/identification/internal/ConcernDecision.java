package org.senda.identification.internal;

/** What the SENCO decided about a cause for concern (Code of Practice 6.44-6.45). */
enum ConcernDecision {
  NO_FURTHER_ACTION("No further action"),
  MONITOR("Monitor and review"),
  START_SEN_SUPPORT("Start SEN support"),
  SPECIALIST_ASSESSMENT("Request a specialist assessment");

  private final String title;

  ConcernDecision(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }
}
