package org.senda.support.internal;

/** What a review decides (Code of Practice 6.54-6.56). */
enum ReviewDecision {
  CONTINUE("Continue the plan"),
  CHANGE("Change the plan"),
  ADD_SPECIALIST_ADVICE("Ask for specialist advice"),
  CONSIDER_EHC_NEEDS_ASSESSMENT("Consider asking for an EHC needs assessment"),
  LEAVE_REGISTER("Leave the SEND register");

  private final String title;

  ReviewDecision(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
