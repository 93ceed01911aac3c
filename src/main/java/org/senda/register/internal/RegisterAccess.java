package org.senda.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.springframework.stereotype.Component;

/**
 * Who may see a pupil's register entry: whoever may see the pupil (need to know, {@link PupilAccess}), and also the
 * people who see every pupil of a school that hosts provision the pupil is dual registered with (the SENCO of the
 * school hosting the speech and language unit). The host sees the register entry, needs and history only: the
 * pupil's class, context flags, contacts and other records stay with the school whose roll the pupil is on.
 */
@Component
class RegisterAccess {

  private final PupilAccess pupilAccess;
  private final Pupils pupils;
  private final Permissions permissions;
  private final RegisterQueries queries;
  private final Clock clock;

  RegisterAccess(PupilAccess pupilAccess, Pupils pupils, Permissions permissions, RegisterQueries queries,
      Clock clock) {
    this.pupilAccess = pupilAccess;
    this.pupils = pupils;
    this.permissions = permissions;
    this.queries = queries;
    this.clock = clock;
  }

  /** The pupil, when the person may see their register entry; otherwise 404. */
  PupilSummary requireRegisterView(long pupilId) {
    try {
      return pupilAccess.requireView(pupilId);
    } catch (AccessRefused refused) {
      PupilSummary pupil = pupils.find(pupilId).orElseThrow(() -> refused);
      boolean host = queries.dualRegistrations(pupilId, LocalDate.now(clock)).stream()
          .anyMatch(d -> permissions.canSee(d.hostSchoolId())
              && permissions.can(d.hostSchoolId(), Permission.VIEW_ALL_PUPILS));
      if (!host) {
        throw refused;
      }
      return pupil;
    }
  }

  /**
   * The pupil, when the person may change their SEN status: they see the pupil and manage SEND in the school whose
   * roll the pupil is on (404 when the pupil is hidden, 403 when the role may only look).
   */
  PupilSummary requireManage(long pupilId) {
    PupilSummary pupil = requireRegisterView(pupilId);
    permissions.require(pupil.schoolId(), Permission.MANAGE_SEND);
    return pupil;
  }
}
