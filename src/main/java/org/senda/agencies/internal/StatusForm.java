package org.senda.agencies.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** A change of a referral's status as typed: the new status, the date it happened and a note. */
record StatusForm(@Nullable String status, @Nullable DateParts changedOn, @Nullable String note, int version) {}
