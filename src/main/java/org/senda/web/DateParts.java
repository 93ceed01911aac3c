package org.senda.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A date as typed into the GOV.UK date input: day, month and year kept as text so that what the person typed is
 * shown back to them when the form has an error.
 */
public record DateParts(@Nullable String day, @Nullable String month, @Nullable String year) {

  public static DateParts of(@Nullable LocalDate date) {
    if (date == null) {
      return new DateParts("", "", "");
    }
    return new DateParts(
        String.valueOf(date.getDayOfMonth()), String.valueOf(date.getMonthValue()), String.valueOf(date.getYear()));
  }

  public boolean isBlank() {
    return blank(day) && blank(month) && blank(year);
  }

  /** The date, when the three parts make a real date with a four-digit year. */
  public Optional<LocalDate> toDate() {
    try {
      if (blank(day) || blank(month) || blank(year) || year.trim().length() != 4) {
        return Optional.empty();
      }
      return Optional.of(LocalDate.of(
          Integer.parseInt(year.trim()), Integer.parseInt(month.trim()), Integer.parseInt(day.trim())));
    } catch (NumberFormatException | DateTimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The GOV.UK message for a date that is missing or not real, or empty when the date is valid.
   *
   * @param what how the question names the date, e.g. "the date the term starts"
   */
  public Optional<String> problem(String what) {
    if (isBlank()) {
      return Optional.of("Enter " + what);
    }
    if (blank(day)) {
      return Optional.of(capitalise(what) + " must include a day");
    }
    if (blank(month)) {
      return Optional.of(capitalise(what) + " must include a month");
    }
    if (blank(year)) {
      return Optional.of(capitalise(what) + " must include a year");
    }
    if (year.trim().length() != 4) {
      return Optional.of("Year must include 4 numbers");
    }
    return toDate().isPresent() ? Optional.empty() : Optional.of(capitalise(what) + " must be a real date");
  }

  private static String capitalise(String what) {
    return what.isEmpty() ? what : Character.toUpperCase(what.charAt(0)) + what.substring(1);
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
