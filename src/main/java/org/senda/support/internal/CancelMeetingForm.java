package org.senda.support.internal;

import org.jspecify.annotations.Nullable;

/** Cancelling a scheduled meeting with parents, as typed: why, and the version the person saw. */
record CancelMeetingForm(@Nullable String reason, @Nullable Integer version) {}
