package org.senda.agencies.internal;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of service a school refers pupils to, as schools name them. */
enum ServiceType {
  EDUCATIONAL_PSYCHOLOGY("Educational psychology"),
  SPEECH_AND_LANGUAGE("Speech and language therapy"),
  OCCUPATIONAL_THERAPY("Occupational therapy"),
  CAMHS("Child and adolescent mental health services (CAMHS)"),
  SCHOOL_NURSE("School nursing"),
  EARLY_HELP("Early help"),
  SENSORY_SUPPORT("Sensory support (hearing and vision)"),
  LA_SEN_TEAM("Local authority SEN team"),
  OTHER("Other");

  private final String title;

  ServiceType(String title) {
    this.title = title;
  }

  String title() {
    return title;
  }

  static Optional<ServiceType> parse(@org.jspecify.annotations.Nullable String value) {
    return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
  }
}
