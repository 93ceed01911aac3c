package org.senda.identification.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps the score and attendance import pages share: a CSV file uploaded, checked row by row (a dry run), then
 * held in the person's session until they confirm, so that what is imported is exactly what was previewed. The held
 * file carries the fingerprint of the changes its preview showed, the values they replace included: if someone
 * changed one of those rows meanwhile, the confirmation writes nothing and previews the file again, saying so. A
 * file with any problem is reported row by row and is not held.
 */
@Component
class HeldImports {

  static final long MAX_BYTES = 5L * 1024 * 1024;

  /**
   * How an import checks a file and, unless {@code dryRun}, writes it.
   *
   * @see AssessmentImport#preview(long, String, boolean, String)
   */
  @FunctionalInterface
  interface Check {

    /**
     * @param expected the fingerprint of the preview confirmed, or null for none
     * @throws OptimisticLockingFailureException when the file would no longer do what the preview showed
     */
    ImportPreview<?> run(long schoolId, String csv, boolean dryRun, @Nullable String expected);
  }

  /**
   * One import: {@code name} places its pages ({@code /identification/<name>-imports}, templates
   * {@code identification/<name>-import*.html}), {@code rows} names what its files hold in messages ("scores",
   * "attendance"), {@code recordType} names those rows in the audit log.
   */
  record Kind(String name, String rows, String recordType, Check check) {

    public String path(long schoolId) {
      return "/schools/" + schoolId + "/identification/" + name + "-imports";
    }

    String changedMeanwhile() {
      return "Someone changed " + rows + " in this file after you checked it. Nothing has been imported. Check what "
          + "the file will add and change now, then import it again.";
    }

    String imported(AssessmentImport.Result result) {
      return Character.toUpperCase(rows.charAt(0)) + rows.substring(1) + " imported: " + result.created()
          + " added, " + result.updated() + " changed";
    }

    private String sessionKey(long schoolId) {
      return "heldImport." + name + "." + schoolId;
    }
  }

  /** A column of an import's file and what to put in it, for the upload page's guidance. */
  record Column(String name, String description, String example) {}

  /** The uploaded file between preview and confirmation, with the fingerprint of what the preview showed. */
  record Upload(long schoolId, String filename, String csv, String fingerprint) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;

  HeldImports(Permissions permissions, Organisation organisation, Audit audit) {
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
  }

  /** Those who may use the pupil import's API may use these pages: 403 otherwise, 404 outside their schools. */
  void require(long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
  }

  /** The upload page, with what is wrong with the file uploaded (or null); the caller adds its guidance. */
  String uploadPage(Kind kind, long schoolId, @Nullable String error, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("kind", kind);
    model.addAttribute("fileError", error);
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
    return "identification/" + kind.name() + "-import";
  }

  /**
   * The preview of an uploaded file, held for the confirmation; the report of its problems; or, when no usable file
   * came, {@code uploadPage} with what to do.
   */
  String preview(Kind kind, long schoolId, @Nullable MultipartFile file, HttpSession session, Model model,
      Function<String, String> uploadPage) throws IOException {
    session.removeAttribute(kind.sessionKey(schoolId));
    if (file == null || file.isEmpty()) {
      return uploadPage.apply("Select a CSV file");
    }
    if (file.getSize() > MAX_BYTES) {
      return uploadPage.apply("The selected file must be smaller than 5 MB");
    }
    String filename = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
    PupilCsv.Text text = PupilCsv.decode(file.getBytes());
    if (text.text() == null) {
      return previewPage(kind, schoolId, filename, null, ImportPreview.failed(List.of(text.problem())), session,
          model);
    }
    return previewPage(kind, schoolId, filename, text.text(), kind.check().run(schoolId, text.text(), true, null),
        session, model);
  }

  /**
   * Imports the file held since its preview, checked again first: pupils, terms or the values it replaces may have
   * changed since. Without a held file the person is asked to upload it again.
   */
  String confirm(Kind kind, long schoolId, HttpSession session, Model model, RedirectAttributes flash) {
    if (!(session.getAttribute(kind.sessionKey(schoolId)) instanceof Upload upload)
        || upload.schoolId() != schoolId) {
      flash.addFlashAttribute("important", "Upload the file again: the preview has expired");
      return "redirect:" + kind.path(schoolId);
    }
    session.removeAttribute(kind.sessionKey(schoolId));
    ImportPreview<?> done;
    try {
      done = kind.check().run(schoolId, upload.csv(), false, upload.fingerprint());
    } catch (OptimisticLockingFailureException e) {
      model.addAttribute("concurrent", kind.changedMeanwhile());
      return previewPage(kind, schoolId, upload.filename(), upload.csv(),
          kind.check().run(schoolId, upload.csv(), true, null), session, model);
    }
    if (!done.result().errors().isEmpty()) {
      return previewPage(kind, schoolId, upload.filename(), upload.csv(), done, session, model);
    }
    flash.addFlashAttribute("success", kind.imported(done.result()));
    return "redirect:" + kind.path(schoolId);
  }

  /** The error report for a file with problems; otherwise the preview, with the file held for the confirmation. */
  private String previewPage(Kind kind, long schoolId, String filename, @Nullable String csv,
      ImportPreview<?> preview, HttpSession session, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("kind", kind);
    model.addAttribute("filename", filename);
    model.addAttribute("preview", preview);
    if (csv == null || !preview.result().errors().isEmpty()) {
      return "identification/import-errors";
    }
    // the preview shows the values each row replaces
    audit.record(AuditAction.VIEW, kind.recordType(), null, schoolId, "import preview");
    session.setAttribute(kind.sessionKey(schoolId), new Upload(schoolId, filename, csv, preview.fingerprint()));
    return "identification/" + kind.name() + "-import-preview";
  }

  /** A CSV file to download, e.g. an import's template. */
  static ResponseEntity<byte[]> csvFile(String filename, String csv) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }
}
