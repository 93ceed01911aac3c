package org.senda.organisation.internal;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/** Field-level checks shared by the organisation forms, with GOV.UK-style messages. */
final class FormChecks {

  private FormChecks() {}

  /** Adds a message to a field, keeping what was typed so it is shown back. */
  static void reject(BindingResult errors, String field, @Nullable Object typed, String message) {
    errors.addError(new FieldError(errors.getObjectName(), field, typed, false, null, null, message));
  }

  static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }

  static String trim(@Nullable String value) {
    return value == null ? "" : value.trim();
  }

  static @Nullable String trimToNull(@Nullable String value) {
    return blank(value) ? null : value.trim();
  }

  /** Checks a required text of at most {@code max} characters. */
  static void text(BindingResult errors, String field, @Nullable String value, int max, String missing,
      String tooLong) {
    if (blank(value)) {
      reject(errors, field, value, missing);
    } else if (value.trim().length() > max) {
      reject(errors, field, value, tooLong);
    }
  }

  /** A unique reference number: six digits. */
  static boolean isUrn(@Nullable String value) {
    return value != null && value.trim().matches("\\d{6}");
  }

  /**
   * A DfE number (the local authority's 3-digit code and the school's 4-digit establishment number), as typed
   * with or without a separator, in the form the DfE writes it: "123/4567".
   */
  static Optional<String> dfeNumber(@Nullable String value) {
    if (value == null) {
      return Optional.empty();
    }
    String digits = value.trim().replaceAll("[\\s/-]", "");
    if (!digits.matches("\\d{7}") || !value.trim().matches("\\d{3}[\\s/-]?\\d{4}")) {
      return Optional.empty();
    }
    return Optional.of(digits.substring(0, 3) + "/" + digits.substring(3));
  }

  /** A plausible email address: something, an at sign, a domain with a dot. */
  static boolean isEmail(@Nullable String value) {
    return value != null && value.trim().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
  }

  /** A Companies House number: eight characters, digits or two letters and six digits (e.g. SC123456). */
  static boolean isCompanyNumber(String value) {
    return value.matches("[0-9]{8}|[A-Z]{2}[0-9]{6}");
  }
}
