package org.senda.pupils.internal;

import java.util.List;
import org.senda.pupils.PupilImportError;

/**
 * An import file read into rows of text, or the reason it could not be read. Row {@code i} of {@link #rows()} is
 * spreadsheet row {@code i + 2} (the header is row 1).
 */
record ImportTable(List<String> headers, List<List<String>> rows, List<PupilImportError> errors) {

  static ImportTable failed(PupilImportError error) {
    return new ImportTable(List.of(), List.of(), List.of(error));
  }
}
