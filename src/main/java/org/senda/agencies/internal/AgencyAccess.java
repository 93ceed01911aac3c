package org.senda.agencies.internal;

import org.senda.access.ActionForbidden;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.springframework.stereotype.Component;

/**
 * Who may do what with external agencies. Everyone who works with pupils may read the school's directory; the SENCO,
 * headteacher and school administrator keep it. Referrals, consent and professionals' reports are sensitive: they
 * are read by those who see every pupil of the school (SENCO, headteacher, DSL) and written by those who manage SEND,
 * always for a pupil they may see (need to know). Class teachers see the referrals and the advice summaries on the
 * pupil page of the pupils they teach, not the reports themselves.
 */
@Component
class AgencyAccess {

  private final Permissions permissions;
  private final PupilAccess pupils;

  AgencyAccess(Permissions permissions, PupilAccess pupils) {
    this.permissions = permissions;
    this.pupils = pupils;
  }

  /** 404 outside the person's schools, 403 for roles that do not work with pupils (e.g. governors). */
  SendaUser requireDirectory(long schoolId) {
    SendaUser user = permissions.requireSchool(schoolId);
    if (!canReadDirectory(schoolId)) {
      throw new ActionForbidden("agency directory of school " + schoolId);
    }
    return user;
  }

  boolean canReadDirectory(long schoolId) {
    return permissions.can(schoolId, Permission.VIEW_ALL_PUPILS) || permissions.can(schoolId, Permission.VIEW_OWN_PUPILS)
        || canEditDirectory(schoolId);
  }

  boolean canEditDirectory(long schoolId) {
    return permissions.can(schoolId, Permission.MANAGE_SEND) || permissions.can(schoolId, Permission.ADMINISTER_SCHOOL);
  }

  SendaUser requireDirectoryEdit(long schoolId) {
    SendaUser user = permissions.requireSchool(schoolId);
    if (!canEditDirectory(schoolId)) {
      throw new ActionForbidden("editing the agency directory of school " + schoolId);
    }
    return user;
  }

  boolean canReadReferrals(long schoolId) {
    return permissions.can(schoolId, Permission.VIEW_ALL_PUPILS) || permissions.can(schoolId, Permission.MANAGE_SEND);
  }

  /** Whether the person keeps pupils' records, parents' contact details among them. */
  boolean canEditContacts(long schoolId) {
    return permissions.can(schoolId, Permission.IMPORT_PUPILS);
  }

  boolean canWriteReferrals(long schoolId) {
    return permissions.can(schoolId, Permission.MANAGE_SEND);
  }

  /** The school's referral list: 404 outside the person's schools, 403 unless they see every pupil. */
  void requireSchoolReferrals(long schoolId) {
    permissions.requireSchool(schoolId);
    if (!canReadReferrals(schoolId)) {
      throw new ActionForbidden("referrals of school " + schoolId);
    }
  }

  /** The pupil, when the person may see them (404 otherwise) and may read their referrals (403 otherwise). */
  PupilSummary requireReferralRead(long pupilId) {
    PupilSummary pupil = pupils.requireView(pupilId);
    if (!canReadReferrals(pupil.schoolId())) {
      throw new ActionForbidden("referrals of pupil " + pupilId);
    }
    return pupil;
  }

  /** The pupil, when the person may see them (404 otherwise) and manages SEND in their school (403 otherwise). */
  PupilSummary requireReferralWrite(long pupilId) {
    PupilSummary pupil = pupils.requireView(pupilId);
    if (!canWriteReferrals(pupil.schoolId())) {
      throw new ActionForbidden("referrals of pupil " + pupilId);
    }
    return pupil;
  }

  SendaUser current() {
    return permissions.current();
  }
}
