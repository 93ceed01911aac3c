package org.senda.register;

/**
 * The four broad areas of need of the SEND Code of Practice (2015, 6.28-6.35), plus the two census codes that
 * belong to none of them: OTH (other difficulty or disability) and NSA (no specialist assessment of type of need).
 */
public enum BroadArea {
  COMMUNICATION_AND_INTERACTION("Communication and interaction"),
  COGNITION_AND_LEARNING("Cognition and learning"),
  SOCIAL_EMOTIONAL_AND_MENTAL_HEALTH("Social, emotional and mental health"),
  SENSORY_AND_PHYSICAL("Sensory and/or physical"),
  OTHER("Other difficulty or disability"),
  NOT_ASSESSED("Not yet assessed");

  private final String title;

  BroadArea(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
