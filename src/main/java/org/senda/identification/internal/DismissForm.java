package org.senda.identification.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Why the SENCO sets a progress flag aside, and at which assessment point. */
record DismissForm(
    @NotBlank(message = "Enter why you are dismissing this flag")
        @Size(max = 1000, message = "The reason must be 1000 characters or fewer")
        @Nullable String reason,
    @Nullable String point) {}
