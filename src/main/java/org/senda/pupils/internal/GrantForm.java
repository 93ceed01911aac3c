package org.senda.pupils.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** Granting pupil-level access to a trust lead, as typed. */
record GrantForm(@Nullable String staffId, @Nullable String reason, @Nullable DateParts expiresOn) {

  static GrantForm empty() {
    return new GrantForm("", "", new DateParts("", "", ""));
  }
}
