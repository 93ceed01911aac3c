package org.senda.identification.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.identification.internal.HeldImports.Column;
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
 * wrong with it, then confirm ({@link HeldImports}): what is imported is exactly what was previewed; a file with any
 * problem writes nothing, and a file whose scores someone changed after the preview is previewed again instead of
 * imported.
 */
@Controller
@RequestMapping("/schools/{schoolId}/identification/assessment-imports")
class AssessmentImportController {

  static final String EXAMPLE_UPN = "A123456789012";

  /** A subject of the school as the file names it, and the scores it takes. */
  record SubjectGuide(String code, String name, String scores, String example) {}

  private final HeldImports held;
  private final HeldImports.Kind kind;
  private final AssessmentSetup setup;
  private final Clock clock;

  AssessmentImportController(AssessmentImport assessmentImport, HeldImports held, AssessmentSetup setup,
      Clock clock) {
    this.held = held;
    this.kind = new HeldImports.Kind("assessment", "scores", "assessment-score", assessmentImport::preview);
    this.setup = setup;
    this.clock = clock;
  }

  @GetMapping
  String upload(@PathVariable long schoolId, Model model) {
    held.require(schoolId);
    return uploadPage(schoolId, null, model);
  }

  /** The header and one example row per subject of the school, at its latest assessment point. */
  @GetMapping("/template.csv")
  ResponseEntity<byte[]> template(@PathVariable long schoolId) {
    held.require(schoolId);
    StringBuilder csv = new StringBuilder(String.join(",", AssessmentImport.COLUMNS)).append("\r\n");
    String point = csvValue(examplePoint(setup.points(schoolId)));
    for (SubjectGuide subject : subjects(schoolId)) {
      csv.append(EXAMPLE_UPN).append(',').append(csvValue(subject.code())).append(',').append(point).append(',')
          .append(csvValue(subject.example())).append("\r\n");
    }
    return HeldImports.csvFile("score-import-template.csv", csv.toString());
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
    List<AssessmentSetup.Point> points = setup.points(schoolId);
    List<SubjectGuide> subjects = subjects(schoolId);
    model.addAttribute("columns", columns(subjects, points));
    model.addAttribute("subjects", subjects);
    model.addAttribute("points", points.reversed().stream().map(AssessmentSetup.Point::label).toList());
    return held.uploadPage(kind, schoolId, error, model);
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
}
