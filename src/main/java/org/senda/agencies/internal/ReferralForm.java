package org.senda.agencies.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new referral as typed: to whom, why, and what the school would like answered. */
record ReferralForm(
    @NotBlank(message = "Select the service or professional") @Nullable String agencyId,
    @NotBlank(message = "Enter the reason for the referral")
        @Size(max = 4000, message = "The reason must be 4000 characters or fewer") @Nullable String reason,
    @Size(max = 4000, message = "The questions must be 4000 characters or fewer") @Nullable String questions) {}
