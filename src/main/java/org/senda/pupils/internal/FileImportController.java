package org.senda.pupils.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
import org.senda.pupils.PupilImportColumn;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of an import from the MIS, for those who may import pupils: upload a CSV or XLSX export, see how its
 * headers were read and what it would add and update (a dry run), then confirm; or see every row's errors. The file
 * waits in the session between the dry run and the confirmation (a {@link HeldImport}), so what is imported is
 * exactly what was previewed, and not over records changed since. A subclass names the import's address below the
 * school, its columns, its pages and what it says once done.
 *
 * @param <R> what the importer answers
 */
abstract class FileImportController<R extends HeldImport.Result> {

  private final HeldImport<R> held;
  private final Permissions permissions;
  private final Organisation organisation;

  FileImportController(HeldImport<R> held, Permissions permissions, Organisation organisation) {
    this.held = held;
    this.permissions = permissions;
    this.organisation = organisation;
  }

  /** The import's address below the school, e.g. {@code pupil-imports}. */
  abstract String path();

  abstract List<PupilImportColumn> columns();

  /** The upload page's template, and the preview's. */
  abstract String uploadView();

  abstract String previewView();

  /** What the import says once it has written the file, e.g. "Pupils imported: 3 added, 1 updated". */
  abstract String imported(R result);

  @GetMapping
  String upload(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return uploadPage(schoolId, null, model);
  }

  @GetMapping("/template.csv")
  ResponseEntity<byte[]> csvTemplate(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return ImportPages.csvTemplate(columns(), templateFile());
  }

  @GetMapping("/template.xlsx")
  ResponseEntity<byte[]> xlsxTemplate(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return ImportPages.xlsxTemplate(columns(), templateFile());
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
      return "redirect:" + address(schoolId);
    }
    R result = confirmed.get().result();
    if (!result.ok() || result.changedSincePreview()) {
      return shown(schoolId, confirmed.get().filename(), result, model);
    }
    flash.addFlashAttribute("success", imported(result));
    return "redirect:" + address(schoolId);
  }

  /** The preview, or every row's errors. */
  private String shown(long schoolId, String filename, R result, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school")));
    model.addAttribute("result", result);
    model.addAttribute("filename", filename);
    model.addAttribute("uploadPath", address(schoolId));
    return result.ok() ? previewView() : "pupils/import-errors";
  }

  private String uploadPage(long schoolId, @Nullable String error, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school")));
    model.addAttribute("columns", columns());
    model.addAttribute("fileError", error);
    return uploadView();
  }

  /** The template's file name without its extension: pupil-imports gives pupil-import-template. */
  private String templateFile() {
    return path().replace("-imports", "-import") + "-template";
  }

  private String address(long schoolId) {
    return "/schools/" + schoolId + "/" + path();
  }
}
