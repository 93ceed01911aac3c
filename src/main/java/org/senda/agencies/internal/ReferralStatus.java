package org.senda.agencies.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Where a referral stands. A referral is written as a draft, sent (only with the parents' consent recorded), then
 * accepted or declined by the service; an accepted referral usually leads to an assessment and to advice. Any
 * referral can be closed.
 */
enum ReferralStatus {
  DRAFT("Draft", "govuk-tag--grey"),
  SENT("Sent", "govuk-tag--blue"),
  ACCEPTED("Accepted", "govuk-tag--turquoise"),
  DECLINED("Declined", "govuk-tag--red"),
  ASSESSMENT_BOOKED("Assessment booked", "govuk-tag--purple"),
  ADVICE_RECEIVED("Advice received", "govuk-tag--green"),
  CLOSED("Closed", "govuk-tag--grey");

  private final String title;
  private final String colour;

  ReferralStatus(String title, String colour) {
    this.title = title;
    this.colour = colour;
  }

  String title() {
    return title;
  }

  String colour() {
    return colour;
  }

  /** Whether the referral still waits for something from the service or the school. */
  boolean open() {
    return this != DRAFT && this != CLOSED && this != DECLINED;
  }

  /** The statuses a referral may move to from this one. */
  Set<ReferralStatus> next() {
    return switch (this) {
      case DRAFT -> EnumSet.of(SENT, CLOSED);
      case SENT -> EnumSet.of(ACCEPTED, DECLINED, CLOSED);
      case ACCEPTED -> EnumSet.of(ASSESSMENT_BOOKED, ADVICE_RECEIVED, CLOSED);
      case ASSESSMENT_BOOKED -> EnumSet.of(ADVICE_RECEIVED, CLOSED);
      case ADVICE_RECEIVED, DECLINED -> EnumSet.of(CLOSED);
      case CLOSED -> EnumSet.noneOf(ReferralStatus.class);
    };
  }

  static Optional<ReferralStatus> parse(@org.jspecify.annotations.Nullable String value) {
    return Arrays.stream(values()).filter(t -> t.name().equals(value)).findFirst();
  }
}
