package org.senda.support.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;
import org.springframework.validation.BindingResult;

/** Recording a meeting with parents, as typed. */
record MeetingForm(
    @Nullable DateParts heldOn,
    @Nullable String purpose,
    @Nullable String attendees,
    @Nullable String notes,
    @Nullable String parentsView,
    @Nullable String agreedActions,
    @Nullable Integer version) {

  static MeetingForm of(Meeting m, java.time.LocalDate today) {
    return new MeetingForm(DateParts.of(m.heldOn() != null ? m.heldOn()
        : m.scheduledOn().isAfter(today) ? today : m.scheduledOn()), m.purpose().name(), m.attendees(), m.notes(),
        m.parentsView(), m.agreedActions(), m.version());
  }

  static MeetingForm empty(java.time.LocalDate today) {
    return new MeetingForm(DateParts.of(today), MeetingPurpose.OTHER.name(), null, null, null, null, null);
  }

  /** The GOV.UK errors of the fields that need no database to check. */
  void reject(BindingResult errors) {
    if (heldOn == null || heldOn.isBlank()) {
      errors.rejectValue("heldOn", "date", "Enter the date of the meeting");
    } else {
      heldOn.problem("the date of the meeting").ifPresent(m -> errors.rejectValue("heldOn", "date", m));
    }
    if (attendees == null || attendees.isBlank()) {
      errors.rejectValue("attendees", "required", "Enter who attended the meeting");
    }
    if (notes == null || notes.isBlank()) {
      errors.rejectValue("notes", "required", "Enter what was discussed");
    }
  }

  MeetingPurpose purposeOrOther() {
    try {
      return purpose == null || purpose.isBlank() ? MeetingPurpose.OTHER : MeetingPurpose.valueOf(purpose);
    } catch (IllegalArgumentException e) {
      return MeetingPurpose.OTHER;
    }
  }

  MeetingDraft draft() {
    return new MeetingDraft(heldOn.toDate().orElseThrow(), attendees.strip(), notes.strip(), blankToNull(parentsView),
        blankToNull(agreedActions));
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
