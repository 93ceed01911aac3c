package org.senda.identification.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
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
 * The attendance import pages, for those who may use the attendance import API: upload a CSV file
 * ({@code upn,term,attendance_percent}), see row by row what it would add and change (a dry run) or what is wrong
 * with it, then confirm. The file waits in the session between the dry run and the confirmation, so what is
 * imported is exactly what was previewed; a file with any problem writes nothing.
 */
@Controller
@RequestMapping("/schools/{schoolId}/identification/attendance-imports")
class AttendanceImportController {

  static final long MAX_BYTES = 5L * 1024 * 1024;

  /** The uploaded file between preview and confirmation. */
  record Upload(long schoolId, String filename, String csv) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
  }

  /** A column of the file and what to put in it, for the page's guidance. */
  record Column(String name, String description, String example) {}

  private final AttendanceImport attendanceImport;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  AttendanceImportController(AttendanceImport attendanceImport, Permissions permissions, Organisation organisation,
      Audit audit, Clock clock) {
    this.attendanceImport = attendanceImport;
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

  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template(@PathVariable long schoolId) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    List<Column> columns = columns(schoolId);
    String csv = String.join(",", columns.stream().map(Column::name).toList()) + "\r\n"
        + String.join(",", columns.stream().map(Column::example).toList()) + "\r\n";
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("attendance-import-template.csv").build().toString())
        .body(csv.getBytes(StandardCharsets.UTF_8));
  }

  @PostMapping
  String preview(@PathVariable long schoolId, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      HttpSession session, Model model) throws IOException {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    session.removeAttribute(key(schoolId));
    if (file == null || file.isEmpty()) {
      return uploadPage(schoolId, "Select a CSV file", model);
    }
    if (file.getSize() > MAX_BYTES) {
      return uploadPage(schoolId, "The selected file must be smaller than 5 MB", model);
    }
    String filename = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
    PupilCsv.Text text = PupilCsv.decode(file.getBytes());
    AttendanceImport.Preview preview = text.text() == null
        ? new AttendanceImport.Preview(new AssessmentImport.Result(0, 0, List.of(text.problem())), List.of())
        : attendanceImport.preview(schoolId, text.text(), true);
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("filename", filename);
    model.addAttribute("preview", preview);
    if (!preview.result().errors().isEmpty()) {
      return "identification/attendance-import-errors";
    }
    // the preview shows the attendance each row replaces
    audit.record(AuditAction.VIEW, "pupil-attendance", null, schoolId, "import preview");
    session.setAttribute(key(schoolId), new Upload(schoolId, filename, text.text()));
    return "identification/attendance-import-preview";
  }

  @PostMapping("/confirm")
  String confirm(@PathVariable long schoolId, HttpSession session, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    if (!(session.getAttribute(key(schoolId)) instanceof Upload upload) || upload.schoolId() != schoolId) {
      flash.addFlashAttribute("important", "Upload the file again: the preview has expired");
      return "redirect:/schools/" + schoolId + "/identification/attendance-imports";
    }
    session.removeAttribute(key(schoolId));
    // checked again: pupils or terms may have changed since the preview
    AttendanceImport.Preview done = attendanceImport.preview(schoolId, upload.csv(), false);
    if (!done.result().errors().isEmpty()) {
      model.addAttribute("school", organisation.school(schoolId).orElseThrow());
      model.addAttribute("filename", upload.filename());
      model.addAttribute("preview", done);
      return "identification/attendance-import-errors";
    }
    flash.addFlashAttribute("success", "Attendance imported: " + done.result().created() + " added, "
        + done.result().updated() + " changed");
    return "redirect:/schools/" + schoolId + "/identification/attendance-imports";
  }

  private String uploadPage(long schoolId, @Nullable String error, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("columns", columns(schoolId));
    model.addAttribute("fileError", error);
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
    return "identification/attendance-import";
  }

  /** The columns, with the school's latest term that has started as the example term. */
  private List<Column> columns(long schoolId) {
    LocalDate today = LocalDate.now(clock);
    String term = organisation.calendar(schoolId).terms().stream()
        .filter(t -> !t.startsOn().isAfter(today))
        .max(Comparator.comparing(Term::startsOn))
        .map(t -> t.name() + " " + t.academicYear())
        .orElse("Autumn 2025/26");
    return List.of(
        new Column("upn", "The pupil's unique pupil number (13 characters), as in your MIS", "A123456789012"),
        new Column("term", "The term with its academic year, as named on the school's calendar", term),
        new Column("attendance_percent", "The pupil's attendance in that term, from 0 to 100, up to 2 decimal places",
            "94.5"));
  }

  private static String key(long schoolId) {
    return "attendanceImport." + schoolId;
  }
}
