package org.senda.pupils;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One data row of an import file, with values by canonical column name (trimmed; blank cells are absent).
 *
 * @param row the row number as the person sees it in their spreadsheet (the header is row 1)
 * @param pupilId the pupil the row creates or updates; null while validating a row that creates a pupil
 * @param created whether the row creates the pupil (false: it updates the pupil with the same UPN)
 */
public record PupilImportRow(int row, @Nullable Long pupilId, boolean created, Map<String, String> values) {

  public PupilImportRow {
    values = Map.copyOf(values);
  }

  /** The value of a column, or null when the cell is blank or the file has no such column. */
  public @Nullable String value(String column) {
    return values.get(column);
  }

  public PupilImportRow forPupil(long id, boolean isNew) {
    return new PupilImportRow(row, id, isNew, values);
  }
}
