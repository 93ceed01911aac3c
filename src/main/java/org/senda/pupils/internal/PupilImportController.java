package org.senda.pupils.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
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
 * The import pages: upload a CSV or XLSX export, see how its headers were read and what it would create and
 * update (a dry run), then confirm; or see every row's errors. The file waits in the session between the dry run
 * and the confirmation, so what is imported is exactly what was previewed.
 */
@Controller
@RequestMapping("/schools/{schoolId}/pupil-imports")
class PupilImportController {

  /** The uploaded file between preview and confirmation. */
  record Upload(long schoolId, String filename, byte[] bytes) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  private final PupilImporter importer;
  private final Permissions permissions;
  private final Organisation organisation;

  PupilImportController(PupilImporter importer, Permissions permissions, Organisation organisation) {
    this.importer = importer;
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
    return ImportPages.csvTemplate(importer.columns(), "pupil-import-template");
  }

  @GetMapping("/template.xlsx")
  ResponseEntity<byte[]> xlsxTemplate(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return ImportPages.xlsxTemplate(importer.columns(), "pupil-import-template");
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
    byte[] bytes = file.getBytes();
    PupilImportResult result = importer.run(schoolId, bytes, filename, true);
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("result", result);
    model.addAttribute("filename", filename);
    model.addAttribute("uploadPath", "/schools/" + schoolId + "/pupil-imports");
    if (!result.ok()) {
      session.removeAttribute(key(schoolId));
      return "pupils/import-errors";
    }
    session.setAttribute(key(schoolId), new Upload(schoolId, filename, bytes));
    return "pupils/import-preview";
  }

  @PostMapping("/confirm")
  String confirm(@PathVariable long schoolId, HttpSession session, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    if (!(session.getAttribute(key(schoolId)) instanceof Upload upload) || upload.schoolId() != schoolId) {
      flash.addFlashAttribute("important", "Upload the file again: the preview has expired");
      return "redirect:/schools/" + schoolId + "/pupil-imports";
    }
    PupilImportResult result = importer.run(schoolId, upload.bytes(), upload.filename(), false);
    session.removeAttribute(key(schoolId));
    if (!result.ok()) {
      model.addAttribute("school", organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school")));
      model.addAttribute("result", result);
      model.addAttribute("filename", upload.filename());
      model.addAttribute("uploadPath", "/schools/" + schoolId + "/pupil-imports");
      return "pupils/import-errors";
    }
    flash.addFlashAttribute("success", "Pupils imported: " + result.created() + " added, " + result.updated()
        + " updated");
    return "redirect:/schools/" + schoolId + "/pupil-imports";
  }

  private String uploadPage(long schoolId, @org.jspecify.annotations.Nullable String error, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school")));
    model.addAttribute("columns", importer.columns());
    model.addAttribute("fileError", error);
    return "pupils/import";
  }

  private static String key(long schoolId) {
    return "pupilImport." + schoolId;
  }
}
