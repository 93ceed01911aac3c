package org.senda.identification.internal;

import org.jspecify.annotations.Nullable;

/** A pupil's attendance in one term, as typed. */
record AttendanceForm(@Nullable String termId, @Nullable String percentage) {}
