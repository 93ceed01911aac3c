package org.senda.register.internal;

import java.time.LocalDate;
import java.util.List;
import org.senda.access.Permissions;
import org.senda.pupils.PupilSummary;
import org.senda.register.NeedType;
import org.senda.register.RankedNeed;
import org.senda.register.Register;
import org.senda.register.RegisterChange;
import org.senda.register.RegisterChangeRefused;
import org.senda.register.SendStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Register} over the register's own change logic ({@link RegisterChanges}, {@link StatusChangeRules}). */
@Service
class RegisterService implements Register {

  private final RegisterAccess access;
  private final RegisterChanges changes;
  private final RegisterStore store;
  private final Permissions permissions;
  private final NeedTypes needTypes;

  RegisterService(RegisterAccess access, RegisterChanges changes, RegisterStore store, Permissions permissions,
      NeedTypes needTypes) {
    this.needTypes = needTypes;
    this.access = access;
    this.changes = changes;
    this.store = store;
    this.permissions = permissions;
  }

  @Override
  @Transactional
  public RegisterChange change(long pupilId, SendStatus status, List<RankedNeed> needs, String reason,
      LocalDate effectiveDate) {
    PupilSummary pupil = access.requireManage(pupilId);
    StatusChange change = new StatusChange(status.name(),
        needs.stream().map(n -> new StatusChange.Need(n.code(), n.rank())).toList(), reason, effectiveDate,
        effectiveDate, null, null);
    RegisterChanges.Outcome outcome = changes.change(pupilId, pupil.schoolId(), change,
        permissions.current().displayName());
    if (!outcome.recorded()) {
      throw new RegisterChangeRefused(outcome.problems().stream()
          .map(p -> new RegisterChangeRefused.Violation(p.field(), p.message())).toList());
    }
    return outcome.change();
  }

  @Override
  public List<NeedType> needTypesOn(LocalDate date) {
    return needTypes.catalogue().validOn(date);
  }

  @Override
  @Transactional(readOnly = true)
  public SendStatus statusOf(long pupilId) {
    return store.entry(pupilId).map(RegisterStore.Entry::status).orElse(SendStatus.N);
  }
}
