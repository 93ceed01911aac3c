package org.senda.pupils;

/**
 * Context a school records beside SEN, never as SEN: EAL, disadvantage or a medical condition alone do not mean a
 * pupil has special educational needs (SEND Code of Practice 6.21-6.23).
 */
public enum PupilFlag {
  EAL("EAL", "English as an additional language", "eal"),
  PUPIL_PREMIUM("Pupil premium", "Pupil premium", "pupil_premium"),
  FREE_SCHOOL_MEALS("FSM", "Free school meals", "free_school_meals"),
  LOOKED_AFTER("Looked after", "Looked-after child", "looked_after"),
  MEDICAL_CONDITION("Medical", "Medical condition", "medical_condition"),
  YOUNG_CARER("Young carer", "Young carer", "young_carer"),
  SERVICE_CHILD("Service child", "Service child", "service_child");

  private final String shortTitle;
  private final String title;
  private final String column;

  PupilFlag(String shortTitle, String title, String column) {
    this.shortTitle = shortTitle;
    this.title = title;
    this.column = column;
  }

  /** The words on a tag, e.g. "EAL". */
  public String shortTitle() {
    return shortTitle;
  }

  /** The words in full, e.g. "English as an additional language". */
  public String title() {
    return title;
  }

  /** The boolean column of the {@code pupil} table that holds the flag; other modules may filter on it in SQL. */
  public String column() {
    return column;
  }
}
