package org.senda.pupils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** A UK postal address as a letter is addressed: one or two lines, the town and the postcode. */
public record PostalAddress(String line1, @Nullable String line2, String town, String postcode) {

  /** The outward code (area, district) and the inward code (sector, unit) of a UK postcode. */
  private static final Pattern POSTCODE = Pattern.compile("([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})");

  /** The lines as printed above the greeting of a letter, the postcode last. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(line1);
    if (line2 != null && !line2.isBlank()) {
      lines.add(line2);
    }
    lines.add(town);
    lines.add(postcode);
    return List.copyOf(lines);
  }

  /** The address on one line, for a summary: "12 Elm Road, Leeds, LS1 4AB". */
  public String oneLine() {
    return String.join(", ", lines());
  }

  /**
   * A postcode as typed, written the standard way (capitals, one space before the last three characters:
   * "ls14ab" is "LS1 4AB"); null when it is not a UK postcode.
   */
  public static @Nullable String postcode(@Nullable String typed) {
    if (typed == null) {
      return null;
    }
    String compact = typed.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    Matcher matcher = POSTCODE.matcher(compact);
    return matcher.matches() ? matcher.group(1) + " " + matcher.group(2) : null;
  }
}
