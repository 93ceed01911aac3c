package org.senda.agencies.internal;

import java.util.Optional;

/**
 * What a professional's report may be: a PDF (recognised by its first bytes, "%PDF-", whatever the browser said)
 * no larger than {@link #MAX_BYTES}. Other files are refused: they are not readable by every screen reader and
 * may carry macros.
 */
final class ReportFiles {

  static final int MAX_BYTES = 5 * 1024 * 1024;

  private ReportFiles() {}

  /** The GOV.UK message for a file that cannot be kept, or empty when it can. */
  static Optional<String> problem(byte[] bytes) {
    if (bytes.length == 0) {
      return Optional.of("The selected file is empty");
    }
    if (bytes.length > MAX_BYTES) {
      return Optional.of("The selected file must be smaller than 5MB");
    }
    if (!isPdf(bytes)) {
      return Optional.of("The selected file must be a PDF");
    }
    return Optional.empty();
  }

  static boolean isPdf(byte[] bytes) {
    return bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D' && bytes[3] == 'F'
        && bytes[4] == '-';
  }
}
