package org.senda.identification.internal;

/**
 * Something to check before reading a progress flag as a sign of SEN: slow progress may come from learning English,
 * a recent move, missed school, or an unnoticed hearing or vision difficulty (Code of Practice 6.21-6.24).
 */
public enum Caution {
  EAL("English as an additional language",
      "Consider whether the pupil's progress reflects learning English rather than a learning difficulty."),
  RECENT_ARRIVAL("Recent arrival",
      "The pupil joined recently: allow time to settle and ask the previous school for records."),
  LOW_ATTENDANCE("Low attendance",
      "Attendance is low: consider missed teaching before concluding anything about progress."),
  NO_HEARING_CHECK("No hearing check recorded", "Arrange a hearing check before any conclusion."),
  NO_VISION_CHECK("No vision check recorded", "Arrange a vision check before any conclusion.");

  private final String title;
  private final String prompt;

  Caution(String title, String prompt) {
    this.title = title;
    this.prompt = prompt;
  }

  public String title() {
    return title;
  }

  public String prompt() {
    return prompt;
  }
}
