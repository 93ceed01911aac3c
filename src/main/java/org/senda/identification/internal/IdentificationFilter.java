package org.senda.identification.internal;

import org.jspecify.annotations.Nullable;

/** The identification page's filters, as typed in the query string (all optional). */
record IdentificationFilter(
    @Nullable String subject, @Nullable String criterion, @Nullable String yearGroup, @Nullable String eal) {

  boolean matches(ProgressFlags.Flag flag) {
    return (blank(criterion) || flag.criteria().stream().anyMatch(c -> c.name().equals(criterion)))
        && (blank(yearGroup) || flag.yearGroup().equals(yearGroup))
        && (blank(eal) || flag.eal() == "yes".equals(eal));
  }

  @Nullable String subjectOrNull() {
    return blank(subject) ? null : subject;
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
