package org.senda.support.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A held meeting as recorded: when, who attended, what was said, the parents' views and what was agreed. */
record MeetingDraft(LocalDate heldOn, String attendees, String notes, @Nullable String parentsView,
    @Nullable String agreedActions) {}
