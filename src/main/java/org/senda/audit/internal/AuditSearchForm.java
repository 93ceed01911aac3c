package org.senda.audit.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * The search on the audit log page, as typed (a GET form, so a search can be bookmarked and paged through).
 *
 * @param school on the trust page: one school's entries, or empty for every school and the account events
 */
record AuditSearchForm(
    @Nullable String email, @Nullable String recordType, @Nullable String recordId, @Nullable String action,
    @Nullable DateParts from, @Nullable DateParts to, @Nullable String school, @Nullable String page) {

  AuditSearchForm {
    from = from == null ? DateParts.of(null) : from;
    to = to == null ? DateParts.of(null) : to;
  }

  static AuditSearchForm empty() {
    return new AuditSearchForm(null, null, null, null, null, null, null, null);
  }

  /** The page asked for; anything that is not a page number shows the first. */
  int pageNumber() {
    try {
      return page == null ? 1 : Math.max(1, Integer.parseInt(page.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
