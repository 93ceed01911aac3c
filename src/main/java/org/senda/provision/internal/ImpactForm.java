package org.senda.provision.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** A group's impact review as typed: the day it was held and what it found. */
record ImpactForm(@Nullable DateParts reviewedOn, @Nullable String summary) {

  static ImpactForm of(java.time.LocalDate today, @Nullable String summary) {
    return new ImpactForm(DateParts.of(today), summary);
  }
}
