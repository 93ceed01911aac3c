package org.senda.identification.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * The score import pages, for those who may use the score import API: upload a CSV file
 * ({@code upn,subject,assessment_point,score}), see row by row what it would add and change (a dry run) or what is
 * wrong with it, then confirm. The file waits in the session between the dry run and the confirmation, so what is
 * imported is exactly what was previewed; a file with any problem writes nothing, and a file whose scores someone
 * changed after the preview is previewed again instead of imported.
 */
@Controller
@RequestMapping("/schools/{schoolId}/identification/assessment-imports")
class AssessmentImportController {

  static final String EXAMPLE_UPN = "A123456789012";

  static final String CHANGED_MEANWHILE = "Someone changed scores in this file after you checked it. Nothing has "
      + "been imported. Check what the file will add and change now, then import it again.";

  /** The uploaded file between preview and confirmation, with the fingerprint of what the preview showed. */
  record Upload(long schoolId, String filename, String csv, String fingerprint) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /** A column of the file and what to put in it, for the page's guidance. */
  record Column(String name, String description, String example) {}

  /** A subject of the school as the file names it, and the scores it takes. */
  record SubjectGuide(String code, String name, String scores, String example) {}

  private final AssessmentImport assessmentImport;
  private final AssessmentSetup setup;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  AssessmentImportController(AssessmentImport assessmentImport, AssessmentSetup setup, Permissions permissions,
      Organisation organisation, Audit audit, Clock clock) {
    this.assessmentImport = assessmentImport;
    this.setup = setup;
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  String upload(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return uploadPage(schoolId, null, model);
  }

  /** The header and one example row per subject of the school, at its latest assessment point. */
  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    StringBuilder csv = new StringBuilder(String.join(",", AssessmentImport.COLUMNS)).append("\r\n");
    String point = csvValue(examplePoint(setup.points(schoolId)));
    for (SubjectGuide subject : subjects(schoolId)) {
      csv.append(EXAMPLE_UPN).append(',').append(csvValue(subject.code())).append(',').append(point).append(',')
          .append(csvValue(subject.example())).append("\r\n");
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("score-import-template.csv").build().toString())
        .body(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping
  String preview(@PathVariable long schoolId, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      HttpSession session, Model model) throws IOException {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    session.removeAttribute(key(schoolId));
    if (file == null || file.isEmpty()) {
      return uploadPage(schoolId, "Select a CSV file", model);
    }
    if (file.getSize() > AttendanceImportController.MAX_BYTES) {
      return uploadPage(schoolId, "The selected file must be smaller than 5 MB", model);
    }
    String filename = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
    PupilCsv.Text text = PupilCsv.decode(file.getBytes());
    AssessmentImport.Preview preview = text.text() == null
        ? new AssessmentImport.Preview(new AssessmentImport.Result(0, 0, List.of(text.problem())), List.of())
        : assessmentImport.preview(schoolId, text.text(), true, null);
    return previewPage(schoolId, filename, text.text(), preview, session, model);
  }

  @PostMapping("/confirm")
  String confirm(@PathVariable long schoolId, HttpSession session, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    if (!(session.getAttribute(key(schoolId)) instanceof Upload upload) || upload.schoolId() != schoolId) {
      flash.addFlashAttribute("important", "Upload the file again: the preview has expired");
      return "redirect:/schools/" + schoolId + "/identification/assessment-imports";
    }
    session.removeAttribute(key(schoolId));
    AssessmentImport.Preview done;
    try {
      // checked again: pupils, subjects, points or scores may have changed since the preview
      done = assessmentImport.preview(schoolId, upload.csv(), false, upload.fingerprint());
    } catch (OptimisticLockingFailureException e) {
      model.addAttribute("concurrent", CHANGED_MEANWHILE);
      return previewPage(schoolId, upload.filename(), upload.csv(),
          assessmentImport.preview(schoolId, upload.csv(), true, null), session, model);
    }
    if (!done.result().errors().isEmpty()) {
      return previewPage(schoolId, upload.filename(), upload.csv(), done, session, model);
    }
    flash.addFlashAttribute("success", "Scores imported: " + done.result().created() + " added, "
        + done.result().updated() + " changed");
    return "redirect:/schools/" + schoolId + "/identification/assessment-imports";
  }

  /** The error report for a file with problems; otherwise the preview, with the file kept for the confirmation. */
  private String previewPage(long schoolId, String filename, @Nullable String csv, AssessmentImport.Preview preview,
      HttpSession session, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("filename", filename);
    model.addAttribute("preview", preview);
    if (csv == null || !preview.result().errors().isEmpty()) {
      return "identification/assessment-import-errors";
    }
    // the preview shows the scores each row replaces
    audit.record(AuditAction.VIEW, "assessment-score", null, schoolId, "import preview");
    session.setAttribute(key(schoolId), new Upload(schoolId, filename, csv, preview.fingerprint()));
    return "identification/assessment-import-preview";
  }

  private String uploadPage(long schoolId, @Nullable String error, Model model) {
    List<AssessmentSetup.Point> points = setup.points(schoolId);
    List<SubjectGuide> subjects = subjects(schoolId);
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("columns", columns(subjects, points));
    model.addAttribute("subjects", subjects);
    model.addAttribute("points", points.reversed().stream().map(AssessmentSetup.Point::label).toList());
    model.addAttribute("fileError", error);
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
    return "identification/assessment-import";
  }

  /** The columns, with the school's first subject and latest assessment point due as examples. */
  private List<Column> columns(List<SubjectGuide> subjects, List<AssessmentSetup.Point> points) {
    SubjectGuide first = subjects.isEmpty() ? new SubjectGuide("reading", "Reading", "", "100") : subjects.getFirst();
    String codes = subjects.isEmpty() ? "reading, writing, maths"
        : String.join(", ", subjects.stream().map(SubjectGuide::code).toList());
    return List.of(
        new Column("upn", "The pupil's unique pupil number (13 characters), as in your MIS", EXAMPLE_UPN),
        new Column("subject", "One of the school's subjects: " + codes, first.code()),
        new Column("assessment_point", "One of the school's assessment points, named as listed below",
            examplePoint(points)),
        new Column("score", "The pupil's score on the subject's scale, as listed below", first.example()));
  }

  /** The school's subjects still assessed, in their order. */
  private List<SubjectGuide> subjects(long schoolId) {
    List<SubjectGuide> guides = new ArrayList<>();
    for (Map.Entry<String, AssessmentSetup.Subject> entry : setup.subjects(schoolId).entrySet()) {
      AssessmentSetup.Subject subject = entry.getValue();
      String range = subject.range();
      guides.add(new SubjectGuide(entry.getKey(), subject.name(),
          Character.toUpperCase(range.charAt(0)) + range.substring(1), exampleScore(subject)));
    }
    return guides;
  }

  /** A score in the middle of the subject's scale: its middle step, or the number halfway. */
  private static String exampleScore(AssessmentSetup.Subject subject) {
    List<String> steps = List.copyOf(subject.steps().keySet());
    if (subject.scale() == Scale.STEPS && !steps.isEmpty()) {
      return steps.get(steps.size() / 2);
    }
    return AssessmentSetup.plain(Math.round((subject.min() + subject.max()) / 2));
  }

  /** The latest point assessed by today (the first point when none is due yet). */
  private String examplePoint(List<AssessmentSetup.Point> points) {
    return AssessmentSetup.latestDue(points, LocalDate.now(clock)).map(AssessmentSetup.Point::label)
        .orElse("Autumn 2025/26");
  }

  /** A value quoted when it holds a comma or a quote, as CSV needs. */
  private static String csvValue(String value) {
    return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }

  private static String key(long schoolId) {
    return "assessmentImport." + schoolId;
  }
}
