package org.senda.support.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.register.BroadArea;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Plans, their cycles, needs, outcomes and reviews, in hand-written SQL; a plan is read in four statements. */
@Repository
class SupportPlanStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  SupportPlanStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  long create(long pupilId, long schoolId, PlanDraft draft, LocalDate today, Instant now, String actor) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into support_plan (pupil_id, school_id, status, current_cycle, created_at, updated_at, updated_by,
              activated_on)
            values (?, ?, ?, 1, ?, ?, ?, ?)""")
        .params(pupilId, schoolId, draft.status().name(), Timestamp.from(now), Timestamp.from(now), actor,
            draft.status() == PlanStatus.ACTIVE ? Date.valueOf(today) : null)
        .update(keys, "id");
    long planId = keys.getKey().longValue();
    openCycle(planId, schoolId, 1, draft, today);
    return planId;
  }

  /** Replaces the current cycle's content, refusing when someone else saved the plan since {@code version}. */
  void update(PlanDetail plan, int version, PlanDraft draft, LocalDate today, Instant now, String actor) {
    bump(plan.id(), version, draft.status(), now, actor);
    PlanDetail.Cycle cycle = plan.current();
    if (draft.status() == PlanStatus.ACTIVE && plan.status() != PlanStatus.ACTIVE) {
      jdbc.sql("update support_plan set activated_on = coalesce(activated_on, ?) where id = ?")
          .params(Date.valueOf(today), plan.id())
          .update();
    }
    jdbc.sql("update support_plan_cycle set wave = ?, strengths = ?, review_date = ? where id = ?")
        .params(draft.wave(), draft.strengths(), date(draft.reviewDate()), cycle.id())
        .update();
    jdbc.sql("delete from support_plan_need where cycle_id = ?").param(cycle.id()).update();
    jdbc.sql("delete from support_plan_outcome where cycle_id = ?").param(cycle.id()).update();
    insertContent(cycle.id(), plan.schoolId(), draft);
  }

  private void bump(long planId, int version, PlanStatus status, Instant now, String actor) {
    int changed = jdbc.sql("""
            update support_plan set status = ?, updated_at = ?, updated_by = ?, version = version + 1
            where id = ? and version = ?""")
        .params(status.name(), Timestamp.from(now), actor, planId, version)
        .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("support plan " + planId + " changed since version " + version);
    }
  }

  /** Closes the current cycle with its review and, unless the plan ends, opens the next cycle. */
  long review(PlanDetail plan, int version, ReviewDraft review, @Nullable PlanDraft next, Instant now, String actor) {
    bump(plan.id(), version, next == null ? PlanStatus.CLOSED : next.status(), now, actor);
    PlanDetail.Cycle cycle = plan.current();
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into support_review (plan_id, cycle_id, school_id, held_on, what_worked, pupil_view, parents_view,
              decision, decision_reason, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(plan.id(), cycle.id(), plan.schoolId(), date(review.heldOn()), review.whatWorked(),
            review.pupilView(), review.parentsView(), review.decision().name(), review.decisionReason(), actor,
            Timestamp.from(now))
        .update(keys, "id");
    long reviewId = keys.getKey().longValue();
    List<Object[]> rows = review.outcomes().stream()
        .map(r -> new Object[] {reviewId, r.outcomeId(), plan.schoolId(), r.result().name(), r.evidence()})
        .toList();
    batch.batchUpdate("""
        insert into support_review_outcome (review_id, outcome_id, school_id, result, evidence)
        values (?, ?, ?, ?, ?)""", rows);
    jdbc.sql("update support_plan_cycle set closed_on = ? where id = ?")
        .params(date(review.heldOn()), cycle.id())
        .update();
    if (next != null) {
      int number = cycle.number() + 1;
      jdbc.sql("update support_plan set current_cycle = ? where id = ?").params(number, plan.id()).update();
      openCycle(plan.id(), plan.schoolId(), number, next, review.heldOn());
    }
    return reviewId;
  }

  private void openCycle(long planId, long schoolId, int number, PlanDraft draft, LocalDate openedOn) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into support_plan_cycle (plan_id, school_id, number, wave, strengths, opened_on, review_date)
            values (?, ?, ?, ?, ?, ?, ?)""")
        .params(planId, schoolId, number, draft.wave(), draft.strengths(), date(openedOn), date(draft.reviewDate()))
        .update(keys, "id");
    insertContent(keys.getKey().longValue(), schoolId, draft);
  }

  private void insertContent(long cycleId, long schoolId, PlanDraft draft) {
    List<Object[]> needs = new ArrayList<>();
    for (int i = 0; i < draft.needs().size(); i++) {
      NeedDraft n = draft.needs().get(i);
      needs.add(new Object[] {cycleId, schoolId, i, n.area().name(), n.description()});
    }
    batch.batchUpdate("""
        insert into support_plan_need (cycle_id, school_id, position, area, description) values (?, ?, ?, ?, ?)""",
        needs);
    List<Object[]> outcomes = new ArrayList<>();
    int position = 0;
    for (OutcomeDraft o : draft.outcomes()) {
      if (o.isEmpty()) {
        continue;
      }
      outcomes.add(new Object[] {cycleId, schoolId, position++, o.description(), o.measure(), o.baseline(),
          o.target(), date(o.targetDate()), o.strategies().isEmpty() ? null : String.join("\n", o.strategies()),
          o.provisionWhat(), o.provisionWho(), o.provisionHowOften(), o.provisionWhere()});
    }
    batch.batchUpdate("""
        insert into support_plan_outcome (cycle_id, school_id, position, description, measure, baseline, target,
          target_date, strategies, provision_what, provision_who, provision_how_often, provision_where)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", outcomes);
  }

  record PlanRow(long id, long pupilId, long schoolId, PlanStatus status, int currentCycle, int version) {}

  Optional<PlanRow> row(long planId) {
    return jdbc.sql("select id, pupil_id, school_id, status, current_cycle, version from support_plan where id = ?")
        .param(planId)
        .query((rs, n) -> new PlanRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
            PlanStatus.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6)))
        .optional();
  }

  /** The whole plan with its history: cycles, needs, outcomes and reviews in four statements. */
  Optional<PlanDetail> find(long planId) {
    return row(planId).map(this::detail);
  }

  PlanDetail detail(PlanRow plan) {
    record CycleRow(long id, int number, @Nullable Integer wave, @Nullable String strengths, LocalDate openedOn,
        @Nullable LocalDate reviewDate, @Nullable LocalDate closedOn) {}
    List<CycleRow> cycles = jdbc.sql("""
            select id, number, wave, strengths, opened_on, review_date, closed_on
            from support_plan_cycle where plan_id = ? order by number""")
        .param(plan.id())
        .query((rs, n) -> new CycleRow(rs.getLong(1), rs.getInt(2), (Integer) rs.getObject(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
        .list();
    Map<Long, List<PlanDetail.Need>> needs = new HashMap<>();
    jdbc.sql("""
            select n.cycle_id, n.area, n.description from support_plan_need n
            join support_plan_cycle c on c.id = n.cycle_id where c.plan_id = ? order by n.cycle_id, n.position""")
        .param(plan.id())
        .query(rs -> {
          needs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new PlanDetail.Need(BroadArea.valueOf(rs.getString(2)), rs.getString(3)));
        });
    Map<Long, List<PlanDetail.Outcome>> outcomes = new HashMap<>();
    jdbc.sql("""
            select o.cycle_id, o.id, o.position, o.description, o.measure, o.baseline, o.target, o.target_date,
              o.strategies, o.provision_what, o.provision_who, o.provision_how_often, o.provision_where
            from support_plan_outcome o join support_plan_cycle c on c.id = o.cycle_id
            where c.plan_id = ? order by o.cycle_id, o.position""")
        .param(plan.id())
        .query(rs -> {
          outcomes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(outcome(rs));
        });
    Map<Long, PlanDetail.Review> reviews = new HashMap<>();
    Map<Long, List<PlanDetail.Result>> results = new HashMap<>();
    record ReviewRow(long cycleId, long id, LocalDate heldOn, @Nullable String whatWorked, @Nullable String pupilView,
        @Nullable String parentsView, ReviewDecision decision, @Nullable String reason) {}
    List<ReviewRow> reviewRows = new ArrayList<>();
    jdbc.sql("""
            select r.cycle_id, r.id, r.held_on, r.what_worked, r.pupil_view, r.parents_view, r.decision,
              r.decision_reason, ro.outcome_id, ro.result, ro.evidence
            from support_review r left join support_review_outcome ro on ro.review_id = r.id
            where r.plan_id = ? order by r.id, ro.outcome_id""")
        .param(plan.id())
        .query(rs -> {
          long reviewId = rs.getLong(2);
          if (reviewRows.isEmpty() || reviewRows.getLast().id() != reviewId) {
            reviewRows.add(new ReviewRow(rs.getLong(1), reviewId, rs.getObject(3, LocalDate.class), rs.getString(4),
                rs.getString(5), rs.getString(6), ReviewDecision.valueOf(rs.getString(7)), rs.getString(8)));
          }
          long outcomeId = rs.getLong(9);
          if (!rs.wasNull()) {
            results.computeIfAbsent(reviewId, k -> new ArrayList<>())
                .add(new PlanDetail.Result(outcomeId, OutcomeResult.valueOf(rs.getString(10)), rs.getString(11)));
          }
        });
    for (ReviewRow r : reviewRows) {
      reviews.put(r.cycleId(), new PlanDetail.Review(r.id(), r.heldOn(), r.whatWorked(), r.pupilView(),
          r.parentsView(), r.decision(), r.reason(), results.getOrDefault(r.id(), List.of())));
    }
    List<PlanDetail.Cycle> built = cycles.stream()
        .map(c -> new PlanDetail.Cycle(c.id(), c.number(), c.wave(), c.strengths(), c.openedOn(), c.reviewDate(),
            c.closedOn(), needs.getOrDefault(c.id(), List.of()), outcomes.getOrDefault(c.id(), List.of()),
            reviews.get(c.id())))
        .toList();
    return new PlanDetail(plan.id(), plan.pupilId(), plan.schoolId(), plan.status(), plan.currentCycle(),
        plan.version(), built);
  }

  private static PlanDetail.Outcome outcome(ResultSet rs) throws SQLException {
    String strategies = rs.getString(9);
    return new PlanDetail.Outcome(rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6),
        rs.getString(7), rs.getObject(8, LocalDate.class),
        strategies == null ? List.of() : Arrays.stream(strategies.split("\n")).filter(s -> !s.isBlank()).toList(),
        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13));
  }

  /** A pupil's plans, newest first, with the current cycle's review date. */
  record PlanHeader(long id, PlanStatus status, int currentCycle, @Nullable LocalDate reviewDate, @Nullable Integer wave) {}

  List<PlanHeader> ofPupil(long pupilId) {
    return jdbc.sql("""
            select p.id, p.status, p.current_cycle, c.review_date, c.wave from support_plan p
            join support_plan_cycle c on c.plan_id = p.id and c.number = p.current_cycle
            where p.pupil_id = ? order by p.id desc""")
        .param(pupilId)
        .query((rs, n) -> new PlanHeader(rs.getLong(1), PlanStatus.valueOf(rs.getString(2)), rs.getInt(3),
            rs.getObject(4, LocalDate.class), (Integer) rs.getObject(5)))
        .list();
  }

  private static @Nullable Date date(@Nullable LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
