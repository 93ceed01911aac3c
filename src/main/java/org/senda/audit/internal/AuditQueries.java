package org.senda.audit.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.audit.AuditAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Searches the log for the audit page: one count and one page of entries, newest first. */
@Component
class AuditQueries {

  static final int PAGE_SIZE = 50;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mm:ssa", Locale.UK);

  /**
   * Whose entries a search may return: the entries recorded in these schools and, for the trust SEND lead, the
   * entries that belong to no school (sign-ins and other account events).
   */
  record Scope(Set<Long> schoolIds, boolean withoutSchool) {}

  /** What to look for; every criterion left empty matches everything. Dates are inclusive, in the school's zone. */
  record Criteria(
      Scope scope, @Nullable String email, @Nullable String recordType, @Nullable String recordId,
      @Nullable AuditAction action, @Nullable LocalDate from, @Nullable LocalDate to) {}

  /** One entry as the page shows it. */
  record AuditRow(long seq, String when, @Nullable String actorEmail, @Nullable String actorRole,
      @Nullable Long schoolId, String action, String actionTitle, String recordType, @Nullable String recordId, @Nullable String detail,
      @Nullable String ipAddress) {}

  record AuditPage(long total, int page, List<AuditRow> rows) {
    int pages() {
      return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }
  }

  private final JdbcClient jdbc;
  private final ZoneId zone;

  AuditQueries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.zone = clock.getZone();
  }

  AuditPage search(Criteria criteria, int page) {
    List<Object> params = new ArrayList<>();
    String where = where(criteria, params);
    long total = jdbc.sql("select count(*) from audit_entry where " + where).params(params).query(Long.class).single();
    int last = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int shown = Math.min(Math.max(page, 1), last);
    List<Object> pageParams = new ArrayList<>(params);
    pageParams.add((long) (shown - 1) * PAGE_SIZE);
    List<AuditRow> rows = jdbc.sql("""
            select seq, occurred_at, actor_email, actor_role, school_id, action, record_type, record_id, detail,
              ip_address
            from audit_entry where %s
            order by seq desc offset ? rows fetch first %d rows only""".formatted(where, PAGE_SIZE))
        .params(pageParams)
        .query((rs, n) -> new AuditRow(
            rs.getLong("seq"),
            WHEN.format(rs.getObject("occurred_at", OffsetDateTime.class).atZoneSameInstant(zone))
                .replace("AM", "am").replace("PM", "pm"),
            rs.getString("actor_email"),
            rs.getString("actor_role"),
            rs.getObject("school_id", Long.class),
            rs.getString("action"),
            actionTitle(rs.getString("action")),
            rs.getString("record_type"),
            rs.getString("record_id"),
            rs.getString("detail"),
            rs.getString("ip_address")))
        .list();
    return new AuditPage(total, shown, rows);
  }

  private static String actionTitle(String action) {
    try {
      return AuditAction.valueOf(action).title();
    } catch (IllegalArgumentException e) {
      return action;
    }
  }

  private String where(Criteria criteria, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    conditions.add(scope(criteria.scope(), params));
    if (criteria.email() != null) {
      conditions.add("actor_email = ?");
      params.add(criteria.email());
    }
    if (criteria.recordType() != null) {
      conditions.add("record_type = ?");
      params.add(criteria.recordType());
    }
    if (criteria.recordId() != null) {
      conditions.add("record_id = ?");
      params.add(criteria.recordId());
    }
    if (criteria.action() != null) {
      conditions.add("action = ?");
      params.add(criteria.action().name());
    }
    if (criteria.from() != null) {
      conditions.add("occurred_at >= ?");
      params.add(startOf(criteria.from()));
    }
    if (criteria.to() != null) {
      conditions.add("occurred_at < ?");
      params.add(startOf(criteria.to().plusDays(1)));
    }
    return String.join(" and ", conditions);
  }

  private static String scope(Scope scope, List<Object> params) {
    List<String> parts = new ArrayList<>();
    if (!scope.schoolIds().isEmpty()) {
      parts.add("school_id in (" + scope.schoolIds().stream().map(id -> "?").collect(Collectors.joining(", ")) + ")");
      params.addAll(scope.schoolIds().stream().sorted().toList());
    }
    if (scope.withoutSchool()) {
      parts.add("school_id is null");
    }
    // Nothing in scope: nothing matches, rather than everything.
    return parts.isEmpty() ? "1 = 0" : "(" + String.join(" or ", parts) + ")";
  }

  private OffsetDateTime startOf(LocalDate day) {
    ZonedDateTime start = day.atStartOfDay(zone);
    return start.toOffsetDateTime();
  }
}
