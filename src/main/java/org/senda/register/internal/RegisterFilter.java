package org.senda.register.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilFlag;
import org.senda.register.BroadArea;

/**
 * What the register list shows: filters, order and page, as they arrive in the query string (so a filtered list
 * is a link that works without JavaScript).
 *
 * @param status "register" (K and E, the default on the page), "all", "N", "K", "E" or "monitoring"
 * @param sort name, year, class, status or need
 */
record RegisterFilter(
    @Nullable String q,
    @Nullable String year,
    @Nullable Long classId,
    String status,
    @Nullable String need,
    @Nullable BroadArea area,
    Set<PupilFlag> flags,
    boolean withoutPlan,
    String sort,
    boolean descending,
    int page,
    int size) {

  static final Set<PupilFlag> FILTER_FLAGS = Set.of(PupilFlag.EAL, PupilFlag.PUPIL_PREMIUM, PupilFlag.LOOKED_AFTER);
  static final List<String> SORTS = List.of("name", "year", "class", "status", "need");

  RegisterFilter {
    flags = Set.copyOf(flags);
    status = switch (status.toLowerCase(Locale.ROOT)) {
      case "all", "register", "monitoring" -> status.toLowerCase(Locale.ROOT);
      case "n", "k", "e" -> status.toUpperCase(Locale.ROOT);
      default -> "register";
    };
    sort = SORTS.contains(sort) ? sort : "name";
    page = Math.max(1, page);
    size = Math.clamp(size, 1, 200);
  }

  RegisterFilter withPage(int newPage) {
    return new RegisterFilter(q, year, classId, status, need, area, flags, withoutPlan, sort, descending, newPage,
        size);
  }

  RegisterFilter sortedBy(String column) {
    boolean desc = column.equals(sort) && !descending;
    return new RegisterFilter(q, year, classId, status, need, area, flags, withoutPlan, column, desc, 1, size);
  }

  /** The query-string parameters that reproduce this filter (without the page). */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    put(p, "q", q);
    put(p, "year", year);
    put(p, "classId", classId == null ? null : classId.toString());
    p.put("status", status);
    put(p, "need", need);
    put(p, "area", area == null ? null : area.name());
    flags.stream().sorted().forEach(f -> p.merge("flag", f.name(), (a, b) -> a + "," + b));
    if (withoutPlan) {
      p.put("withoutPlan", "true");
    }
    p.put("sort", sort);
    p.put("dir", descending ? "desc" : "asc");
    return p;
  }

  /** The filter as one line for the audit log (no personal data). */
  String describe() {
    List<String> parts = new ArrayList<>();
    parameters().forEach((k, v) -> parts.add(k + "=" + v));
    return String.join("&", parts);
  }

  private static void put(Map<String, String> p, String key, @Nullable String value) {
    if (value != null && !value.isBlank()) {
      p.put(key, value);
    }
  }
}
