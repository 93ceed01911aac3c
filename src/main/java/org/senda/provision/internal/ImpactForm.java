package org.senda.provision.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * A new impact review of a group as typed: the day it was held and what it found, and the version of the group the
 * page was read at (a review recorded against a group changed meanwhile is refused).
 */
record ImpactForm(@Nullable DateParts reviewedOn, @Nullable String summary, @Nullable Integer version) {

  static ImpactForm of(java.time.LocalDate today, int version) {
    return new ImpactForm(DateParts.of(today), "", version);
  }
}
