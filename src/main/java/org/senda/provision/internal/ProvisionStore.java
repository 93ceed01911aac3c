package org.senda.provision.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Hand-written SQL for the catalogue, groups, sessions and staff rates. */
@Repository
class ProvisionStore {

  record NewIntervention(long trustId, @Nullable Long schoolId, String name, String areaOfNeed,
      @Nullable String description, @Nullable String evidenceLink, int defaultGroupSize, int sessionsPerWeek,
      int minutesPerSession, int lengthWeeks, long resourcesCostPence, @Nullable String entryExitMeasure,
      String deliveredByRole) {}

  record Group(long id, long schoolId, long interventionId, String interventionName, long resourcesCostPence,
      int sessionsPerWeek, int minutesPerSession, LocalDate startDate, LocalDate endDate, @Nullable String room) {}

  record GroupStaff(long groupId, long staffId, Role role) {}

  record NewGroup(long schoolId, long interventionId, int sessionsPerWeek, int minutesPerSession, LocalDate startDate,
      LocalDate endDate, @Nullable String room, List<GroupStaff> staff, List<Long> pupilIds, List<Slot> slots,
      @Nullable Integer reviewAfterWeeks, DeliveryKind kind, @Nullable String lessons) {}

  record Attendance(long pupilId, boolean attended) {}

  private final JdbcClient jdbc;

  ProvisionStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String INTERVENTION_COLUMNS = """
      i.id, i.trust_id, i.school_id, i.name, i.area_of_need, i.description, i.evidence_link, i.default_group_size,
      i.sessions_per_week, i.minutes_per_session, i.length_weeks, i.resources_cost_pence, i.entry_exit_measure,
      i.delivered_by_role, i.version""";

  private static Intervention intervention(ResultSet rs, int row) throws SQLException {
    long school = rs.getLong("school_id");
    Long schoolId = rs.wasNull() ? null : school;
    return new Intervention(rs.getLong("id"), rs.getLong("trust_id"), schoolId, rs.getString("name"),
        rs.getString("area_of_need"), rs.getString("description"), rs.getString("evidence_link"),
        rs.getInt("default_group_size"), rs.getInt("sessions_per_week"), rs.getInt("minutes_per_session"),
        rs.getInt("length_weeks"), rs.getLong("resources_cost_pence"), rs.getString("entry_exit_measure"),
        rs.getString("delivered_by_role"), rs.getInt("version"));
  }

  /** The school's own entries and those shared across its trust, by name. */
  List<Intervention> catalogue(long trustId, long schoolId) {
    return jdbc.sql("select " + INTERVENTION_COLUMNS + """
         from intervention i
        where i.trust_id = :trust and (i.school_id = :school or i.school_id is null)
        order by lower(i.name), i.id""")
        .param("trust", trustId).param("school", schoolId).query(ProvisionStore::intervention).list();
  }

  /** The entries shared across the trust (no school), by name. */
  List<Intervention> trustCatalogue(long trustId) {
    return jdbc.sql("select " + INTERVENTION_COLUMNS + """
         from intervention i
        where i.trust_id = :trust and i.school_id is null
        order by lower(i.name), i.id""")
        .param("trust", trustId).query(ProvisionStore::intervention).list();
  }

  /** A shared entry of this trust; empty for a school's own entry or another trust's. */
  Optional<Intervention> trustIntervention(long trustId, long interventionId) {
    return jdbc.sql("select " + INTERVENTION_COLUMNS + """
         from intervention i
        where i.id = :id and i.trust_id = :trust and i.school_id is null""")
        .param("id", interventionId).param("trust", trustId).query(ProvisionStore::intervention).optional();
  }

  /** The intervention, when the school may use it (its own or shared across its trust). */
  Optional<Intervention> interventionFor(long trustId, long schoolId, long interventionId) {
    return jdbc.sql("select " + INTERVENTION_COLUMNS + """
         from intervention i
        where i.id = :id and i.trust_id = :trust and (i.school_id = :school or i.school_id is null)""")
        .param("id", interventionId).param("trust", trustId).param("school", schoolId)
        .query(ProvisionStore::intervention).optional();
  }

  long insert(NewIntervention i) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into intervention (trust_id, school_id, name, area_of_need, description, evidence_link,
          default_group_size, sessions_per_week, minutes_per_session, length_weeks, resources_cost_pence,
          entry_exit_measure, delivered_by_role)
        values (:trust, :school, :name, :area, :description, :evidence, :size, :spw, :mps, :weeks, :pence, :measure,
          :role)""")
        .param("trust", i.trustId()).param("school", i.schoolId(), java.sql.Types.BIGINT).param("name", i.name())
        .param("area", i.areaOfNeed()).param("description", i.description(), java.sql.Types.VARCHAR)
        .param("evidence", i.evidenceLink(), java.sql.Types.VARCHAR).param("size", i.defaultGroupSize())
        .param("spw", i.sessionsPerWeek()).param("mps", i.minutesPerSession()).param("weeks", i.lengthWeeks())
        .param("pence", i.resourcesCostPence()).param("measure", i.entryExitMeasure(), java.sql.Types.VARCHAR)
        .param("role", i.deliveredByRole())
        .update(key, "id");
    return key.getKeyAs(Number.class).longValue();
  }

  long insert(NewGroup g, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into provision_group (school_id, intervention_id, sessions_per_week, minutes_per_session, start_date,
          end_date, room, review_after_weeks, created_at, kind, lessons)
        values (:school, :intervention, :spw, :mps, :start, :end, :room, :review, :now, :kind, :lessons)""")
        .param("school", g.schoolId()).param("intervention", g.interventionId()).param("spw", g.sessionsPerWeek())
        .param("mps", g.minutesPerSession()).param("start", g.startDate()).param("end", g.endDate())
        .param("room", g.room(), java.sql.Types.VARCHAR)
        .param("review", g.reviewAfterWeeks(), java.sql.Types.INTEGER).param("now", Timestamp.from(now))
        .param("kind", g.kind().name()).param("lessons", g.lessons(), java.sql.Types.VARCHAR)
        .update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    insertStaff(id, g);
    insertSlots(id, g);
    for (long pupil : g.pupilIds()) {
      jdbc.sql("insert into provision_group_pupil (group_id, pupil_id, school_id) values (?, ?, ?)")
          .params(id, pupil, g.schoolId()).update();
    }
    return id;
  }

  private void insertStaff(long groupId, NewGroup g) {
    for (GroupStaff s : g.staff()) {
      jdbc.sql("insert into provision_group_staff (group_id, staff_id, school_id, role) values (?, ?, ?, ?)")
          .params(groupId, s.staffId(), g.schoolId(), s.role().name()).update();
    }
  }

  private void insertSlots(long groupId, NewGroup g) {
    for (Slot slot : g.slots()) {
      jdbc.sql("""
          insert into provision_group_slot (group_id, school_id, day_of_week, start_time, minutes)
          values (?, ?, ?, ?, ?)""")
          .params(groupId, g.schoolId(), slot.dayOfWeek(), slot.startTime(), slot.minutes()).update();
    }
  }

  /** The weekly times of one group, Monday first. */
  List<Slot> slots(long groupId) {
    return jdbc.sql("select day_of_week, start_time, minutes from provision_group_slot where group_id = ?")
        .param(groupId).query((rs, n) -> new Slot(rs.getString(1), rs.getString(2), rs.getInt(3))).list().stream()
        .sorted(Slot.IN_THE_WEEK).toList();
  }

  /** Saves a changed group if its version is still {@code version}; pupils who stay keep their measures. */
  boolean update(long groupId, int version, NewGroup g) {
    int updated = jdbc.sql("""
        update provision_group set intervention_id = :intervention, sessions_per_week = :spw,
          minutes_per_session = :mps, start_date = :start, end_date = :end, room = :room,
          review_after_weeks = :review, kind = :kind, lessons = :lessons, version = version + 1
         where id = :id and version = :version""")
        .param("kind", g.kind().name()).param("lessons", g.lessons(), java.sql.Types.VARCHAR)
        .param("intervention", g.interventionId()).param("spw", g.sessionsPerWeek())
        .param("mps", g.minutesPerSession()).param("start", g.startDate()).param("end", g.endDate())
        .param("room", g.room(), java.sql.Types.VARCHAR)
        .param("review", g.reviewAfterWeeks(), java.sql.Types.INTEGER).param("id", groupId)
        .param("version", version)
        .update();
    if (updated == 0) {
      return false;
    }
    jdbc.sql("delete from provision_group_staff where group_id = ?").param(groupId).update();
    insertStaff(groupId, g);
    jdbc.sql("delete from provision_group_slot where group_id = ?").param(groupId).update();
    insertSlots(groupId, g);
    List<Long> before = pupils(groupId);
    for (long pupil : before) {
      if (!g.pupilIds().contains(pupil)) {
        jdbc.sql("delete from provision_group_pupil where group_id = ? and pupil_id = ?").params(groupId, pupil)
            .update();
      }
    }
    for (long pupil : g.pupilIds()) {
      if (!before.contains(pupil)) {
        jdbc.sql("insert into provision_group_pupil (group_id, pupil_id, school_id) values (?, ?, ?)")
            .params(groupId, pupil, g.schoolId()).update();
      }
    }
    return true;
  }

  /** Saves a changed catalogue entry if its version is still {@code version}. */
  boolean update(long interventionId, int version, NewIntervention i) {
    return jdbc.sql("""
        update intervention set name = :name, area_of_need = :area, description = :description,
          evidence_link = :evidence, default_group_size = :size, sessions_per_week = :spw,
          minutes_per_session = :mps, length_weeks = :weeks, resources_cost_pence = :pence,
          entry_exit_measure = :measure, delivered_by_role = :role, version = version + 1
         where id = :id and version = :version""")
        .param("name", i.name()).param("area", i.areaOfNeed())
        .param("description", i.description(), java.sql.Types.VARCHAR)
        .param("evidence", i.evidenceLink(), java.sql.Types.VARCHAR).param("size", i.defaultGroupSize())
        .param("spw", i.sessionsPerWeek()).param("mps", i.minutesPerSession()).param("weeks", i.lengthWeeks())
        .param("pence", i.resourcesCostPence()).param("measure", i.entryExitMeasure(), java.sql.Types.VARCHAR)
        .param("role", i.deliveredByRole()).param("id", interventionId).param("version", version)
        .update() == 1;
  }

  /**
   * Adds an impact review to the group's history and makes the group show its latest review (by date), if the
   * group is still at {@code version}; false (and nothing to keep) when someone changed the group meanwhile.
   */
  boolean addImpactReview(long groupId, long schoolId, int version, LocalDate reviewedOn, String summary,
      @Nullable Long accountId, @Nullable String recordedBy, Instant now) {
    jdbc.sql("""
        insert into provision_impact_review (group_id, school_id, reviewed_on, summary, recorded_by_account_id,
          recorded_by_name, recorded_at)
        values (:group, :school, :on, :summary, :account, :by, :now)""")
        .param("group", groupId).param("school", schoolId).param("on", reviewedOn).param("summary", summary)
        .param("account", accountId, java.sql.Types.BIGINT).param("by", recordedBy, java.sql.Types.VARCHAR)
        .param("now", Timestamp.from(now))
        .update();
    return jdbc.sql("""
        update provision_group
           set impact_reviewed_on = (select r.reviewed_on from provision_impact_review r where r.group_id = :id
                                      order by r.reviewed_on desc, r.id desc fetch first 1 rows only),
               impact_summary = (select r.summary from provision_impact_review r where r.group_id = :id
                                  order by r.reviewed_on desc, r.id desc fetch first 1 rows only),
               version = version + 1
         where id = :id and version = :version""")
        .param("id", groupId).param("version", version).update() == 1;
  }

  Optional<ProvisionService.Settings> settings(long schoolId) {
    return jdbc.sql("select notional_threshold_pence, version from provision_settings where school_id = ?")
        .param(schoolId).query((rs, n) -> new ProvisionService.Settings(rs.getLong(1), rs.getInt(2))).optional();
  }

  /** Saves the school's settings if they are still at {@code version} (-1: never saved). */
  boolean saveSettings(long schoolId, int version, long thresholdPence) {
    if (version < 0) {
      if (settings(schoolId).isPresent()) {
        return false;
      }
      return jdbc.sql("insert into provision_settings (school_id, notional_threshold_pence) values (?, ?)")
          .params(schoolId, thresholdPence).update() == 1;
    }
    return jdbc.sql("""
        update provision_settings set notional_threshold_pence = ?, version = version + 1
         where school_id = ? and version = ?""").params(thresholdPence, schoolId, version).update() == 1;
  }

  Optional<Group> group(long groupId) {
    return jdbc.sql("""
        select g.id, g.school_id, g.intervention_id, i.name, i.resources_cost_pence, g.sessions_per_week,
               g.minutes_per_session, g.start_date, g.end_date, g.room
          from provision_group g join intervention i on i.id = g.intervention_id
         where g.id = ?""")
        .param(groupId)
        .query((rs, n) -> new Group(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
            rs.getInt(6), rs.getInt(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
            rs.getString(10)))
        .optional();
  }

  List<GroupStaff> staff(long groupId) {
    return jdbc.sql("select group_id, staff_id, role from provision_group_staff where group_id = ? order by staff_id")
        .param(groupId)
        .query((rs, n) -> new GroupStaff(rs.getLong(1), rs.getLong(2), Role.valueOf(rs.getString(3))))
        .list();
  }

  List<Long> pupils(long groupId) {
    return jdbc.sql("select pupil_id from provision_group_pupil where group_id = ? order by pupil_id")
        .param(groupId).query(Long.class).list();
  }

  long insertSession(long groupId, long schoolId, LocalDate date, boolean delivered, @Nullable String reason,
      int minutes, List<Attendance> attendance, Instant now) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql("""
        insert into provision_session (group_id, school_id, session_date, delivered, cancelled_reason, minutes,
          recorded_at)
        values (:group, :school, :date, :delivered, :reason, :minutes, :now)""")
        .param("group", groupId).param("school", schoolId).param("date", date).param("delivered", delivered)
        .param("reason", reason, java.sql.Types.VARCHAR).param("minutes", minutes).param("now", Timestamp.from(now))
        .update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    for (Attendance a : attendance) {
      jdbc.sql("insert into provision_attendance (session_id, pupil_id, school_id, attended) values (?, ?, ?, ?)")
          .params(id, a.pupilId(), schoolId, a.attended()).update();
    }
    return id;
  }

  /** Delivered sessions and their minutes, and sessions cancelled. */
  record Delivery(long delivered, long deliveredMinutes, long cancelled) {}

  Delivery delivery(long groupId) {
    return jdbc.sql("""
        select coalesce(sum(case when delivered then 1 else 0 end), 0),
               coalesce(sum(case when delivered then minutes else 0 end), 0),
               coalesce(sum(case when delivered then 0 else 1 end), 0)
          from provision_session where group_id = ?""")
        .param(groupId)
        .query((rs, n) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
        .single();
  }

  /** The school's own hourly rates (roles without a row cost the default). */
  Map<Role, Long> rates(long schoolId) {
    Map<Role, Long> rates = new EnumMap<>(Role.class);
    jdbc.sql("select role, pence_per_hour from provision_staff_rate where school_id = ?").param(schoolId)
        .query((rs, n) -> rates.put(Role.valueOf(rs.getString(1)), rs.getLong(2))).list();
    return rates;
  }

  void setRate(long schoolId, Role role, long pencePerHour) {
    int updated = jdbc.sql("""
        update provision_staff_rate set pence_per_hour = ?, version = version + 1 where school_id = ? and role = ?""")
        .params(pencePerHour, schoolId, role.name()).update();
    if (updated == 0) {
      jdbc.sql("insert into provision_staff_rate (school_id, role, pence_per_hour) values (?, ?, ?)")
          .params(schoolId, role.name(), pencePerHour).update();
    }
  }

  /** Sets a pupil's measures in a group; false when the pupil is not in it. */
  boolean setMeasures(long groupId, long pupilId, @Nullable BigDecimal entry, @Nullable BigDecimal exit,
      @Nullable BigDecimal target) {
    return jdbc.sql("""
        update provision_group_pupil set entry_measure = :entry, exit_measure = :exit, exit_target = :target
         where group_id = :group and pupil_id = :pupil""")
        .param("entry", entry, java.sql.Types.NUMERIC).param("exit", exit, java.sql.Types.NUMERIC)
        .param("target", target, java.sql.Types.NUMERIC).param("group", groupId).param("pupil", pupilId)
        .update() == 1;
  }

  static @Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
    return rs.getBigDecimal(column);
  }

  static String in(Collection<?> ids) {
    return ids.isEmpty() ? "null" : String.join(",", ids.stream().map(String::valueOf).toList());
  }
}
