package org.senda.support.internal;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;

/** The school's support settings as typed. */
record SettingsForm(@Nullable String planName, @Nullable String reviewInterval, @Nullable String meetingsPerYear,
    @Nullable Integer version) {

  static SettingsForm of(SupportSettings.Settings s) {
    return new SettingsForm(s.planName(), s.reviewInterval().name(), String.valueOf(s.meetingsPerYear()),
        s.version());
  }

  void reject(BindingResult errors) {
    if (planName == null || planName.isBlank()) {
      errors.rejectValue("planName", "required", "Enter what your school calls its plans");
    } else if (planName.strip().length() > SupportSettings.PLAN_NAME_LENGTH) {
      errors.rejectValue("planName", "length",
          "The name of the plans must be " + SupportSettings.PLAN_NAME_LENGTH + " characters or fewer");
    }
    if (interval() == null) {
      errors.rejectValue("reviewInterval", "required", "Select how often plans are reviewed");
    }
    Integer meetings = meetings();
    if (meetingsPerYear == null || meetingsPerYear.isBlank()) {
      errors.rejectValue("meetingsPerYear", "required", "Enter how many times a year you meet parents");
    } else if (meetings == null) {
      errors.rejectValue("meetingsPerYear", "number", "Meetings a year must be a whole number, like 3");
    } else if (meetings < SupportSettings.MIN_MEETINGS) {
      errors.rejectValue("meetingsPerYear", "min",
          "Meetings a year must be 3 or more: the SEND Code of Practice expects at least three");
    } else if (meetings > SupportSettings.MAX_MEETINGS) {
      errors.rejectValue("meetingsPerYear", "max",
          "Meetings a year must be " + SupportSettings.MAX_MEETINGS + " or fewer");
    }
  }

  @Nullable ReviewInterval interval() {
    try {
      return reviewInterval == null ? null : ReviewInterval.valueOf(reviewInterval);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  @Nullable Integer meetings() {
    try {
      return meetingsPerYear == null ? null : Integer.valueOf(meetingsPerYear.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
