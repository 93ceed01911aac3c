package org.senda.support.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Meetings with parents in hand-written SQL. */
@Repository
class MeetingStore {

  static final String SELECT = """
      select id, pupil_id, school_id, plan_id, purpose, scheduled_on, held_on, attendees, notes, parents_view,
        agreed_actions, recorded_by, cancelled_on, cancel_reason, cancelled_by, version from support_meeting""";

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;

  MeetingStore(JdbcClient jdbc, JdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  static Meeting meeting(ResultSet rs, int n) throws SQLException {
    return new Meeting(rs.getLong(1), rs.getLong(2), rs.getLong(3), (Long) rs.getObject(4),
        MeetingPurpose.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
        rs.getObject(13, LocalDate.class), rs.getString(14), rs.getString(15), rs.getInt(16));
  }

  /** Schedules a cycle's meetings, unless the cycle has meetings already (one statement when it has). */
  void scheduleCycle(long pupilId, long schoolId, long planId, long cycleId, List<MeetingSchedule.Planned> planned) {
    Integer existing = jdbc.sql("select count(*) from support_meeting where cycle_id = ?").param(cycleId)
        .query(Integer.class).single();
    if (existing != null && existing > 0) {
      return;
    }
    batch.batchUpdate("""
        insert into support_meeting (pupil_id, school_id, plan_id, cycle_id, purpose, scheduled_on)
        values (?, ?, ?, ?, ?, ?)""", planned.stream()
        .map(p -> new Object[] {pupilId, schoolId, planId, cycleId, p.purpose().name(), Date.valueOf(p.on())})
        .toList());
  }

  /**
   * Schedules the meetings of a plan's current cycle from its opening and review dates, unless the cycle has
   * meetings already or no review date yet.
   */
  void scheduleCurrentCycle(long planId, int meetingsPerYear) {
    record Current(long pupilId, long schoolId, long cycleId, int number, LocalDate openedOn,
        @Nullable LocalDate reviewDate) {}
    jdbc.sql("""
            select p.pupil_id, p.school_id, c.id, c.number, c.opened_on, c.review_date from support_plan p
            join support_plan_cycle c on c.plan_id = p.id and c.number = p.current_cycle where p.id = ?""")
        .param(planId)
        .query((rs, n) -> new Current(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
            rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class)))
        .optional()
        .filter(c -> c.reviewDate() != null)
        .ifPresent(c -> scheduleCycle(c.pupilId(), c.schoolId(), planId, c.cycleId(),
            MeetingSchedule.forCycle(c.number(), c.openedOn(), c.reviewDate(), meetingsPerYear)));
  }

  /** Moves the cycle's review meeting, when not yet held, to the cycle's new review date. */
  void moveReview(long cycleId, LocalDate reviewDate) {
    jdbc.sql("""
            update support_meeting set scheduled_on = ?, version = version + 1
            where cycle_id = ? and purpose = 'REVIEW' and held_on is null and cancelled_on is null""")
        .params(Date.valueOf(MeetingSchedule.weekday(reviewDate)), cycleId)
        .update();
  }

  /**
   * The review of a cycle is a meeting with parents: records the cycle's scheduled review meeting as held, or adds
   * one when none was scheduled.
   */
  void recordReview(long pupilId, long schoolId, long planId, long cycleId, LocalDate heldOn,
      @Nullable String parentsView, String notes, String actor, Instant now) {
    int changed = jdbc.sql("""
            update support_meeting set held_on = ?, notes = ?, parents_view = ?, recorded_by = ?, recorded_at = ?,
              version = version + 1
            where id = (select min(id) from support_meeting where cycle_id = ? and purpose = 'REVIEW'
                        and held_on is null and cancelled_on is null)""")
        .params(Date.valueOf(heldOn), notes, parentsView, actor, Timestamp.from(now), cycleId)
        .update();
    if (changed == 0) {
      jdbc.sql("""
              insert into support_meeting (pupil_id, school_id, plan_id, cycle_id, purpose, scheduled_on, held_on,
                notes, parents_view, recorded_by, recorded_at)
              values (?, ?, ?, ?, 'REVIEW', ?, ?, ?, ?, ?, ?)""")
          .params(pupilId, schoolId, planId, cycleId, Date.valueOf(heldOn), Date.valueOf(heldOn), notes, parentsView,
              actor, Timestamp.from(now))
          .update();
    }
  }

  long schedule(long pupilId, long schoolId, @Nullable Long planId, MeetingPurpose purpose, LocalDate on) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into support_meeting (pupil_id, school_id, plan_id, purpose, scheduled_on)
            values (?, ?, ?, ?, ?)""")
        .params(pupilId, schoolId, planId, purpose.name(), Date.valueOf(on))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /** Records a meeting held without being scheduled first. */
  long insertHeld(long pupilId, long schoolId, @Nullable Long planId, MeetingPurpose purpose, MeetingDraft draft,
      String actor, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql("""
            insert into support_meeting (pupil_id, school_id, plan_id, purpose, scheduled_on, held_on, attendees,
              notes, parents_view, agreed_actions, recorded_by, recorded_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(pupilId, schoolId, planId, purpose.name(), Date.valueOf(draft.heldOn()), Date.valueOf(draft.heldOn()),
            draft.attendees(), draft.notes(), draft.parentsView(), draft.agreedActions(), actor, Timestamp.from(now))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  /**
   * Cancels a meeting that is still to be held, with the reason, refusing when someone else saved it since
   * {@code version}.
   */
  void cancel(long meetingId, int version, LocalDate on, String reason, String actor) {
    int changed = jdbc.sql("""
            update support_meeting set cancelled_on = ?, cancel_reason = ?, cancelled_by = ?, version = version + 1
            where id = ? and version = ? and held_on is null and cancelled_on is null""")
        .params(Date.valueOf(on), reason, actor, meetingId, version)
        .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("meeting " + meetingId + " changed since version " + version);
    }
  }

  /** Records (or corrects the record of) a meeting, refusing when someone else saved it since {@code version}. */
  void record(long meetingId, int version, MeetingDraft draft, String actor, Instant now) {
    int changed = jdbc.sql("""
            update support_meeting set held_on = ?, attendees = ?, notes = ?, parents_view = ?, agreed_actions = ?,
              recorded_by = ?, recorded_at = ?, version = version + 1
            where id = ? and version = ? and cancelled_on is null""")
        .params(Date.valueOf(draft.heldOn()), draft.attendees(), draft.notes(), draft.parentsView(),
            draft.agreedActions(), actor, Timestamp.from(now), meetingId, version)
        .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("meeting " + meetingId + " changed since version " + version);
    }
  }

  Optional<Meeting> find(long meetingId) {
    return jdbc.sql(SELECT + " where id = ?").param(meetingId).query(MeetingStore::meeting).optional();
  }

  /** The pupil's meetings, latest first. */
  List<Meeting> ofPupil(long pupilId) {
    return jdbc.sql(SELECT + " where pupil_id = ? order by coalesce(held_on, scheduled_on) desc, id desc")
        .param(pupilId).query(MeetingStore::meeting).list();
  }

  /** The pupil's current plan, if any: the newest active one, else the newest draft. */
  @Nullable Long currentPlan(long pupilId) {
    return jdbc.sql("""
            select id from support_plan where pupil_id = ? and status <> 'CLOSED'
            order by case when status = 'ACTIVE' then 0 else 1 end, id desc""")
        .param(pupilId).query(Long.class).list().stream().findFirst().orElse(null);
  }

  /**
   * Pupils with an active plan: the first day they had a plan, the meetings held in the twelve months to
   * {@code today}, the earliest scheduled meeting that has passed unrecorded and the next scheduled meeting. One
   * statement for the whole school.
   */
  record MeetingRow(long pupilId, String name, String yearGroup, long planId, LocalDate firstPlanOpened, int held,
      @Nullable LocalDate lastHeld, @Nullable LocalDate missed, @Nullable LocalDate next) {}

  List<MeetingRow> meetingRows(long schoolId, LocalDate today) {
    return jdbc.sql("""
            select p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname, y.name, sp.id,
              (select min(c.opened_on) from support_plan_cycle c join support_plan x on x.id = c.plan_id
               where x.pupil_id = p.id),
              (select count(*) from support_meeting m where m.pupil_id = p.id and m.held_on > :yearAgo
               and m.held_on <= :today),
              (select max(m.held_on) from support_meeting m where m.pupil_id = p.id and m.held_on <= :today),
              (select min(m.scheduled_on) from support_meeting m where m.pupil_id = p.id and m.held_on is null
               and m.cancelled_on is null and m.scheduled_on < :today),
              (select min(m.scheduled_on) from support_meeting m where m.pupil_id = p.id and m.held_on is null
               and m.cancelled_on is null and m.scheduled_on >= :today)
            from support_plan sp
            join pupil p on p.id = sp.pupil_id
            join year_group y on y.id = p.year_group_id
            where sp.school_id = :school and sp.status = 'ACTIVE'
              and sp.id = (select max(z.id) from support_plan z where z.pupil_id = p.id and z.status = 'ACTIVE')
              and (p.leaving_date is null or p.leaving_date > :today)
            order by coalesce(p.preferred_surname, p.legal_surname), coalesce(p.preferred_forename, p.legal_forename)""")
        .param("school", schoolId).param("today", today).param("yearAgo", today.minusYears(1))
        .query((rs, n) -> new MeetingRow(rs.getLong(1),
            org.senda.pupils.PupilSummary.displayName(rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5)),
            rs.getString(6), rs.getLong(7), rs.getObject(8, LocalDate.class), rs.getInt(9),
            rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class)))
        .list();
  }
}
