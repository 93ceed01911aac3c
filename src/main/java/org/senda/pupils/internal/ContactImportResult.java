package org.senda.pupils.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.pupils.PupilImportError;

/**
 * What a contacts import did, or would do in a dry run: counts, the rows it would write, how the file's headers
 * were read, or the errors that stopped it (then nothing was written).
 *
 * @param fingerprint the contacts the rows add or update, with the versions matched: a confirmation carries the
 *     preview's, so that a file is not imported over changes made since the preview
 * @param changedSincePreview the contacts are no longer as the preview showed them; nothing was written
 */
record ContactImportResult(int created, int updated, List<PupilImportError> errors, List<PreviewRow> preview,
    List<PupilImportResult.MappedHeader> mapping, boolean dryRun, @Nullable String fingerprint,
    boolean changedSincePreview) implements HeldImport.Result {

  /** One row as the preview shows it. */
  record PreviewRow(int row, String upn, String pupilName, String name, String relationship, boolean creates) {}

  static ContactImportResult failed(List<PupilImportError> errors, List<PupilImportResult.MappedHeader> mapping,
      boolean dryRun) {
    return new ContactImportResult(0, 0, List.copyOf(errors), List.of(), mapping, dryRun, null, false);
  }

  @Override
  public boolean ok() {
    return errors.isEmpty();
  }
}
