package org.senda.support.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** Scheduling a meeting with parents, as typed. */
record ScheduleForm(@Nullable DateParts scheduledOn, @Nullable String purpose) {

  static ScheduleForm empty() {
    return new ScheduleForm(DateParts.of(null), MeetingPurpose.MID_CYCLE.name());
  }
}
