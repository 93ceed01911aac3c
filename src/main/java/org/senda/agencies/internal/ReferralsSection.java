package org.senda.agencies.internal;

import java.time.LocalDate;
import java.util.Map;
import org.senda.pupils.PupilPageSection;
import org.senda.pupils.PupilSummary;
import org.springframework.stereotype.Component;

/**
 * "External agencies" on the pupil page: the pupil's referrals with their status, and the advice received, in two
 * queries. Everyone who may see the pupil sees the advice (it says how to help); the referral and the reports open
 * for those who see every pupil of the school.
 */
@Component
class ReferralsSection implements PupilPageSection {

  private final Referrals referrals;
  private final AgencyAccess access;

  ReferralsSection(Referrals referrals, AgencyAccess access) {
    this.referrals = referrals;
    this.access = access;
  }

  @Override
  public int order() {
    return 250;
  }

  @Override
  public String heading() {
    return "External agencies";
  }

  @Override
  public String fragment() {
    return "agencies/pupil-section :: section";
  }

  @Override
  public Map<String, Object> model(PupilSummary pupil) {
    return Map.of(
        "schoolId", pupil.schoolId(),
        "pupilId", pupil.id(),
        "referrals", referrals.ofPupil(pupil.id()),
        "advice", referrals.adviceOf(pupil.id(), LocalDate.of(1900, 1, 1)),
        "canRead", access.canReadReferrals(pupil.schoolId()),
        "canWrite", access.canWriteReferrals(pupil.schoolId()));
  }
}
