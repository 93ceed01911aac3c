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
      long resourcesPence) {}

  record MapGroup(long groupId, String intervention, String areaOfNeed, LocalDate startDate, LocalDate endDate,
      @Nullable String room, int sessionsPerWeek, int minutesPerSession, long deliveredSessions,
      long deliveredMinutes, long resourcesPence) {}

  record MapPupil(long groupId, long pupilId, String name, String yearGroup) {}

  private final JdbcClient jdbc;

  ProvisionReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every group the pupil has been in, newest first, with delivery, attendance and measures. */
  List<HistoryRow> history(long pupilId) {
    return jdbc.sql("""
        select g.id, i.id as intervention_id, i.name, i.area_of_need, i.entry_exit_measure, g.start_date,
               g.end_date, g.room, gp.entry_measure, gp.exit_measure, gp.exit_target, i.resources_cost_pence,
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
            rs.getLong("cancelled"), rs.getLong("attended"), rs.getLong("resources_cost_pence")))
        .list();
  }

  /** The staff of every group the pupil has been in, with the hourly rate that applies. */
  List<StaffRow> staffOfPupilsGroups(long pupilId) {
    return staff("gs.group_id in (select group_id from provision_group_pupil where pupil_id = :id)", pupilId);
  }

  private static final String TERM_GROUPS =
      "g.school_id = :school and g.start_date <= :termEnd and g.end_date >= :termStart";

  /** The school's groups running at some point in a term, with the sessions delivered within the term. */
  List<MapGroup> groupsInTerm(long schoolId, LocalDate termStart, LocalDate termEnd) {
    return jdbc.sql("""
        select g.id, i.name, i.area_of_need, g.start_date, g.end_date, g.room, g.sessions_per_week,
               g.minutes_per_session, i.resources_cost_pence,
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
            rs.getLong("delivered"), rs.getLong("minutes"), rs.getLong("resources_cost_pence")))
        .list();
  }

  List<MapPupil> pupilsInTerm(long schoolId, LocalDate termStart, LocalDate termEnd) {
    return jdbc.sql("""
        select gp.group_id, p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname,
               y.name as year_group
          from provision_group_pupil gp
          join provision_group g on g.id = gp.group_id
          join pupil p on p.id = gp.pupil_id
          join year_group y on y.id = p.year_group_id
         where """ + " " + TERM_GROUPS + """

         order by gp.group_id, p.legal_surname, p.legal_forename, p.id""")
        .param("school", schoolId).param("termStart", termStart).param("termEnd", termEnd)
        .query((rs, n) -> new MapPupil(rs.getLong("group_id"), rs.getLong("id"),
            PupilSummary.displayName(rs.getString("legal_forename"), rs.getString("legal_surname"),
                rs.getString("preferred_forename"), rs.getString("preferred_surname")),
            rs.getString("year_group")))
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

  record EffectGroup(long groupId, long interventionId, String intervention, String areaOfNeed, int pupils,
      long deliveredMinutes, long resourcesPence, int measured, @Nullable BigDecimal gainTotal, int withTarget,
      int metTarget) {}

  /** Every group of the school with its measures summed, for the effectiveness of each intervention. */
  List<EffectGroup> effectGroups(long schoolId) {
    return jdbc.sql("""
        select g.id, i.id as intervention_id, i.name, i.area_of_need, i.resources_cost_pence,
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
                       from provision_group_pupil gp where gp.school_id = :school group by gp.group_id) m
            on m.group_id = g.id
          left join (select s.group_id, sum(s.minutes) as minutes from provision_session s
                      where s.school_id = :school and s.delivered group by s.group_id) d on d.group_id = g.id
         where g.school_id = :school
         order by lower(i.name), i.id, g.id""")
        .param("school", schoolId)
        .query((rs, n) -> new EffectGroup(rs.getLong("id"), rs.getLong("intervention_id"), rs.getString("name"),
            rs.getString("area_of_need"), rs.getInt("pupils"), rs.getLong("minutes"),
            rs.getLong("resources_cost_pence"), rs.getInt("measured"), rs.getBigDecimal("gain_total"),
            rs.getInt("with_target"), rs.getInt("met_target")))
        .list();
  }

  List<StaffRow> staffOfSchool(long schoolId) {
    return staff("gs.school_id = :id", schoolId);
  }

  static <T> Map<Long, List<T>> byGroup(List<T> rows, java.util.function.ToLongFunction<T> group) {
    Map<Long, List<T>> map = new LinkedHashMap<>();
    for (T row : rows) {
      map.computeIfAbsent(group.applyAsLong(row), k -> new ArrayList<>()).add(row);
    }
    return map;
  }
}
