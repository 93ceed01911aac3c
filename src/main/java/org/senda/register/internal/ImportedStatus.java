package org.senda.register.internal;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.senda.register.SendStatus;

/**
 * A SEN provision code as MIS exports hold it. Current codes are N, K and E; files with older history still carry
 * the codes before the 2015 reforms, which are recorded as their successors with a note saying so: S (statement of
 * SEN, converted to EHC plans by April 2018) becomes E; A (School Action) and P (School Action Plus), replaced by SEN
 * support in 2015, become K.
 *
 * @param note what was in the file, when it was a historic code
 */
record ImportedStatus(SendStatus status, @Nullable String note) {

  static Optional<ImportedStatus> read(@Nullable String code) {
    if (code == null || code.isBlank()) {
      return Optional.empty();
    }
    return switch (code.trim().toUpperCase(Locale.ROOT)) {
      case "N" -> Optional.of(new ImportedStatus(SendStatus.N, null));
      case "K" -> Optional.of(new ImportedStatus(SendStatus.K, null));
      case "E" -> Optional.of(new ImportedStatus(SendStatus.E, null));
      case "S" -> Optional.of(new ImportedStatus(SendStatus.E,
          "Imported as S (statement of SEN); recorded as E (education, health and care plan)"));
      case "A" -> Optional.of(new ImportedStatus(SendStatus.K,
          "Imported as A (School Action); recorded as K (SEN support)"));
      case "P" -> Optional.of(new ImportedStatus(SendStatus.K,
          "Imported as P (School Action Plus); recorded as K (SEN support)"));
      default -> Optional.empty();
    };
  }
}
