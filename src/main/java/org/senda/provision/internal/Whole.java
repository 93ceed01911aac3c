package org.senda.provision.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Whole numbers typed into a form: blank is absent, anything else must be a number. */
final class Whole {

  private Whole() {}

  static @Nullable Integer parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static void check(List<ProvisionInvalid.FieldError> problems, String field, String label, @Nullable String text) {
    if (text != null && !text.isBlank() && parse(text) == null) {
      problems.add(new ProvisionInvalid.FieldError(field, label + " must be a whole number, like 3"));
    }
  }
}
