package org.senda.register.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * Registering a pupil of another school of the trust with provision this school hosts, as typed.
 *
 * @param mainSchoolId the school whose roll the pupil is on
 * @param hostEnrolment S when this school's registration is subsidiary, M when it is the main one
 */
record DualRegistrationForm(@Nullable String mainSchoolId, @Nullable String upn, @Nullable String provisionName,
    @Nullable String hostEnrolment, @Nullable DateParts panelDate, @Nullable DateParts startsOn) {

  static DualRegistrationForm empty() {
    return new DualRegistrationForm("", "", "", "S", DateParts.of(null), DateParts.of(null));
  }
}
