package org.senda.agencies.internal;

import java.time.LocalDate;
import java.util.List;
import org.senda.support.ReviewEvidence;
import org.senda.support.ReviewEvidenceItem;
import org.springframework.stereotype.Component;

/**
 * Professionals' reports and advice for the next review of the pupil's plan (Code of Practice 6.54 and 6.63: the
 * review takes account of specialist advice), in one query.
 */
@Component
class AgencyReviewEvidence implements ReviewEvidence {

  private final Referrals referrals;

  AgencyReviewEvidence(Referrals referrals) {
    this.referrals = referrals;
  }

  @Override
  public List<ReviewEvidenceItem> since(long pupilId, LocalDate since) {
    return referrals.adviceOf(pupilId, since).stream()
        .map(a -> new ReviewEvidenceItem(
            a.serviceType().title() + (a.report().filename() == null ? " advice" : " report"),
            (a.professionalName() == null ? "" : a.professionalName()
                + (a.professionalRole() == null ? "" : " (" + a.professionalRole() + ")") + ", ") + a.serviceName(),
            a.report().receivedOn(),
            a.report().adviceSummary(),
            "/schools/" + a.schoolId() + "/referrals/" + a.report().referralId()))
        .toList();
  }
}
