package org.senda.identification.internal;

import org.jspecify.annotations.Nullable;

/** A pupil's attendance in one term, as typed; {@code version} is the one read when changing a recorded term. */
record AttendanceForm(@Nullable String termId, @Nullable String percentage, @Nullable Integer version) {

  static AttendanceForm empty() {
    return new AttendanceForm(null, null, null);
  }
}
