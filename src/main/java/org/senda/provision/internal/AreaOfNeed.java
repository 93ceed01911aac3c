package org.senda.provision.internal;

/** The four broad areas of need of the SEND Code of Practice (6.28-6.35), which an intervention addresses. */
enum AreaOfNeed {
  COMMUNICATION_AND_INTERACTION("Communication and interaction"),
  COGNITION_AND_LEARNING("Cognition and learning"),
  SOCIAL_EMOTIONAL_MENTAL_HEALTH("Social, emotional and mental health"),
  SENSORY_AND_PHYSICAL("Sensory and/or physical");

  private final String title;

  AreaOfNeed(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }
}
