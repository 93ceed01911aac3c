package org.senda.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.register.RegisterChange;
import org.senda.register.SendStatus;
import org.senda.register.SendStatusChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a change of a pupil's SEN status and needs after checking it: nothing is written when any field is wrong.
 * The caller has checked that the person may manage SEND for the pupil's school.
 */
@Service
class RegisterChanges {

  /** The outcome: the problems, or the recorded entry. */
  record Outcome(List<FieldProblem> problems, RegisterStore.@Nullable Entry entry, @Nullable RegisterChange change) {
    boolean recorded() {
      return problems.isEmpty();
    }
  }

  private final RegisterStore store;
  private final NeedTypes needTypes;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  RegisterChanges(RegisterStore store, NeedTypes needTypes, Audit audit, ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.needTypes = needTypes;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Transactional
  Outcome change(long pupilId, long schoolId, StatusChange change, String changedBy) {
    return change(pupilId, schoolId, change, changedBy, null);
  }

  /**
   * As {@link #change(long, long, StatusChange, String)}, refusing with an optimistic-locking failure when the
   * entry is no longer at {@code expectedVersion} (someone else changed it since the form was opened).
   */
  @Transactional
  Outcome change(long pupilId, long schoolId, StatusChange change, String changedBy,
      @Nullable Integer expectedVersion) {
    LocalDate today = LocalDate.now(clock);
    RegisterStore.Entry previous = store.entry(pupilId).orElse(null);
    if (expectedVersion != null && previous != null && previous.version() != expectedVersion) {
      throw new org.springframework.dao.OptimisticLockingFailureException("register entry of pupil " + pupilId);
    }
    SendStatus previousStatus = previous == null ? null : previous.status();
    List<FieldProblem> problems = StatusChangeRules.check(change, needTypes.catalogue(), previousStatus,
        previous == null ? null : previous.lastChange(), today);
    if (!problems.isEmpty()) {
      return new Outcome(problems, null, null);
    }
    SendStatus status = SendStatus.of(change.status()).orElseThrow();
    List<String> needs = StatusChangeRules.rankedCodes(change);
    boolean leaving = previousStatus != null && previousStatus.onRegister() && status == SendStatus.N;
    LocalDate monitorUntil = !leaving ? null
        : change.monitorUntil() != null ? change.monitorUntil()
        : Monitoring.until(change.effectiveDate(), store.monitoringMonths(schoolId));
    RegisterStore.Change recorded = new RegisterStore.Change(pupilId, schoolId, status,
        needs.isEmpty() ? null : needs.get(0), needs.size() < 2 ? null : needs.get(1), change.effectiveDate(),
        change.reason().trim(), leaving ? change.reviewDate() : null, monitorUntil, change.note(), changedBy,
        clock.instant());
    store.record(recorded, previous);
    audit.record(previous == null ? AuditAction.CREATE : AuditAction.UPDATE, "send-status", pupilId, schoolId,
        (previousStatus == null ? "-" : previousStatus.name()) + " -> " + status.name());
    events.publishEvent(new SendStatusChanged(pupilId, schoolId, previousStatus, status, needs,
        change.effectiveDate()));
    return new Outcome(List.of(), store.entry(pupilId).orElseThrow(), new RegisterChange(pupilId, schoolId,
        previousStatus, status, needs, change.reason().trim(), change.effectiveDate()));
  }
}
