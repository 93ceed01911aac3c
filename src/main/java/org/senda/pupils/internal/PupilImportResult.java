package org.senda.pupils.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilImportError;

/**
 * What an import did, or would do in a dry run: counts, the rows it would write, how the file's headers were
 * mapped, or the errors that stopped it (then nothing was written).
 *
 * @param fingerprint the pupils the rows add or update, with the versions matched: a confirmation carries the
 *     preview's, so that a file is not imported over changes made since the preview
 * @param changedSincePreview the pupils are no longer as the preview showed them; nothing was written
 */
public record PupilImportResult(int created, int updated, List<PupilImportError> errors, List<PreviewRow> preview,
    List<MappedHeader> mapping, boolean dryRun, @Nullable String fingerprint, boolean changedSincePreview)
    implements HeldImport.Result {

  /** One row as the preview shows it. */
  public record PreviewRow(int row, String upn, String name, String yearGroup, @Nullable String className,
      boolean creates) {}

  /** A header of the file and the column it was read as (null: not imported). */
  public record MappedHeader(String header, @Nullable String column) {}

  @Override
  public boolean ok() {
    return errors.isEmpty();
  }
}
