package org.senda.pupils.internal;

import java.util.List;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilImportColumn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The pupil import pages: pupils from the MIS, matched by UPN (see {@link FileImportController}). */
@Controller
@RequestMapping("/schools/{schoolId}/pupil-imports")
class PupilImportController extends FileImportController<PupilImportResult> {

  private final PupilImporter importer;

  PupilImportController(PupilImporter importer, Permissions permissions, Organisation organisation) {
    super(new HeldImport<>("pupilImport", importer::run), permissions, organisation);
    this.importer = importer;
  }

  @Override
  String path() {
    return "pupil-imports";
  }

  @Override
  List<PupilImportColumn> columns() {
    return importer.columns();
  }

  @Override
  String uploadView() {
    return "pupils/import";
  }

  @Override
  String previewView() {
    return "pupils/import-preview";
  }

  @Override
  String imported(PupilImportResult result) {
    return "Pupils imported: " + result.created() + " added, " + result.updated() + " updated";
  }
}
