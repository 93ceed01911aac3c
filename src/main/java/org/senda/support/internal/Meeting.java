package org.senda.support.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A meeting with parents, scheduled, held or cancelled. */
record Meeting(long id, long pupilId, long schoolId, @Nullable Long planId, MeetingPurpose purpose,
    LocalDate scheduledOn, @Nullable LocalDate heldOn, @Nullable String attendees, @Nullable String notes,
    @Nullable String parentsView, @Nullable String agreedActions, @Nullable String recordedBy,
    @Nullable LocalDate cancelledOn, @Nullable String cancelReason, @Nullable String cancelledBy, int version) {

  public boolean held() {
    return heldOn != null;
  }

  public boolean cancelled() {
    return cancelledOn != null;
  }

  /** Still to be held: neither held nor cancelled. */
  public boolean scheduled() {
    return heldOn == null && cancelledOn == null;
  }

  /** Scheduled for a day that has passed, not recorded and not cancelled. */
  public boolean missed(LocalDate today) {
    return scheduled() && scheduledOn.isBefore(today);
  }
}
