package org.senda.agencies.internal;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How parents gave consent to a referral, and what they consented to. */
final class Consent {

  private Consent() {}

  enum How {
    IN_WRITING("In writing"),
    VERBAL("Verbally"),
    EMAIL("By email");

    private final String title;

    How(String title) {
      this.title = title;
    }

    String title() {
      return title;
    }

    static Optional<How> parse(@Nullable String value) {
      return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
    }
  }

  enum Scope {
    SHARE_INFORMATION("Share information about their child with the service"),
    ASSESSMENT("An assessment by the service"),
    OBSERVATION("Observation of their child in school"),
    SPEAK_TO_CHILD("The professional talking with their child"),
    SHARE_REPORT("The school receiving and keeping the professional's report");

    private final String title;

    Scope(String title) {
      this.title = title;
    }

    String title() {
      return title;
    }

    static Optional<Scope> parse(@Nullable String value) {
      return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
    }
  }
}
