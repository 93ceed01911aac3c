package org.senda.pupils.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilImportError;

/**
 * What an import did, or would do in a dry run: counts, the rows it would write, how the file's headers were
 * mapped, or the errors that stopped it (then nothing was written).
 */
public record PupilImportResult(int created, int updated, List<PupilImportError> errors, List<PreviewRow> preview,
    List<MappedHeader> mapping, boolean dryRun) {

  /** One row as the preview shows it. */
  public record PreviewRow(int row, String upn, String name, String yearGroup, @Nullable String className,
      boolean creates) {}

  /** A header of the file and the column it was read as (null: not imported). */
  public record MappedHeader(String header, @Nullable String column) {}

  public boolean ok() {
    return errors.isEmpty();
  }
}
