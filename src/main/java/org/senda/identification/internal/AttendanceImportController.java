package org.senda.identification.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.identification.internal.HeldImports.Column;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
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
 * with it, then confirm ({@link HeldImports}): what is imported is exactly what was previewed; a file with any
 * problem writes nothing, and a file whose attendance someone changed after the preview is previewed again instead
 * of imported.
 */
@Controller
@RequestMapping("/schools/{schoolId}/identification/attendance-imports")
class AttendanceImportController {

  private final HeldImports held;
  private final HeldImports.Kind kind;
  private final Organisation organisation;
  private final Clock clock;

  AttendanceImportController(AttendanceImport attendanceImport, HeldImports held, Organisation organisation,
      Clock clock) {
    this.held = held;
    this.kind = new HeldImports.Kind("attendance", "attendance", "pupil-attendance", attendanceImport::preview);
    this.organisation = organisation;
    this.clock = clock;
  }

  @GetMapping
  String upload(@PathVariable long schoolId, Model model) {
    held.require(schoolId);
    return uploadPage(schoolId, null, model);
  }

  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template(@PathVariable long schoolId) {
    held.require(schoolId);
    List<Column> columns = columns(schoolId);
    return HeldImports.csvFile("attendance-import-template.csv",
        String.join(",", columns.stream().map(Column::name).toList()) + "\r\n"
            + String.join(",", columns.stream().map(Column::example).toList()) + "\r\n");
  }

  @PostMapping
  String preview(@PathVariable long schoolId, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
      HttpSession session, Model model) throws IOException {
    held.require(schoolId);
    return held.preview(kind, schoolId, file, session, model, error -> uploadPage(schoolId, error, model));
  }

  @PostMapping("/confirm")
  String confirm(@PathVariable long schoolId, HttpSession session, Model model, RedirectAttributes flash) {
    held.require(schoolId);
    return held.confirm(kind, schoolId, session, model, flash);
  }

  private String uploadPage(long schoolId, @Nullable String error, Model model) {
    model.addAttribute("columns", columns(schoolId));
    return held.uploadPage(kind, schoolId, error, model);
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
        new Column("upn", "The pupil's unique pupil number (13 characters), as in your MIS",
            AssessmentImportController.EXAMPLE_UPN),
        new Column("term", "The term with its academic year, as named on the school's calendar", term),
        new Column("attendance_percent", "The pupil's attendance in that term, from 0 to 100, up to 2 decimal places",
            "94.5"));
  }
}
