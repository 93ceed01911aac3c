package org.senda.provision.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.pupils.PupilSummary;
import org.senda.web.RequestMemo;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A pupil's provision history and the school's provision map, each from a fixed number of queries whatever the
 * number of groups, sessions or pupils.
 */
@Repository
class ProvisionReports {

  record StaffRow(long groupId, long staffId, String name, Role role, long pencePerHour) {}

  record HistoryRow(long groupId, long interventionId, String intervention, String areaOfNeed,
      @Nullable String measure, LocalDate startDate, LocalDate endDate, @Nullable String room,
      @Nullable BigDecimal entryMeasure, @Nullable BigDecimal exitMeasure, @Nullable BigDecimal exitTarget,
      int pupils, long deliveredSessions, long deliveredMinutes, long cancelledSessions, long attended,
      long resourcesPence, @Nullable LocalDate impactReviewedOn, @Nullable String impactSummary, DeliveryKind kind,
      @Nullable String lessons) {

    /** "Group of 4", "One to one" or "In-class support". */
    public String delivery() {
      return kind.describe(pupils);
    }
  }

  record MapGroup(long groupId, String intervention, String areaOfNeed, LocalDate startDate, LocalDate endDate,
      @Nullable String room, int sessionsPerWeek, int minutesPerSession, long deliveredSessions,
      long deliveredMinutes, long resourcesPence, List<Slot> slots, @Nullable Integer reviewAfterWeeks,
      @Nullable LocalDate impactReviewedOn, DeliveryKind kind, @Nullable String lessons) {

    /** Minutes a week: its weekly times, and sessions beyond them (not yet given a time) at the usual length. */
    long weeklyMinutes() {
      return ProvisionCost.weeklyMinutes(sessionsPerWeek, minutesPerSession, slots);
    }
  }

  record MapPupil(long groupId, long pupilId, String name, String yearGroup, @Nullable Long classId,
      @Nullable String sendStatus) {}

  private final JdbcClient jdbc;

  ProvisionReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * {@link #history} read once per request: the pupil page's provision section and its timeline both need it, and
   * its statement count must not depend on how many modules show the same rows.
   */
  List<HistoryRow> historyForPupilPage(long pupilId) {
    return RequestMemo.get("provision.history." + pupilId, () -> history(pupilId));
  }

  /** Every group the pupil has been in, newest first, with delivery, attendance and measures. */
  List<HistoryRow> history(long pupilId) {
    return jdbc.sql("""
        select g.id, i.id as intervention_id, i.name, i.area_of_need, i.entry_exit_measure, g.start_date,
               g.end_date, g.room, gp.entry_measure, gp.exit_measure, gp.exit_target, i.resources_cost_pence,
               g.impact_reviewed_on, g.impact_summary, g.kind, g.lessons,
               (select count(*) from provision_group_pupil x where x.group_id = g.id) as pupils,
               coalesce(d.delivered, 0) as delivered, coalesce(d.minutes, 0) as minutes,
               coalesce(d.cancelled, 0) as cancelled,
               (select count(*) from provision_attendance a join provision_session s on s.id = a.session_id
                 where a.pupil_id = gp.pupil_id and s.group_id = g.id and a.attended) as attended
          from provision_group_pupil gp
          join provision_group g on g.id = gp.group_id
          join intervention i on i.id = g.intervention_id
          left join (select group_id, sum(case when delivered then 1 else 0 end) as delivered,
                            sum(case when delivered then minutes else 0 end) as minutes,
                            sum(case when delivered then 0 else 1 end) as cancelled
                       from provision_session
                      where group_id in (select group_id from provision_group_pupil where pupil_id = :pupil)
                      group by group_id) d on d.group_id = g.id
         where gp.pupil_id = :pupil
         order by g.start_date desc, g.id desc""")
        .param("pupil", pupilId)
        .query((rs, n) -> new HistoryRow(rs.getLong("id"), rs.getLong("intervention_id"), rs.getString("name"),
            rs.getString("area_of_need"), rs.getString("entry_exit_measure"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            rs.getString("room"), rs.getBigDecimal("entry_measure"), rs.getBigDecimal("exit_measure"),
            rs.getBigDecimal("exit_target"), rs.getInt("pupils"), rs.getLong("delivered"), rs.getLong("minutes"),
            rs.getLong("cancelled"), rs.getLong("attended"), rs.getLong("resources_cost_pence"),
            rs.getObject("impact_reviewed_on", LocalDate.class), rs.getString("impact_summary"),
            DeliveryKind.valueOf(rs.getString("kind")), rs.getString("lessons")))
        .list();
  }

  /** The staff of every group the pupil has been in, with the hourly rate that applies. */
  List<StaffRow> staffOfPupilsGroups(long pupilId) {
    return staff("gs.group_id in (select group_id from provision_group_pupil where pupil_id = :id)", pupilId);
  }

  private static final String TERM_GROUPS =
      "g.school_id = :school and g.start_date <= :termEnd and g.end_date >= :termStart";

  /**
   * The school's groups running at some point in a term, with their weekly times and the sessions delivered within
   * the term: two queries whatever the number of groups.
   */
  List<MapGroup> groupsInTerm(long schoolId, LocalDate termStart, LocalDate termEnd) {
    Map<Long, List<Slot>> slots = new java.util.HashMap<>();
    jdbc.sql("""
        select sl.group_id, sl.day_of_week, sl.start_time, sl.minutes
          from provision_group_slot sl
          join provision_group g on g.id = sl.group_id
         where """ + " " + TERM_GROUPS)
        .param("school", schoolId).param("termStart", termStart).param("termEnd", termEnd)
        .query((rs, n) -> slots.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
            .add(new Slot(rs.getString(2), rs.getString(3), rs.getInt(4))))
        .list();
    slots.values().forEach(list -> list.sort(Slot.IN_THE_WEEK));
    return jdbc.sql("""
        select g.id, i.name, i.area_of_need, g.start_date, g.end_date, g.room, g.sessions_per_week,
               g.minutes_per_session, i.resources_cost_pence, g.review_after_weeks,
               g.impact_reviewed_on, g.kind, g.lessons,
               coalesce(d.delivered, 0) as delivered, coalesce(d.minutes, 0) as minutes
          from provision_group g
          join intervention i on i.id = g.intervention_id
          left join (select s.group_id, count(*) as delivered, sum(s.minutes) as minutes
                       from provision_session s
                      where s.school_id = :school and s.delivered
                        and s.session_date between :termStart and :termEnd
                      group by s.group_id) d on d.group_id = g.id
         where """ + " " + TERM_GROUPS + """

         order by lower(i.name), g.start_date, g.id""")
        .param("school", schoolId).param("termStart", termStart).param("termEnd", termEnd)
        .query((rs, n) -> new MapGroup(rs.getLong("id"), rs.getString("name"), rs.getString("area_of_need"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            rs.getString("room"), rs.getInt("sessions_per_week"), rs.getInt("minutes_per_session"),
            rs.getLong("delivered"), rs.getLong("minutes"), rs.getLong("resources_cost_pence"),
            List.copyOf(slots.getOrDefault(rs.getLong("id"), List.of())),
            (Integer) rs.getObject("review_after_weeks", Integer.class),
            rs.getObject("impact_reviewed_on", LocalDate.class), DeliveryKind.valueOf(rs.getString("kind")),
            rs.getString("lessons")))
        .list();
  }

  List<MapPupil> pupilsInTerm(long schoolId, LocalDate termStart, LocalDate termEnd) {
    return jdbc.sql("""
        select gp.group_id, p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
               y.name as year_group, p.class_id, re.status
          from provision_group_pupil gp
          join provision_group g on g.id = gp.group_id
          join pupil p on p.id = gp.pupil_id
          join year_group y on y.id = p.year_group_id
          left join register_entry re on re.pupil_id = p.id
         where """ + " " + TERM_GROUPS + """

         order by gp.group_id, p.legal_surname, p.legal_forename, p.id""")
        .param("school", schoolId).param("termStart", termStart).param("termEnd", termEnd)
        .query((rs, n) -> new MapPupil(rs.getLong("group_id"), rs.getLong("id"),
            PupilSummary.displayName(rs.getString("legal_forename"), rs.getString("legal_surname"),
                rs.getString("preferred_forename"), rs.getString("preferred_surname")),
            rs.getString("year_group"), (Long) rs.getObject("class_id", Long.class), rs.getString("status")))
        .list();
  }

  List<StaffRow> staffInTerm(long schoolId, LocalDate termStart, LocalDate termEnd) {
    return jdbc.sql(staffSql("gs.group_id in (select g.id from provision_group g where " + TERM_GROUPS + ")"))
        .param("school", schoolId).param("termStart", termStart).param("termEnd", termEnd)
        .query(ProvisionReports::staffRow).list();
  }

  private List<StaffRow> staff(String condition, long id) {
    return jdbc.sql(staffSql(condition)).param("id", id).query(ProvisionReports::staffRow).list();
  }

  private static String staffSql(String condition) {
    return """
        select gs.group_id, gs.staff_id, s.given_name, s.family_name, gs.role, r.pence_per_hour
          from provision_group_staff gs
          join staff s on s.id = gs.staff_id
          left join provision_staff_rate r on r.school_id = gs.school_id and r.role = gs.role
         where """ + " " + condition + " order by gs.group_id, s.family_name, s.given_name, gs.staff_id";
  }

  private static StaffRow staffRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Role role = Role.valueOf(rs.getString("role"));
    long own = rs.getLong("pence_per_hour");
    long rate = rs.wasNull() ? ProvisionCost.rate(role, Map.of()) : own;
    return new StaffRow(rs.getLong("group_id"), rs.getLong("staff_id"),
        rs.getString("given_name") + " " + rs.getString("family_name"), role, rate);
  }

  record EffectGroup(long schoolId, long groupId, long interventionId, String intervention, String areaOfNeed, int pupils,
      long deliveredMinutes, long resourcesPence, int measured, @Nullable BigDecimal gainTotal, int withTarget,
      int metTarget) {}

  /** Every group of the school with its measures summed, for the effectiveness of each intervention. */
  List<EffectGroup> effectGroups(long schoolId) {
    return effectGroups(List.of(schoolId));
  }

  /** Every group of these schools with its measures summed, in one query whatever the number of schools. */
  List<EffectGroup> effectGroups(List<Long> schoolIds) {
    if (schoolIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("""
        select g.school_id, g.id, i.id as intervention_id, i.name, i.area_of_need, i.resources_cost_pence,
               coalesce(m.pupils, 0) as pupils, coalesce(m.measured, 0) as measured, m.gain_total,
               coalesce(m.with_target, 0) as with_target, coalesce(m.met_target, 0) as met_target,
               coalesce(d.minutes, 0) as minutes
          from provision_group g
          join intervention i on i.id = g.intervention_id
          left join (select gp.group_id, count(*) as pupils,
                            sum(case when gp.entry_measure is not null and gp.exit_measure is not null
                                     then 1 else 0 end) as measured,
                            sum(case when gp.entry_measure is not null and gp.exit_measure is not null
                                     then gp.exit_measure - gp.entry_measure end) as gain_total,
                            sum(case when gp.exit_measure is not null and gp.exit_target is not null
                                     then 1 else 0 end) as with_target,
                            sum(case when gp.exit_measure is not null and gp.exit_target is not null
                                      and gp.exit_measure >= gp.exit_target then 1 else 0 end) as met_target
                       from provision_group_pupil gp where gp.school_id in (:schools) group by gp.group_id) m
            on m.group_id = g.id
          left join (select s.group_id, sum(s.minutes) as minutes from provision_session s
                      where s.school_id in (:schools) and s.delivered group by s.group_id) d on d.group_id = g.id
         where g.school_id in (:schools)
         order by lower(i.name), i.id, g.id""")
        .param("schools", schoolIds)
        .query((rs, n) -> new EffectGroup(rs.getLong("school_id"), rs.getLong("id"), rs.getLong("intervention_id"), rs.getString("name"),
            rs.getString("area_of_need"), rs.getInt("pupils"), rs.getLong("minutes"),
            rs.getLong("resources_cost_pence"), rs.getInt("measured"), rs.getBigDecimal("gain_total"),
            rs.getInt("with_target"), rs.getInt("met_target")))
        .list();
  }

  List<StaffRow> staffOfSchool(long schoolId) {
    return staff("gs.school_id = :id", schoolId);
  }

  List<StaffRow> staffOfSchools(List<Long> schoolIds) {
    if (schoolIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(staffSql("gs.school_id in (:schools)")).param("schools", schoolIds)
        .query(ProvisionReports::staffRow).list();
  }

  List<StaffRow> staffOfGroup(long groupId) {
    return staff("gs.group_id = :id", groupId);
  }

  record PupilChoice(long pupilId, String name, String yearGroup, @Nullable String sendStatus) {}

  /** Pupils who may be put in a group: those on the SEND register (K or E), and the group's current members. */
  List<PupilChoice> pupilChoices(long schoolId, List<Long> members) {
    return jdbc.sql("""
        select p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
               y.name as year_group, y.ordinal, re.status
          from pupil p
          join year_group y on y.id = p.year_group_id
          left join register_entry re on re.pupil_id = p.id
         where p.school_id = :school and p.leaving_date is null
           and (re.status in ('K', 'E') or p.id in (:members))
         order by y.ordinal, p.legal_surname, p.legal_forename, p.id""")
        .param("school", schoolId).param("members", members.isEmpty() ? List.of(-1L) : members)
        .query((rs, n) -> new PupilChoice(rs.getLong("id"),
            PupilSummary.displayName(rs.getString("legal_forename"), rs.getString("legal_surname"),
                rs.getString("preferred_forename"), rs.getString("preferred_surname")),
            rs.getString("year_group"), rs.getString("status")))
        .list();
  }

  long resourcesPence(long interventionId) {
    return jdbc.sql("select resources_cost_pence from intervention where id = ?").param(interventionId)
        .query(Long.class).single();
  }

  record GroupDetail(long groupId, long schoolId, long interventionId, String intervention, String areaOfNeed,
      @Nullable String measure, int sessionsPerWeek, int minutesPerSession, LocalDate startDate, LocalDate endDate,
      @Nullable String room, List<Slot> slots, @Nullable Integer reviewAfterWeeks,
      @Nullable LocalDate impactReviewedOn, @Nullable String impactSummary, int version, DeliveryKind kind,
      @Nullable String lessons) {

    /** Minutes a week: its weekly times, and sessions beyond them (not yet given a time) at the usual length. */
    public long weeklyMinutes() {
      return ProvisionCost.weeklyMinutes(sessionsPerWeek, minutesPerSession, slots);
    }

    public String when() {
      return Slot.describe(slots);
    }

    public String areaTitle() {
      return ProvisionMapController.area(areaOfNeed);
    }

    /** The day the impact review falls due, when the group has one. */
    public @Nullable LocalDate reviewDue() {
      return reviewAfterWeeks == null ? null : startDate.plusWeeks(reviewAfterWeeks);
    }
  }

  /** The group with its weekly times, Monday first. */
  java.util.Optional<GroupDetail> groupDetail(long groupId) {
    List<Slot> slots = jdbc.sql("""
        select day_of_week, start_time, minutes from provision_group_slot where group_id = ?""")
        .param(groupId).query((rs, n) -> new Slot(rs.getString(1), rs.getString(2), rs.getInt(3))).list().stream()
        .sorted(Slot.IN_THE_WEEK).toList();
    return jdbc.sql("""
        select g.id, g.school_id, i.id as intervention_id, i.name, i.area_of_need, i.entry_exit_measure,
               g.sessions_per_week, g.minutes_per_session, g.start_date, g.end_date, g.room,
               g.review_after_weeks, g.impact_reviewed_on, g.impact_summary, g.version, g.kind, g.lessons
          from provision_group g join intervention i on i.id = g.intervention_id
         where g.id = ?""")
        .param(groupId)
        .query((rs, n) -> new GroupDetail(rs.getLong("id"), rs.getLong("school_id"), rs.getLong("intervention_id"),
            rs.getString("name"), rs.getString("area_of_need"), rs.getString("entry_exit_measure"),
            rs.getInt("sessions_per_week"), rs.getInt("minutes_per_session"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
            rs.getString("room"), slots, (Integer) rs.getObject("review_after_weeks", Integer.class),
            rs.getObject("impact_reviewed_on", LocalDate.class), rs.getString("impact_summary"),
            rs.getInt("version"), DeliveryKind.valueOf(rs.getString("kind")), rs.getString("lessons")))
        .optional();
  }

  record GroupPupil(long pupilId, String name, String yearGroup, @Nullable BigDecimal entryMeasure,
      @Nullable BigDecimal exitMeasure, @Nullable BigDecimal exitTarget, long attended) {

    public @Nullable BigDecimal gain() {
      return entryMeasure == null || exitMeasure == null ? null : exitMeasure.subtract(entryMeasure);
    }

    public boolean metTarget() {
      return exitMeasure != null && exitTarget != null && exitMeasure.compareTo(exitTarget) >= 0;
    }
  }

  List<GroupPupil> groupPupils(long groupId) {
    return jdbc.sql("""
        select p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
               y.name as year_group, gp.entry_measure, gp.exit_measure, gp.exit_target,
               (select count(*) from provision_attendance a join provision_session s on s.id = a.session_id
                 where a.pupil_id = gp.pupil_id and s.group_id = gp.group_id and a.attended) as attended
          from provision_group_pupil gp
          join pupil p on p.id = gp.pupil_id
          join year_group y on y.id = p.year_group_id
         where gp.group_id = ?
         order by p.legal_surname, p.legal_forename, p.id""")
        .param(groupId)
        .query((rs, n) -> new GroupPupil(rs.getLong("id"),
            PupilSummary.displayName(rs.getString("legal_forename"), rs.getString("legal_surname"),
                rs.getString("preferred_forename"), rs.getString("preferred_surname")),
            rs.getString("year_group"), rs.getBigDecimal("entry_measure"), rs.getBigDecimal("exit_measure"),
            rs.getBigDecimal("exit_target"), rs.getLong("attended")))
        .list();
  }

  /** An impact review; {@code recordedOn} is the day it was entered (English schools: London time). */
  record ImpactReviewRow(long id, LocalDate reviewedOn, String summary, @Nullable String recordedBy,
      @Nullable LocalDate recordedOn) {}

  /** Every impact review of the group, the latest (by date) first. */
  List<ImpactReviewRow> impactReviews(long groupId) {
    return jdbc.sql("""
        select id, reviewed_on, summary, recorded_by_name, recorded_at
          from provision_impact_review
         where group_id = ?
         order by reviewed_on desc, id desc""")
        .param(groupId)
        .query((rs, n) -> {
          java.sql.Timestamp at = rs.getTimestamp("recorded_at");
          return new ImpactReviewRow(rs.getLong("id"), rs.getObject("reviewed_on", LocalDate.class),
              rs.getString("summary"), rs.getString("recorded_by_name"),
              at == null ? null : at.toInstant().atZone(java.time.ZoneId.of("Europe/London")).toLocalDate());
        })
        .list();
  }

  record SessionRow(long id, LocalDate date, boolean delivered, @Nullable String cancelledReason, int minutes,
      long attended, long recorded) {}

  List<SessionRow> sessions(long groupId) {
    return jdbc.sql("""
        select s.id, s.session_date, s.delivered, s.cancelled_reason, s.minutes,
               coalesce(sum(case when a.attended then 1 else 0 end), 0) as attended, count(a.pupil_id) as recorded
          from provision_session s left join provision_attendance a on a.session_id = s.id
         where s.group_id = ?
         group by s.id, s.session_date, s.delivered, s.cancelled_reason, s.minutes
         order by s.session_date desc, s.id desc""")
        .param(groupId)
        .query((rs, n) -> new SessionRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3),
            rs.getString(4), rs.getInt(5), rs.getLong(6), rs.getLong(7)))
        .list();
  }

  record ReviewRow(long groupId, String intervention, LocalDate startDate, LocalDate endDate, int reviewAfterWeeks,
      String staff) {

    public LocalDate due() {
      return startDate.plusWeeks(reviewAfterWeeks);
    }
  }

  /** The school's groups with an impact review set and not yet recorded. */
  List<ReviewRow> reviewsOutstanding(long schoolId) {
    return jdbc.sql("""
        select g.id, i.name, g.start_date, g.end_date, g.review_after_weeks
          from provision_group g join intervention i on i.id = g.intervention_id
         where g.school_id = ? and g.review_after_weeks is not null and g.impact_reviewed_on is null
         order by g.start_date, g.id""")
        .param(schoolId)
        .query((rs, n) -> new ReviewRow(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class),
            rs.getObject(4, LocalDate.class), rs.getInt(5), ""))
        .list();
  }

  static <T> Map<Long, List<T>> byGroup(List<T> rows, java.util.function.ToLongFunction<T> group) {
    Map<Long, List<T>> map = new LinkedHashMap<>();
    for (T row : rows) {
      map.computeIfAbsent(group.applyAsLong(row), k -> new ArrayList<>()).add(row);
    }
    return map;
  }
}
