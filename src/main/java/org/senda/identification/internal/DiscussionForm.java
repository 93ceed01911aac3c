package org.senda.identification.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** The early discussion with the pupil's parents (Code of Practice 6.39), as typed; the version of the concern. */
record DiscussionForm(
    @Nullable DateParts heldOn,
    @NotBlank(message = "Enter who attended") @Size(max = 1000, message = "Who attended must be 1000 characters or fewer")
        @Nullable String attendees,
    @NotBlank(message = "Enter notes of the discussion") @Size(max = 4000, message = "Notes must be 4000 characters or fewer")
        @Nullable String notes,
    @NotBlank(message = "Enter the parents' views in their own words")
        @Size(max = 4000, message = "The parents' views must be 4000 characters or fewer") @Nullable String parentViews,
    @NotBlank(message = "Enter the next steps you agreed")
        @Size(max = 2000, message = "Next steps must be 2000 characters or fewer") @Nullable String nextSteps,
    int version) {

  DiscussionForm {
    heldOn = heldOn == null ? DateParts.of(null) : heldOn;
  }
}
