package org.senda.pupils;

import java.util.List;

/**
 * A column of the pupil import file.
 *
 * @param name the canonical name used in the template and in the API's CSV, e.g. {@code sen_status}
 * @param required whether a file without this column is refused
 * @param aliases headers MIS exports use for it (matched ignoring case, spaces, dashes and underscores)
 * @param description what goes in it and in what form, shown on the template page
 * @param example a value for the template's example row
 */
public record PupilImportColumn(String name, boolean required, List<String> aliases, String description,
    String example) {

  public PupilImportColumn {
    aliases = List.copyOf(aliases);
  }

  /** Whether a header in a file names this column. */
  public boolean matches(String header) {
    String key = normalise(header);
    return normalise(name).equals(key) || aliases.stream().anyMatch(a -> normalise(a).equals(key));
  }

  /** Headers compared without case, spaces, dashes, dots or underscores: "Date of Birth" = "date_of_birth". */
  public static String normalise(String header) {
    return header.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_\\-./]+", "");
  }
}
