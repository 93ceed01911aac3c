package org.senda.support.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An outcome as written by the SENCO or teacher, before it is saved: any part may still be missing. */
record OutcomeDraft(
    @Nullable String description,
    @Nullable String measure,
    @Nullable String baseline,
    @Nullable String target,
    @Nullable LocalDate targetDate,
    List<String> strategies,
    @Nullable String provisionWhat,
    @Nullable String provisionWho,
    @Nullable String provisionHowOften,
    @Nullable String provisionWhere) {

  OutcomeDraft {
    strategies = strategies == null ? List.of()
        : strategies.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toList();
  }

  /** Whether nothing at all was written (an unused row of the form). */
  boolean isEmpty() {
    return blank(description) && blank(measure) && blank(baseline) && blank(target) && targetDate == null
        && strategies.isEmpty() && blank(provisionWhat) && blank(provisionWho) && blank(provisionHowOften)
        && blank(provisionWhere);
  }

  static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
