package org.senda.identification.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a teacher writes when raising a cause for concern. */
record ConcernForm(
    @NotEmpty(message = "Select at least one area of concern")
        @Nullable List<@Pattern(regexp = AreaOfConcern.PATTERN, message = "Select an area of concern from the list")
            String> areas,
    @NotBlank(message = "Enter what you have noticed") @Size(max = 4000, message = "Evidence must be 4000 characters or fewer")
        @Nullable String evidence,
    @NotBlank(message = "Enter what you have tried in class")
        @Size(max = 4000, message = "What you have tried must be 4000 characters or fewer")
        @Nullable String triedInClass,
    @Size(max = 4000, message = "The pupil's view must be 4000 characters or fewer") @Nullable String pupilView) {

  List<String> areasOrEmpty() {
    return areas == null ? List.of() : areas;
  }
}
