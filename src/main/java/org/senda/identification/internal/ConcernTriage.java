package org.senda.identification.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.identification.SenSupportStarted;
import org.senda.register.RankedNeed;
import org.senda.register.Register;
import org.senda.register.SendStatus;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SENCO's work on a cause for concern (Code of Practice 6.38-6.45): gathering evidence, the early discussion
 * with the parents, and the decision. Every step checks the concern's version (optimistic locking) and is audited;
 * starting SEN support changes the register through its API and announces {@link SenSupportStarted}. The caller
 * has checked that the person manages SEND in the school and may see the pupil.
 */
@Service
class ConcernTriage {

  /** An early discussion with the parents as the concern page shows it. */
  record Discussion(long id, LocalDate heldOn, String attendees, String notes, String parentViews, String nextSteps,
      String recordedBy) {}

  private final JdbcClient jdbc;
  private final Register register;
  private final Audit audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  ConcernTriage(JdbcClient jdbc, Register register, Audit audit, ApplicationEventPublisher events, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  List<Discussion> discussions(long concernId) {
    return jdbc.sql("""
            select id, held_on, attendees, notes, parent_views, next_steps, recorded_by from parent_discussion
            where concern_id = ? order by held_on desc, id desc""")
        .param(concernId)
        .query((rs, n) -> new Discussion(rs.getLong("id"), rs.getObject("held_on", LocalDate.class),
            rs.getString("attendees"), rs.getString("notes"), rs.getString("parent_views"),
            rs.getString("next_steps"), rs.getString("recorded_by")))
        .list();
  }

  /** Raised -> gathering evidence. */
  @Transactional
  void gatherEvidence(Concerns.Concern concern, int version) {
    move(concern, version, ConcernStatus.GATHERING_EVIDENCE);
    audit.record(AuditAction.UPDATE, "concern", concern.id(), concern.schoolId(), "gathering evidence");
  }

  /** Records the discussion and moves the concern to "parent discussion". */
  @Transactional
  void recordDiscussion(Concerns.Concern concern, SendaUser by, LocalDate heldOn, DiscussionForm form) {
    move(concern, form.version(), ConcernStatus.PARENT_DISCUSSION);
    jdbc.sql("""
            insert into parent_discussion (concern_id, school_id, pupil_id, held_on, attendees, notes, parent_views,
              next_steps, recorded_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(concern.id(), concern.schoolId(), concern.pupilId(), heldOn,
            text(form.attendees()), text(form.notes()), text(form.parentViews()), text(form.nextSteps()),
            by.displayName())
        .update();
    audit.record(AuditAction.CREATE, "parent-discussion", concern.id(), concern.schoolId(),
        "concern " + concern.id());
  }

  /**
   * Records the decision. Starting SEN support records status K with the primary need and the reason in the
   * register (refused with {@link org.senda.register.RegisterChangeRefused} when its rules say no, and then
   * nothing is written) and announces {@link SenSupportStarted}.
   */
  @Transactional
  void decide(Concerns.Concern concern, ConcernDecision decision, @Nullable LocalDate reviewOn,
      @Nullable String primaryNeed, String reason, int version) {
    LocalDate today = LocalDate.now(clock);
    if (decision == ConcernDecision.START_SEN_SUPPORT) {
      register.change(concern.pupilId(), SendStatus.K, List.of(new RankedNeed(Objects.requireNonNull(primaryNeed), 1)),
          reason.trim(), today);
    }
    int updated = jdbc.sql("""
            update concern set status = 'DECIDED', decision = ?, decision_notes = ?, review_on = ?, decided_on = ?,
              version = version + 1
            where id = ? and version = ? and status <> 'DECIDED'""")
        .params(decision.name(), reason.trim(), decision == ConcernDecision.MONITOR ? reviewOn : null, today,
            concern.id(), version)
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("concern " + concern.id());
    }
    audit.record(AuditAction.UPDATE, "concern", concern.id(), concern.schoolId(), "decided " + decision.name());
    if (decision == ConcernDecision.START_SEN_SUPPORT) {
      events.publishEvent(new SenSupportStarted(concern.id(), concern.pupilId(), concern.schoolId(), today,
          reason.trim()));
    }
  }

  private void move(Concerns.Concern concern, int version, ConcernStatus to) {
    int updated = jdbc.sql("""
            update concern set status = ?, version = version + 1
            where id = ? and version = ? and status in ('RAISED', 'GATHERING_EVIDENCE', 'PARENT_DISCUSSION')""")
        .params(to.name(), concern.id(), version)
        .update();
    if (updated == 0) {
      throw new OptimisticLockingFailureException("concern " + concern.id());
    }
  }

  private static String text(@Nullable String value) {
    return Objects.requireNonNull(value).trim();
  }
}
