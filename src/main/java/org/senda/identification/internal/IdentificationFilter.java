package org.senda.identification.internal;

import org.jspecify.annotations.Nullable;

/** The identification page's filters and page number, as typed in the query string (all optional). */
record IdentificationFilter(
    @Nullable String subject, @Nullable String criterion, @Nullable String yearGroup, @Nullable String eal,
    @Nullable String page) {

  boolean matches(ProgressFlags.Flag flag) {
    return (blank(criterion) || flag.criteria().stream().anyMatch(c -> c.name().equals(criterion)))
        && (blank(yearGroup) || flag.yearGroup().equals(yearGroup))
        && (blank(eal) || flag.eal() == "yes".equals(eal));
  }

  @Nullable String subjectOrNull() {
    return blank(subject) ? null : subject;
  }

  /** The link to page {@code number} of the list with these filters. */
  String href(long schoolId, int number) {
    var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/schools/{school}/identification");
    for (String[] param : new String[][] {
        {"subject", subject}, {"criterion", criterion}, {"yearGroup", yearGroup}, {"eal", eal}}) {
      if (!blank(param[1])) {
        uri.queryParam(param[0], param[1]);
      }
    }
    uri.queryParam("page", number);
    return uri.buildAndExpand(schoolId).encode().toUriString();
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
