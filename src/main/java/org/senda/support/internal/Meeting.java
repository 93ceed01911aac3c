package org.senda.support.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A meeting with parents, scheduled or held. */
record Meeting(long id, long pupilId, long schoolId, @Nullable Long planId, MeetingPurpose purpose,
    LocalDate scheduledOn, @Nullable LocalDate heldOn, @Nullable String attendees, @Nullable String notes,
    @Nullable String parentsView, @Nullable String agreedActions, @Nullable String recordedBy, int version) {

  public boolean held() {
    return heldOn != null;
  }

  /** Scheduled for a day that has passed and not recorded. */
  public boolean missed(LocalDate today) {
    return heldOn == null && scheduledOn.isBefore(today);
  }
}
