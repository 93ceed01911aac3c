package org.senda.register.internal;

import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * The change-of-status form, as typed.
 *
 * @param version the version of the register entry the person saw (-1 when the pupil had none)
 */
record ChangeForm(@Nullable String status, @Nullable String primaryNeed, @Nullable String secondaryNeed,
    @Nullable DateParts effectiveDate, @Nullable String reason, @Nullable DateParts reviewDate, int version) {}
