package org.senda.pupils.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The parents and carers import: upload a contacts export of the MIS, see which contacts it adds and which it
 * updates (a dry run), then confirm; or see every row's errors. The file waits in the session with what the preview
 * showed (a {@link HeldImport}), so what is imported is exactly what was previewed, and not over changes made
 * since.
 */
@Controller
@RequestMapping("/schools/{schoolId}/contact-imports")
class ContactImportController {

  private final ContactImporter importer;
  private final HeldImport<ContactImportResult> held;
  private final Permissions permissions;
  private final Organisation organisation;

  ContactImportController(ContactImporter importer, Permissions permissions, Organisation organisation) {
    this.importer = importer;
    this.held = new HeldImport<>("contactImport", importer::run);
    this.permissions = permissions;
    this.organisation = organisation;
  }

  @GetMapping
  String upload(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return uploadPage(schoolId, null, model);
  }

  @GetMapping("/template.csv")
  ResponseEntity<byte[]> csvTemplate(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return ImportPages.csvTemplate(importer.columns(), "contact-import-template");
  }

  @GetMapping("/template.xlsx")
  ResponseEntity<byte[]> xlsxTemplate(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return ImportPages.xlsxTemplate(importer.columns(), "contact-import-template");
  }

  @PostMapping
  String preview(@PathVariable long schoolId, @RequestParam(name = "file", required = false) MultipartFile file,
      HttpSession session, Model model) throws IOException {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    String problem = ImportPages.fileProblem(file);
    if (problem != null) {
      return uploadPage(schoolId, problem, model);
    }
    String filename = ImportPages.filename(file);
    return shown(schoolId, filename, held.preview(schoolId, filename, file.getBytes(), session), model);
  }

  @PostMapping("/confirm")
  String confirm(@PathVariable long schoolId, HttpSession session, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    var confirmed = held.confirm(schoolId, session);
    if (confirmed.isEmpty()) {
      flash.addFlashAttribute("important", "Upload the file again: the preview has expired");
      return "redirect:/schools/" + schoolId + "/contact-imports";
    }
    ContactImportResult result = confirmed.get().result();
    if (!result.ok() || result.changedSincePreview()) {
      return shown(schoolId, confirmed.get().filename(), result, model);
    }
    flash.addFlashAttribute("success", "Parents and carers imported: " + result.created() + " added, "
        + result.updated() + " updated");
    return "redirect:/schools/" + schoolId + "/contact-imports";
  }

  /** The preview, or every row's errors. */
  private String shown(long schoolId, String filename, ContactImportResult result, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school")));
    model.addAttribute("result", result);
    model.addAttribute("filename", filename);
    model.addAttribute("uploadPath", "/schools/" + schoolId + "/contact-imports");
    return result.ok() ? "pupils/contact-import-preview" : "pupils/import-errors";
  }

  private String uploadPage(long schoolId, @Nullable String error, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school")));
    model.addAttribute("columns", importer.columns());
    model.addAttribute("fileError", error);
    return "pupils/contact-import";
  }

  private static String key(long schoolId) {
    return "contactImport." + schoolId;
  }
}
