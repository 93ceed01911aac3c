package org.senda.identification.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** An assessment point's label and date as typed, with the version read. */
record PointForm(@Nullable String label, @Nullable DateParts assessedOn, @Nullable Integer version) {

  PointForm {
    assessedOn = assessedOn == null ? DateParts.of(null) : assessedOn;
  }
}
