package org.senda.identification.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * The SENCO's decision on a cause for concern, as typed: the review date is for "monitor", the primary need for
 * "start SEN support"; the reason is always needed.
 */
record DecisionForm(
    @NotBlank(message = "Select a decision") @Nullable String decision,
    @Nullable DateParts reviewOn,
    @Nullable String primaryNeed,
    @NotBlank(message = "Enter the reason for the decision")
        @Size(max = 1000, message = "Reason must be 1000 characters or fewer") @Nullable String reason,
    int version) {

  DecisionForm {
    reviewOn = reviewOn == null ? DateParts.of(null) : reviewOn;
  }
}
