package org.senda.pupils.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How import cells are read: dates in the forms MIS exports use, yes/no flags, sex codes. */
final class ImportValues {

  private static final List<DateTimeFormatter> DATES = List.of(
      DateTimeFormatter.ofPattern("uuuu-MM-dd"),
      DateTimeFormatter.ofPattern("d/M/uuuu"),
      DateTimeFormatter.ofPattern("d-M-uuuu"),
      DateTimeFormatter.ofPattern("d.M.uuuu"),
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.UK),
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.UK))
      .stream().map(f -> f.withResolverStyle(ResolverStyle.STRICT)).toList();

  private ImportValues() {}

  /** A date such as 2017-03-14, 14/03/2017, 14-03-2017 or 14 Mar 2017 (day before month, as in the UK). */
  static Optional<LocalDate> date(String value) {
    String text = value.trim();
    if (text.length() > 10 && text.charAt(10) == 'T') {
      text = text.substring(0, 10);
    }
    for (DateTimeFormatter format : DATES) {
      try {
        return Optional.of(LocalDate.parse(text, format));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }

  /** Yes/no as MIS exports write it; empty when the value is neither. */
  static Optional<Boolean> flag(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "y", "yes", "true", "t", "1" -> Optional.of(true);
      case "n", "no", "false", "f", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }

  /** The census sex code, M or F; null when the value is not one of the forms accepted. */
  static @Nullable String sex(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "m", "male", "boy" -> "M";
      case "f", "female", "girl" -> "F";
      default -> null;
    };
  }
}
