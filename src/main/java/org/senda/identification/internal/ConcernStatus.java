package org.senda.identification.internal;

/** Where a cause for concern has got to, in the order of the identification route (Code of Practice 6.38-6.45). */
enum ConcernStatus {
  RAISED("Raised"),
  GATHERING_EVIDENCE("Gathering evidence"),
  PARENT_DISCUSSION("Parent discussion"),
  DECIDED("Decided");

  private final String title;

  ConcernStatus(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }
}
