package org.senda.register.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilFlag;
import org.senda.pupils.PupilScope;
import org.senda.pupils.PupilSummary;
import org.senda.register.BroadArea;
import org.senda.register.SendStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's read models, each one SQL statement whatever the size of the school: the list with its counts
 * (window aggregates over the filtered pupils, so one statement gives the page and the totals), a pupil's history,
 * a school's summary and the trust's counts per school.
 */
@Component
class RegisterQueries {

  /** One page of the list and the counts over every page. */
  record RegisterPage(List<RegisterRow> rows, RegisterCounts counts, int page, int size) {
    public long pages() {
      return Math.max(1, (counts.total() + size - 1) / size);
    }
  }

  /** One entry of a pupil's history. */
  record HistoryEntry(long id, SendStatus status, List<String> needs, LocalDate effectiveDate, String reason,
      @Nullable LocalDate reviewDate, @Nullable LocalDate monitorUntil, @Nullable String note, String changedBy,
      Instant changedAt) {}

  /** A school's numbers for the trust view and the summary API. */
  record SchoolCounts(long schoolId, long pupils, long senSupport, long ehcPlans, long monitoring,
      Map<BroadArea, Long> byArea) {
    public long onRegister() {
      return senSupport + ehcPlans;
    }

    public long area(BroadArea area) {
      return byArea.getOrDefault(area, 0L);
    }
  }

  /** Counts by status and by need code of one school. */
  record Summary(long pupils, Map<SendStatus, Long> byStatus, Map<String, Long> byPrimaryNeed,
      Map<String, Long> bySecondaryNeed, long monitoring) {}

  private static final List<BroadArea> AREAS = List.of(BroadArea.values());
  private static final String ON_ROLL = "(p.admission_date is null or p.admission_date <= :today)"
      + " and (p.leaving_date is null or p.leaving_date > :today)";
  private static final String ACTIVE_DUAL = "dr.starts_on <= :today and (dr.ends_on is null or dr.ends_on >= :today)";

  private final JdbcClient jdbc;

  RegisterQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * The register list of a school for a need-to-know scope, filtered, sorted and paged, with the counts.
   *
   * @param hostedVisible whether pupils of other schools dual registered with provision this school hosts are
   *     listed too (the person sees every pupil of this school)
   * @param planCondition the SQL condition for "has a current plan" over {@code r.id}, when plans are recorded
   * @param paged false for exports: every matching pupil
   */
  RegisterPage page(long schoolId, PupilScope scope, boolean hostedVisible, RegisterFilter filter, LocalDate today,
      Optional<String> planCondition, boolean paged) {
    Map<String, Object> params = new HashMap<>();
    PupilScope.Sql scoped = scope.sql("p");
    params.putAll(scoped.params());
    params.put("today", today);
    params.put("schoolId", schoolId);
    StringBuilder sql = new StringBuilder("select r.*, count(*) over () as c_total")
        .append(", sum(case when r.status = 'K' then 1 else 0 end) over () as c_k")
        .append(", sum(case when r.status = 'E' then 1 else 0 end) over () as c_e")
        .append(", sum(case when r.status = 'N' and r.monitor_until >= :today then 1 else 0 end) over () as c_m");
    for (int i = 0; i < AREAS.size(); i++) {
      sql.append(", sum(case when r.status <> 'N' and r.broad_area = '").append(AREAS.get(i).name())
          .append("' then 1 else 0 end) over () as c_a").append(i);
    }
    sql.append(" from (").append(ownPupils(scoped.where()));
    if (hostedVisible) {
      sql.append(" union all ").append(hostedPupils());
    }
    sql.append(") r where 1 = 1");
    where(filter, planCondition, sql, params);
    sql.append(" order by ").append(order(filter)).append(", r.legal_surname, r.legal_forename, r.id");
    if (paged) {
      sql.append(" limit :limit offset :offset");
      params.put("limit", filter.size());
      params.put("offset", (filter.page() - 1) * filter.size());
    }
    long[] counts = new long[4 + AREAS.size()];
    List<RegisterRow> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
      if (n == 0) {
        counts[0] = rs.getLong("c_total");
        counts[1] = rs.getLong("c_k");
        counts[2] = rs.getLong("c_e");
        counts[3] = rs.getLong("c_m");
        for (int i = 0; i < AREAS.size(); i++) {
          counts[4 + i] = rs.getLong("c_a" + i);
        }
      }
      return row(rs, today);
    }).list();
    Map<BroadArea, Long> byArea = new EnumMap<>(BroadArea.class);
    for (int i = 0; i < AREAS.size(); i++) {
      byArea.put(AREAS.get(i), counts[4 + i]);
    }
    return new RegisterPage(rows, new RegisterCounts(counts[0], counts[1], counts[2], counts[3], byArea),
        filter.page(), filter.size());
  }

  private static String ownPupils(String scope) {
    return "select p.id, p.school_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename,"
        + " p.preferred_surname, yg.code as year_code, yg.name as year_name, yg.ordinal as year_ordinal,"
        + " c.name as class_name, p.class_id, coalesce(re.status, 'N') as status, re.primary_need, re.secondary_need,"
        + " nt.broad_area, re.status_since, re.monitor_until, " + flagColumns("p")
        + ", dn.dual_name, 0 as hosted"
        + " from pupil p join year_group yg on yg.id = p.year_group_id"
        + " left join school_class c on c.id = p.class_id"
        + " left join register_entry re on re.pupil_id = p.id"
        + " left join need_type nt on nt.code = re.primary_need"
        // One join with the few current dual registrations, not a subquery run for every pupil on roll.
        + " left join (select dr.pupil_id, min(dr.provision_name) as dual_name from dual_registration dr where "
        + ACTIVE_DUAL + " group by dr.pupil_id) dn on dn.pupil_id = p.id"
        + " where (" + scope + ") and " + ON_ROLL;
  }

  // A hosting school sees the register entry of a dual-registered pupil, not the main school's class or flags.
  private static String hostedPupils() {
    StringBuilder noFlags = new StringBuilder();
    for (PupilFlag flag : PupilFlag.values()) {
      noFlags.append(noFlags.isEmpty() ? "" : ", ").append("false as ").append(flag.column());
    }
    return "select p.id, p.school_id, p.upn, p.legal_forename, p.legal_surname, p.preferred_forename,"
        + " p.preferred_surname, yg.code, yg.name, yg.ordinal, null, null, coalesce(re.status, 'N'),"
        + " re.primary_need, re.secondary_need, nt.broad_area, re.status_since, re.monitor_until, " + noFlags
        + ", dr.provision_name, 1"
        + " from dual_registration dr join pupil p on p.id = dr.pupil_id"
        + " join year_group yg on yg.id = p.year_group_id"
        + " left join register_entry re on re.pupil_id = p.id"
        + " left join need_type nt on nt.code = re.primary_need"
        + " where dr.host_school_id = :schoolId and p.school_id <> :schoolId and " + ACTIVE_DUAL + " and " + ON_ROLL;
  }

  private static String flagColumns(String alias) {
    StringBuilder columns = new StringBuilder();
    for (PupilFlag flag : PupilFlag.values()) {
      columns.append(columns.isEmpty() ? "" : ", ").append(alias).append('.').append(flag.column());
    }
    return columns.toString();
  }

  private static void where(RegisterFilter filter, Optional<String> planCondition, StringBuilder sql,
      Map<String, Object> params) {
    switch (filter.status()) {
      case "register" -> sql.append(" and r.status <> 'N'");
      case "monitoring" -> sql.append(" and r.status = 'N' and r.monitor_until >= :today");
      case "N", "K", "E" -> {
        sql.append(" and r.status = :status");
        params.put("status", filter.status());
      }
      default -> { }
    }
    if (filter.q() != null && !filter.q().isBlank()) {
      String[] words = filter.q().trim().toLowerCase(Locale.ROOT).split("\\s+");
      for (int i = 0; i < Math.min(words.length, 4); i++) {
        String p = "q" + i;
        sql.append(" and (lower(r.legal_forename) like :").append(p)
            .append(" or lower(r.legal_surname) like :").append(p)
            .append(" or lower(coalesce(r.preferred_forename, '')) like :").append(p)
            .append(" or lower(coalesce(r.preferred_surname, '')) like :").append(p)
            .append(" or lower(r.upn) = :").append(p).append("upn)");
        params.put(p, "%" + words[i].replace("%", "").replace("_", "") + "%");
        params.put(p + "upn", words[i]);
      }
    }
    if (filter.year() != null && !filter.year().isBlank()) {
      String year = filter.year().trim().toUpperCase(Locale.ROOT);
      sql.append(" and (upper(r.year_code) = :year or upper(r.year_code) = :yearY or upper(r.year_name) = :year)");
      params.put("year", year);
      params.put("yearY", "Y" + year);
    }
    if (filter.classId() != null) {
      sql.append(" and r.class_id = :classId");
      params.put("classId", filter.classId());
    }
    if (filter.need() != null && !filter.need().isBlank()) {
      sql.append(" and (r.primary_need = :need or r.secondary_need = :need)");
      params.put("need", filter.need().trim().toUpperCase(Locale.ROOT));
    }
    if (filter.area() != null) {
      sql.append(" and r.status <> 'N' and r.broad_area = :area");
      params.put("area", filter.area().name());
    }
    for (PupilFlag flag : filter.flags()) {
      sql.append(" and r.").append(flag.column()).append(" = true");
    }
    if (filter.withoutPlan() && planCondition.isPresent()) {
      sql.append(" and not (").append(planCondition.get()).append(")");
    }
  }

  private static String order(RegisterFilter filter) {
    String direction = filter.descending() ? " desc" : " asc";
    return switch (filter.sort()) {
      case "year" -> "r.year_ordinal" + direction;
      case "class" -> "r.class_name" + direction + " nulls last";
      case "status" -> "case r.status when 'E' then 1 when 'K' then 2 else 3 end" + direction;
      case "need" -> "r.primary_need" + direction + " nulls last";
      default -> "r.legal_surname" + direction + ", r.legal_forename" + direction;
    };
  }

  private static RegisterRow row(ResultSet rs, LocalDate today) throws SQLException {
    Set<PupilFlag> flags = EnumSet.noneOf(PupilFlag.class);
    for (PupilFlag flag : PupilFlag.values()) {
      if (rs.getBoolean(flag.column())) {
        flags.add(flag);
      }
    }
    SendStatus status = SendStatus.valueOf(rs.getString("status"));
    LocalDate monitorUntil = rs.getObject("monitor_until", LocalDate.class);
    String area = rs.getString("broad_area");
    return new RegisterRow(rs.getLong("id"), rs.getLong("school_id"), rs.getString("upn"),
        PupilSummary.displayName(rs.getString("legal_forename"), rs.getString("legal_surname"),
            rs.getString("preferred_forename"), rs.getString("preferred_surname")),
        rs.getString("year_code"), rs.getString("year_name"), rs.getString("class_name"), status,
        rs.getString("primary_need"), rs.getString("secondary_need"),
        status.onRegister() && area != null ? BroadArea.valueOf(area) : null,
        rs.getObject("status_since", LocalDate.class), Monitoring.monitoring(status, monitorUntil, today),
        monitorUntil, flags, rs.getString("dual_name"), rs.getInt("hosted") == 1);
  }

  /** A pupil's history, newest first. */
  List<HistoryEntry> history(long pupilId) {
    return jdbc.sql("select * from register_change where pupil_id = ? order by effective_date desc, id desc")
        .param(pupilId)
        .query((rs, n) -> {
          List<String> needs = new ArrayList<>();
          if (rs.getString("primary_need") != null) {
            needs.add(rs.getString("primary_need"));
          }
          if (rs.getString("secondary_need") != null) {
            needs.add(rs.getString("secondary_need"));
          }
          return new HistoryEntry(rs.getLong("id"), SendStatus.valueOf(rs.getString("status")), List.copyOf(needs),
              rs.getObject("effective_date", LocalDate.class), rs.getString("reason"),
              rs.getObject("review_date", LocalDate.class), rs.getObject("monitor_until", LocalDate.class),
              rs.getString("note"), rs.getString("changed_by"),
              rs.getTimestamp("changed_at").toInstant());
        })
        .list();
  }

  /** The pupil's active dual registrations: the hosting school and the provision's name. */
  List<DualRegistration> dualRegistrations(long pupilId, LocalDate today) {
    return jdbc.sql("select dr.host_school_id, dr.provision_name, dr.kind, dr.starts_on, dr.panel_date"
            + " from dual_registration dr where dr.pupil_id = :pupil and " + ACTIVE_DUAL + " order by dr.starts_on")
        .param("pupil", pupilId)
        .param("today", today)
        .query((rs, n) -> new DualRegistration(rs.getLong("host_school_id"), rs.getString("provision_name"),
            rs.getString("kind"), rs.getObject("starts_on", LocalDate.class),
            rs.getObject("panel_date", LocalDate.class)))
        .list();
  }

  /** A pupil's attendance at provision another school hosts. */
  record DualRegistration(long hostSchoolId, String provisionName, String kind, LocalDate startsOn,
      LocalDate panelDate) {}

  /** Counts per school, for the trust view: pupils on roll, K, E, monitoring and K/E by broad area. */
  List<SchoolCounts> perSchool(Collection<Long> schoolIds, LocalDate today) {
    if (schoolIds.isEmpty()) {
      return List.of();
    }
    StringBuilder sql = new StringBuilder("select p.school_id, count(*) as pupils")
        .append(", sum(case when re.status = 'K' then 1 else 0 end) as k")
        .append(", sum(case when re.status = 'E' then 1 else 0 end) as e")
        .append(", sum(case when re.status = 'N' and re.monitor_until >= :today then 1 else 0 end) as m");
    for (int i = 0; i < AREAS.size(); i++) {
      sql.append(", sum(case when re.status in ('K', 'E') and nt.broad_area = '").append(AREAS.get(i).name())
          .append("' then 1 else 0 end) as a").append(i);
    }
    sql.append(" from pupil p left join register_entry re on re.pupil_id = p.id")
        .append(" left join need_type nt on nt.code = re.primary_need")
        .append(" where p.school_id in (:schools) and ").append(ON_ROLL)
        .append(" group by p.school_id");
    Map<Long, SchoolCounts> bySchool = new LinkedHashMap<>();
    jdbc.sql(sql.toString()).param("schools", schoolIds).param("today", today).query(rs -> {
      Map<BroadArea, Long> byArea = new EnumMap<>(BroadArea.class);
      for (int i = 0; i < AREAS.size(); i++) {
        byArea.put(AREAS.get(i), rs.getLong("a" + i));
      }
      bySchool.put(rs.getLong("school_id"), new SchoolCounts(rs.getLong("school_id"), rs.getLong("pupils"),
          rs.getLong("k"), rs.getLong("e"), rs.getLong("m"), byArea));
    });
    return schoolIds.stream()
        .map(id -> bySchool.getOrDefault(id, new SchoolCounts(id, 0, 0, 0, 0, Map.of())))
        .toList();
  }

  /** A school's counts by status and by need code (needs of pupils on the register). */
  Summary summary(long schoolId, LocalDate today) {
    Map<SendStatus, Long> byStatus = new EnumMap<>(SendStatus.class);
    for (SendStatus status : SendStatus.values()) {
      byStatus.put(status, 0L);
    }
    Map<String, Long> primary = new LinkedHashMap<>();
    Map<String, Long> secondary = new LinkedHashMap<>();
    long[] totals = new long[2];
    jdbc.sql("select coalesce(re.status, 'N') as status, re.primary_need, re.secondary_need,"
            + " count(*) as pupils, sum(case when re.monitor_until >= :today and re.status = 'N' then 1 else 0 end)"
            + " as monitoring from pupil p left join register_entry re on re.pupil_id = p.id"
            + " where p.school_id = :school and " + ON_ROLL
            + " group by coalesce(re.status, 'N'), re.primary_need, re.secondary_need")
        .param("school", schoolId)
        .param("today", today)
        .query(rs -> {
          long pupils = rs.getLong("pupils");
          SendStatus status = SendStatus.valueOf(rs.getString("status"));
          byStatus.merge(status, pupils, Long::sum);
          totals[0] += pupils;
          totals[1] += rs.getLong("monitoring");
          if (status.onRegister() && rs.getString("primary_need") != null) {
            primary.merge(rs.getString("primary_need"), pupils, Long::sum);
          }
          if (status.onRegister() && rs.getString("secondary_need") != null) {
            secondary.merge(rs.getString("secondary_need"), pupils, Long::sum);
          }
        });
    return new Summary(totals[0], byStatus, primary, secondary, totals[1]);
  }
}
