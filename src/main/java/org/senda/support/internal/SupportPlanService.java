package org.senda.support.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.senda.register.Register;
import org.senda.register.RegisterChangeRefused;
import org.senda.register.SendStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Support plans as pages and the API use them: need to know on every read (the adults who teach or support the
 * pupil), MANAGE_SEND on every change, the SMART check before a plan is made active, and an audit entry for each.
 */
@Service
@Transactional
class SupportPlanService {

  private final SupportPlanStore store;
  private final PupilAccess pupilAccess;
  private final Permissions permissions;
  private final Organisation organisation;
  private final SupportSettings settings;
  private final Audit audit;
  private final Clock clock;
  private final MeetingStore meetings;
  private final Register register;

  SupportPlanService(SupportPlanStore store, PupilAccess pupilAccess, Permissions permissions,
      Organisation organisation, SupportSettings settings, Audit audit, Clock clock, MeetingStore meetings,
      Register register) {
    this.meetings = meetings;
    this.register = register;
    this.store = store;
    this.pupilAccess = pupilAccess;
    this.permissions = permissions;
    this.organisation = organisation;
    this.settings = settings;
    this.audit = audit;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The pupil, for someone who may write their plans; 404 outside need to know, 403 without MANAGE_SEND. */
  PupilSummary requireWritable(long pupilId) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    permissions.require(pupil.schoolId(), Permission.MANAGE_SEND);
    return pupil;
  }

  long create(long pupilId, PlanDraft draft) {
    PupilSummary pupil = requireWritable(pupilId);
    validate(draft);
    long id = store.create(pupil.id(), pupil.schoolId(), draft, today(), clock.instant(), actor());
    if (draft.status() == PlanStatus.ACTIVE) {
      meetings.scheduleCurrentCycle(id, settings.of(pupil.schoolId()).meetingsPerYear());
    }
    audit.record(AuditAction.CREATE, "support-plan", id, pupil.schoolId(), "pupil " + pupil.id());
    return id;
  }

  /** The plan with its whole history, for an adult who may see the pupil; audited as a read. */
  PlanDetail read(long planId) {
    PlanDetail plan = readable(planId);
    audit.record(AuditAction.VIEW, "support-plan", planId, plan.schoolId(), null);
    return plan;
  }

  /** The plan for a download (the caller audits the export). */
  PlanDetail readForExport(long planId) {
    return readable(planId);
  }

  /** The plan for an edit or a review, for someone who may write it (not audited: the change is). */
  PlanDetail writable(long planId) {
    PlanDetail plan = readable(planId);
    permissions.require(plan.schoolId(), Permission.MANAGE_SEND);
    return plan;
  }

  private PlanDetail readable(long planId) {
    SupportPlanStore.PlanRow row = store.row(planId).orElseThrow(() -> new AccessRefused("support plan " + planId));
    pupilAccess.requireView(row.pupilId());
    return store.detail(row);
  }

  void update(long planId, int version, PlanDraft draft) {
    PlanDetail plan = writable(planId);
    if (plan.status() == PlanStatus.CLOSED) {
      throw new PlanInvalid(List.of(new Finding("status", "This plan is closed: start a new plan instead", true)));
    }
    validate(draft);
    store.update(plan, version, draft, today(), clock.instant(), actor());
    if (draft.reviewDate() != null && !draft.reviewDate().equals(plan.current().reviewDate())) {
      meetings.moveReview(plan.current().id(), draft.reviewDate());
    }
    if (draft.status() == PlanStatus.ACTIVE) {
      meetings.scheduleCurrentCycle(planId, settings.of(plan.schoolId()).meetingsPerYear());
    }
    audit.record(AuditAction.UPDATE, "support-plan", planId, plan.schoolId(), "cycle " + plan.currentCycle());
  }

  /**
   * Records the review of the current cycle and opens the next one (Code of Practice 6.54: the review feeds the
   * next cycle of assess, plan, do, review). Outcomes not achieved are carried into the next cycle unless the
   * review gives new ones. Deciding that the pupil leaves the register closes the plan and records the pupil's
   * return to no SEN (N) on the register, with the reason, from the day of the review (the register then monitors
   * the pupil). The review is a meeting with parents: it is recorded as the cycle's review meeting, and the next
   * cycle's meetings are scheduled.
   */
  long review(long planId, int version, ReviewDraft review) {
    PlanDetail plan = writable(planId);
    List<Finding> problems = checkReview(plan, review, today());
    boolean leaving = review.decision() == ReviewDecision.LEAVE_REGISTER;
    SendStatus status = leaving && problems.isEmpty() ? register.statusOf(plan.pupilId()) : null;
    if (status == SendStatus.E) {
      problems.add(new Finding("decision", "This pupil has an EHC plan: only the local authority can end it, so "
          + "the pupil cannot leave the register at this review", true));
    }
    if (!problems.isEmpty()) {
      throw new PlanInvalid(problems);
    }
    if (status == SendStatus.K) {
      leaveRegister(plan.pupilId(), review);
    }
    PlanDraft next = null;
    if (review.decision() != ReviewDecision.LEAVE_REGISTER) {
      PlanDetail.Cycle current = plan.current();
      List<OutcomeDraft> outcomes;
      if (review.nextOutcomes() != null && !review.nextOutcomes().isEmpty()) {
        outcomes = review.nextOutcomes();
      } else {
        Set<Long> achieved = new HashSet<>();
        review.outcomes().stream().filter(r -> r.result() == OutcomeResult.ACHIEVED)
            .forEach(r -> achieved.add(r.outcomeId()));
        outcomes = current.outcomes().stream().filter(o -> !achieved.contains(o.id()))
            .map(PlanDetail.Outcome::draft).toList();
      }
      LocalDate reviewDate = review.nextReviewDate() != null ? review.nextReviewDate()
          : defaultReviewDate(plan.schoolId(), review.heldOn());
      next = new PlanDraft(current.wave(), reviewDate, plan.status(), current.strengths(),
          current.needs().stream().map(n -> new NeedDraft(n.area(), n.description())).toList(), outcomes);
    }
    long reviewId = store.review(plan, version, review, next, clock.instant(), actor());
    meetings.recordReview(plan.pupilId(), plan.schoolId(), planId, plan.current().id(), review.heldOn(),
        review.parentsView(), "Review of the plan: " + review.decision().title().toLowerCase(java.util.Locale.UK)
            + (review.decisionReason() == null || review.decisionReason().isBlank() ? "" : ". "
            + review.decisionReason().strip()), actor(), clock.instant());
    if (next != null && next.status() == PlanStatus.ACTIVE) {
      meetings.scheduleCurrentCycle(planId, settings.of(plan.schoolId()).meetingsPerYear());
    }
    audit.record(AuditAction.CREATE, "support-review", reviewId, plan.schoolId(),
        "plan " + planId + " cycle " + plan.currentCycle() + ": " + review.decision().name());
    return reviewId;
  }

  /** Records N on the register through its public API; a refusal becomes the review's own field errors. */
  private void leaveRegister(long pupilId, ReviewDraft review) {
    try {
      register.change(pupilId, SendStatus.N, List.of(), review.decisionReason().strip(), review.heldOn());
    } catch (RegisterChangeRefused e) {
      throw new PlanInvalid(e.violations().stream()
          .map(v -> new Finding(switch (v.field()) {
            case "reason" -> "decisionReason";
            case "effectiveDate", "reviewDate" -> "heldOn";
            default -> "decision";
          }, v.message(), true))
          .toList());
    }
  }

  private static List<Finding> checkReview(PlanDetail plan, ReviewDraft review, LocalDate today) {
    List<Finding> problems = new ArrayList<>();
    if (plan.status() == PlanStatus.CLOSED) {
      problems.add(new Finding("plan", "This plan is closed: there is no cycle to review", true));
      return problems;
    }
    if (review.heldOn() == null) {
      problems.add(new Finding("heldOn", "Enter the date of the review", true));
    } else if (review.heldOn().isAfter(today)) {
      problems.add(new Finding("heldOn", "The date of the review must be today or in the past", true));
    }
    if (review.decision() == null) {
      problems.add(new Finding("decision", "Select what the review decided", true));
    } else if (review.decision() == ReviewDecision.LEAVE_REGISTER
        && (review.decisionReason() == null || review.decisionReason().isBlank())) {
      problems.add(new Finding("decisionReason", "Enter why the pupil is leaving the register", true));
    }
    List<PlanDetail.Outcome> outcomes = plan.current().outcomes();
    Set<Long> ids = new HashSet<>();
    for (int i = 0; i < review.outcomes().size(); i++) {
      ReviewDraft.Result r = review.outcomes().get(i);
      if (outcomes.stream().noneMatch(o -> o.id() == r.outcomeId()) || !ids.add(r.outcomeId())) {
        problems.add(new Finding("outcomes[" + i + "].outcomeId", "This outcome is not in the cycle being reviewed",
            true));
      } else if (r.result() == null) {
        problems.add(new Finding("outcomes[" + i + "].result",
            "Select whether the outcome was achieved, partly achieved or not achieved", true));
      }
    }
    for (PlanDetail.Outcome o : outcomes) {
      if (!ids.contains(o.id()) && problems.stream().noneMatch(p -> p.field().endsWith(".outcomeId"))) {
        problems.add(new Finding("outcomes", "Record how every outcome of the cycle went", true));
        break;
      }
    }
    return problems;
  }

  LocalDate defaultReviewDate(long schoolId, LocalDate from) {
    return ReviewDates.next(organisation.calendar(schoolId), settings.of(schoolId).reviewInterval(), from);
  }

  /** Blocking SMART findings stop an active plan; a draft may be saved with gaps. */
  private void validate(PlanDraft draft) {
    List<Finding> findings = SmartOutcomeCheck.check(draft, today());
    if (draft.status() == PlanStatus.ACTIVE && SmartOutcomeCheck.blocks(findings)) {
      throw new PlanInvalid(findings.stream().filter(Finding::blocking).toList());
    }
    if (draft.status() == PlanStatus.CLOSED) {
      throw new PlanInvalid(List.of(new Finding("status", "A plan is closed by a review, not by editing it", true)));
    }
  }

  /** The pupil of a plan already read (need to know was checked with the plan). */
  PupilSummary pupil(long pupilId) {
    return pupilAccess.requireView(pupilId);
  }

  boolean canWrite(long schoolId) {
    return permissions.can(schoolId, Permission.MANAGE_SEND);
  }

  List<SupportPlanStore.PlanHeader> plansOf(PupilSummary pupil) {
    return store.ofPupil(pupil.id());
  }

  private String actor() {
    return permissions.current().email();
  }
}
