package org.senda.pupils.internal;

import java.util.List;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilImportColumn;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The parents and carers import pages: a contacts export of the MIS, matched to pupils by UPN and to their
 * contacts by name (see {@link FileImportController} and {@link ContactImporter}).
 */
@Controller
@RequestMapping("/schools/{schoolId}/contact-imports")
class ContactImportController extends FileImportController<ContactImportResult> {

  private final ContactImporter importer;

  ContactImportController(ContactImporter importer, Permissions permissions, Organisation organisation) {
    super(new HeldImport<>("contactImport", importer::run), permissions, organisation);
    this.importer = importer;
  }

  @Override
  String path() {
    return "contact-imports";
  }

  @Override
  List<PupilImportColumn> columns() {
    return importer.columns();
  }

  @Override
  String uploadView() {
    return "pupils/contact-import";
  }

  @Override
  String previewView() {
    return "pupils/contact-import-preview";
  }

  @Override
  String imported(ContactImportResult result) {
    return "Parents and carers imported: " + result.created() + " added, " + result.updated() + " updated";
  }
}
