package org.senda.register.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilFlag;
import org.senda.register.BroadArea;

/**
 * The register's filters as they arrive in the query string, bound once for the page and both exports. Anything
 * missing or unknown in a hand-edited link falls back to the default rather than failing the page.
 *
 * @param flag repeated, or comma-separated: EAL, PUPIL_PREMIUM, LOOKED_AFTER
 * @param dir asc or desc
 */
record RegisterFilterForm(
    @Nullable String q,
    @Nullable String year,
    @Nullable Long classId,
    @Nullable String status,
    @Nullable String need,
    @Nullable String area,
    @Nullable List<String> flag,
    @Nullable Boolean withoutPlan,
    @Nullable String sort,
    @Nullable String dir,
    @Nullable Integer page) {

  /** The filter for a list of {@code size} pupils a page. */
  RegisterFilter filter(int size) {
    BroadArea broadArea = null;
    if (area != null && !area.isBlank()) {
      try {
        broadArea = BroadArea.valueOf(area.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException ignored) {
        // An unknown area in a hand-edited link filters nothing rather than failing the page.
      }
    }
    Set<PupilFlag> chosen = EnumSet.noneOf(PupilFlag.class);
    if (flag != null) {
      for (String value : flag) {
        for (String part : value.split(",")) {
          RegisterFilter.FILTER_FLAGS.stream().filter(f -> f.name().equalsIgnoreCase(part.trim()))
              .forEach(chosen::add);
        }
      }
    }
    return new RegisterFilter(blankToNull(q), blankToNull(year), classId, status == null ? "register" : status,
        blankToNull(need), broadArea, chosen, Boolean.TRUE.equals(withoutPlan), sort == null ? "name" : sort,
        "desc".equalsIgnoreCase(dir), page == null ? 1 : page, size);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
