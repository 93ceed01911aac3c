package org.senda.identification.internal;

/** What a cause for concern is about: the four broad areas of need (Code of Practice 6.28-6.35) and wellbeing. */
enum AreaOfConcern {
  COMMUNICATION_AND_INTERACTION("Communication and interaction"),
  COGNITION_AND_LEARNING("Cognition and learning"),
  SOCIAL_EMOTIONAL_MENTAL_HEALTH("Social, emotional and mental health"),
  SENSORY_AND_PHYSICAL("Sensory and/or physical"),
  WELLBEING("Wellbeing");

  static final String PATTERN =
      "COMMUNICATION_AND_INTERACTION|COGNITION_AND_LEARNING|SOCIAL_EMOTIONAL_MENTAL_HEALTH|SENSORY_AND_PHYSICAL|WELLBEING";

  private final String title;

  AreaOfConcern(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }
}
