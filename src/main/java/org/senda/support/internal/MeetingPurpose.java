package org.senda.support.internal;

/** Why a meeting with parents is held. */
enum MeetingPurpose {
  PLAN_START("Agree the plan"),
  MID_CYCLE("Check how the plan is going"),
  REVIEW("Review the plan"),
  OTHER("Other meeting");

  private final String title;

  MeetingPurpose(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
