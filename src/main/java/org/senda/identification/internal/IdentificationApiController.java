package org.senda.identification.internal;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The identification API: score imports, progress flags, causes for concern. */
@RestController
class IdentificationApiController {

  private final Permissions permissions;
  private final PupilAccess pupilAccess;
  private final VisiblePupils visible;
  private final AssessmentImport assessmentImport;
  private final AttendanceImport attendanceImport;
  private final ProgressFlags flags;
  private final Concerns concerns;
  private final Audit audit;

  IdentificationApiController(
      Permissions permissions, PupilAccess pupilAccess, VisiblePupils visible, AssessmentImport assessmentImport,
      AttendanceImport attendanceImport, ProgressFlags flags, Concerns concerns, Audit audit) {
    this.permissions = permissions;
    this.pupilAccess = pupilAccess;
    this.visible = visible;
    this.assessmentImport = assessmentImport;
    this.attendanceImport = attendanceImport;
    this.flags = flags;
    this.concerns = concerns;
    this.audit = audit;
  }

  /** Scores from CSV; with {@code dryRun=true} only checks the file. Any error: 422 and nothing written. */
  @PostMapping("/api/v1/schools/{schoolId}/assessment-imports")
  ResponseEntity<?> importScores(
      @PathVariable long schoolId, @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) @Nullable String csv) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    ImportPreview<AssessmentImport.Change> preview = assessmentImport.preview(schoolId, csv == null ? "" : csv,
        dryRun, null);
    if (!dryRun || !preview.result().errors().isEmpty()) {
      return importResult(preview.result(), dryRun);
    }
    // a dry run also lists each score it would add or replace, as the pupil import's dry run lists its pupils
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("created", preview.result().created());
    answer.put("updated", preview.result().updated());
    answer.put("dryRun", true);
    answer.put("preview", preview.changes().stream().map(c -> {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("row", c.row());
      row.put("upn", c.upn());
      row.put("subject", c.subject());
      row.put("assessmentPoint", c.point());
      row.put("score", c.score());
      row.put("before", c.before());
      row.put("action", c.creates() ? "create" : "update");
      return row;
    }).toList());
    return ResponseEntity.ok(answer);
  }

  /** Attendance from CSV ({@code upn,term,attendance_percent}); all or nothing, like the score import. */
  @PostMapping("/api/v1/schools/{schoolId}/attendance-imports")
  ResponseEntity<?> importAttendance(
      @PathVariable long schoolId, @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestBody(required = false) @Nullable String csv) {
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return importResult(attendanceImport.run(schoolId, csv == null ? "" : csv, dryRun), dryRun);
  }

  private static ResponseEntity<?> importResult(AssessmentImport.Result result, boolean dryRun) {
    if (!result.errors().isEmpty()) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
          "The file has " + result.errors().size() + " problem(s). Nothing was imported.");
      problem.setTitle("The file cannot be imported");
      problem.setType(URI.create("about:blank"));
      problem.setProperty("errors", result.errors());
      return ResponseEntity.unprocessableContent().body(problem);
    }
    return ResponseEntity.ok(Map.of("created", result.created(), "updated", result.updated(), "dryRun", dryRun));
  }

  /** Pupils with at least one criterion met, the ones the caller may see. */
  @GetMapping("/api/v1/schools/{schoolId}/progress-flags")
  List<Map<String, Object>> progressFlags(@PathVariable long schoolId, @RequestParam(required = false) @Nullable
      String subject) {
    var canSee = visible.in(schoolId);
    List<ProgressFlags.Flag> list = flags.flags(schoolId, permissions.current().trustSchoolIds(), subject, canSee);
    audit.record(AuditAction.VIEW, "progress-flags", null, schoolId, subject == null ? null : "subject " + subject);
    return list.stream().map(IdentificationApiController::json).toList();
  }

  static Map<String, Object> json(ProgressFlags.Flag flag) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("pupilId", flag.pupilId());
    json.put("upn", flag.upn());
    json.put("subject", flag.subject());
    json.put("criteria", flag.criteria());
    json.put("explanation", flag.explanation());
    json.put("cautions", flag.cautions().stream()
        .map(c -> Map.of("code", c.name(), "title", c.title(), "prompt", c.prompt()))
        .toList());
    return json;
  }

  @PostMapping("/api/v1/pupils/{pupilId}/concerns")
  ResponseEntity<Concerns.Concern> raiseConcern(@PathVariable long pupilId, @Valid @RequestBody ConcernForm form) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    Concerns.Concern concern = concerns.raise(pupil, permissions.current(), form);
    return ResponseEntity.created(URI.create("/api/v1/pupils/" + pupilId + "/concerns/" + concern.id()))
        .body(concern);
  }

  @GetMapping("/api/v1/pupils/{pupilId}/concerns")
  List<Concerns.Concern> concerns(@PathVariable long pupilId) {
    return concerns.ofPupil(pupilAccess.requireView(pupilId));
  }
}
