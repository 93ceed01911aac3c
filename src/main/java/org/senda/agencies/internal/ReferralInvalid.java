package org.senda.agencies.internal;

import java.util.List;

/** A referral, consent, status change or report that cannot be saved as asked; nothing was written. */
final class ReferralInvalid extends RuntimeException {

  /** One problem, named by the field it concerns, in the words the GOV.UK error summary shows. */
  record Problem(String field, String message) {}

  private final List<Problem> problems;

  ReferralInvalid(List<Problem> problems) {
    super("Referral not valid: " + problems.stream().map(Problem::field).toList());
    this.problems = List.copyOf(problems);
  }

  ReferralInvalid(String field, String message) {
    this(List.of(new Problem(field, message)));
  }

  List<Problem> problems() {
    return problems;
  }
}
