package org.senda.agencies.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parental consent to a referral: a school shares a child's information with an outside service, and the service
 * assesses or observes the child, only with the consent of a parent (UK GDPR Art. 6 and 9; Code of Practice 6.61:
 * parents should always be involved in any decision to involve specialists). A referral cannot be sent until the
 * consent is recorded: who gave it, when, how and to what.
 */
final class ConsentRule {

  /** Consent as recorded. {@code contactId} is the pupil's contact who gave it, when it was one of them. */
  record Given(@Nullable Long contactId, String givenBy, String relationship, LocalDate givenOn, Consent.How how,
      Set<Consent.Scope> scope) {}

  static final String MISSING = "Record the parents' consent before the referral is sent";

  private ConsentRule() {}

  /** What is wrong with consent as typed, named by field; empty when it can be recorded. */
  static List<ReferralInvalid.Problem> check(@Nullable String givenBy, @Nullable String relationship,
      @Nullable LocalDate givenOn, @Nullable String how, @Nullable List<String> scope, LocalDate today) {
    List<ReferralInvalid.Problem> problems = new ArrayList<>();
    if (givenBy == null || givenBy.isBlank()) {
      problems.add(new ReferralInvalid.Problem("consent.givenBy", "Enter the name of the person who gave consent"));
    }
    if (relationship == null || relationship.isBlank()) {
      problems.add(new ReferralInvalid.Problem("consent.relationship",
          "Enter their relationship to the pupil, for example mother"));
    }
    if (givenOn == null) {
      problems.add(new ReferralInvalid.Problem("consent.givenOn", "Enter the date consent was given"));
    } else if (givenOn.isAfter(today)) {
      problems.add(new ReferralInvalid.Problem("consent.givenOn", "The date consent was given must be today or in the past"));
    }
    if (Consent.How.parse(how).isEmpty()) {
      problems.add(new ReferralInvalid.Problem("consent.how", "Select how consent was given"));
    }
    if (scope == null || scope.isEmpty()) {
      problems.add(new ReferralInvalid.Problem("consent.scope", "Select what the parents consented to"));
    } else if (scope.stream().anyMatch(s -> Consent.Scope.parse(s).isEmpty())) {
      problems.add(new ReferralInvalid.Problem("consent.scope", "Select what the parents consented to from the list"));
    }
    return problems;
  }
}
