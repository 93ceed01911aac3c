package org.senda.pupils;

import java.util.List;

/**
 * Columns another module adds to the pupil import (the register adds SEN status and needs). The import validates
 * every row with every contributor before writing anything, then, when no row has an error, creates or updates the
 * pupils and calls {@link #applyAll} in the same transaction: all or nothing.
 */
public interface PupilImportColumns {

  /** The columns this module reads, with their MIS header aliases. */
  List<PupilImportColumn> columns();

  /** The problems with one row's values for this module's columns; empty when the row is fine. */
  List<PupilImportError> validate(PupilImportRow row);

  /** Applies one valid row to the pupil it created or updated ({@code pupilId}), inside the import transaction. */
  void apply(long pupilId, PupilImportRow row);

  /**
   * Applies every row of the import at once, inside the import transaction; modules override this to write with
   * batch statements. Every row has its {@code pupilId}.
   */
  default void applyAll(long schoolId, List<PupilImportRow> rows) {
    for (PupilImportRow row : rows) {
      apply(java.util.Objects.requireNonNull(row.pupilId()), row);
    }
  }
}
