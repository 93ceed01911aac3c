package org.senda.identification.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/** A hearing or vision check, as typed; {@code version} is the one read when changing a check. */
record SensoryCheckForm(
    @NotBlank(message = "Select hearing or vision")
        @Pattern(regexp = "HEARING|VISION", message = "Select hearing or vision") @Nullable String kind,
    @Nullable DateParts checkedOn,
    @NotBlank(message = "Enter what the check found") @Size(max = 300, message = "The result must be 300 characters or fewer")
        @Nullable String result,
    @NotBlank(message = "Enter who carried out the check")
        @Size(max = 254, message = "Who carried out the check must be 254 characters or fewer") @Nullable String checkedBy,
    @Nullable Integer version) {

  SensoryCheckForm {
    checkedOn = checkedOn == null ? DateParts.of(null) : checkedOn;
  }

  static SensoryCheckForm empty() {
    return new SensoryCheckForm(null, null, null, null, null);
  }
}
