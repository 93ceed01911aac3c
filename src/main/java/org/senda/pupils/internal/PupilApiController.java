package org.senda.pupils.internal;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilFlag;
import org.senda.pupils.PupilImportError;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pupils API: one pupil (need to know applies) and the import of a file from the school's MIS. */
@RestController
class PupilApiController {

  private final PupilAccess access;
  private final Pupils pupils;
  private final PupilImporter importer;
  private final ContactImporter contactImporter;
  private final Audit audit;

  PupilApiController(PupilAccess access, Pupils pupils, PupilImporter importer, ContactImporter contactImporter,
      Audit audit) {
    this.access = access;
    this.pupils = pupils;
    this.importer = importer;
    this.contactImporter = contactImporter;
    this.audit = audit;
  }

  /** A pupil and their contacts; 404 when the pupil is not one the caller may see. */
  @GetMapping("/api/v1/pupils/{pupilId}")
  @Transactional
  Map<String, Object> pupil(@PathVariable long pupilId) {
    PupilSummary pupil = access.requireView(pupilId);
    List<PupilContact> contacts = pupils.contacts(pupilId);
    audit.record(AuditAction.VIEW, "pupil", pupilId, pupil.schoolId(), "api");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", pupil.id());
    body.put("schoolId", pupil.schoolId());
    body.put("upn", pupil.upn());
    body.put("name", pupil.name());
    body.put("legalForename", pupil.legalForename());
    body.put("legalSurname", pupil.legalSurname());
    body.put("preferredForename", pupil.preferredForename());
    body.put("preferredSurname", pupil.preferredSurname());
    body.put("dateOfBirth", pupil.dateOfBirth().toString());
    body.put("sex", pupil.sex());
    body.put("yearGroup", pupil.yearGroupCode());
    body.put("class", pupil.className());
    body.put("admissionDate", pupil.admissionDate() == null ? null : pupil.admissionDate().toString());
    body.put("leavingDate", pupil.leavingDate() == null ? null : pupil.leavingDate().toString());
    body.put("flags", java.util.Arrays.stream(PupilFlag.values()).filter(pupil::has).map(Enum::name).toList());
    body.put("contacts", contacts.stream().map(c -> {
      Map<String, Object> contact = new LinkedHashMap<>();
      contact.put("name", c.name());
      contact.put("relationship", c.relationship());
      contact.put("parentalResponsibility", c.parentalResponsibility());
      contact.put("phone", c.phone());
      contact.put("email", c.email());
      contact.put("preferredLanguage", c.preferredLanguage());
      contact.put("address", c.address() == null ? null : Map.of("line1", c.address().line1(),
          "line2", c.address().line2() == null ? "" : c.address().line2(), "town", c.address().town(),
          "postcode", c.address().postcode()));
      return contact;
    }).toList());
    return body;
  }

  /**
   * Imports a CSV (or XLSX) export: 200 with counts (and, for a dry run, a preview), or 422 with every row's
   * errors and nothing written.
   */
  @PostMapping(path = "/api/v1/schools/{schoolId}/pupil-imports")
  ResponseEntity<?> importPupils(@PathVariable long schoolId,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody(required = false) byte[] body) {
    PupilImportResult result;
    try {
      result = importer.run(schoolId, body == null ? new byte[0] : body, "upload.csv", dryRun);
    } catch (HeldImport.ChangedDuringImport e) {
      return changedDuringImport();
    }
    if (!result.ok()) {
      return importProblem("The pupils could not be imported", result.errors());
    }
    Map<String, Object> body2 = new LinkedHashMap<>();
    body2.put("created", result.created());
    body2.put("updated", result.updated());
    body2.put("dryRun", result.dryRun());
    if (result.dryRun()) {
      body2.put("preview", result.preview().stream().map(r -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", r.row());
        row.put("upn", r.upn());
        row.put("name", r.name());
        row.put("yearGroup", r.yearGroup());
        row.put("action", r.creates() ? "create" : "update");
        return row;
      }).toList());
    }
    return ResponseEntity.ok(body2);
  }

  /**
   * Imports parents and carers from a CSV body, as the contacts import page does (same columns, checks and
   * matching): 200 with the counts (and the rows, in a dry run), or 422 with every row's problems and nothing
   * written.
   */
  @PostMapping(path = "/api/v1/schools/{schoolId}/contact-imports")
  ResponseEntity<?> importContacts(@PathVariable long schoolId,
      @RequestParam(defaultValue = "false") boolean dryRun, @RequestBody(required = false) byte[] body) {
    ContactImportResult result;
    try {
      result = contactImporter.run(schoolId, body == null ? new byte[0] : body, "upload.csv", dryRun, null);
    } catch (HeldImport.ChangedDuringImport e) {
      return changedDuringImport();
    }
    if (!result.ok()) {
      return importProblem("The parents and carers could not be imported", result.errors());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("created", result.created());
    answer.put("updated", result.updated());
    answer.put("dryRun", result.dryRun());
    if (result.dryRun()) {
      answer.put("preview", result.preview().stream().map(r -> {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("row", r.row());
        row.put("upn", r.upn());
        row.put("name", r.name());
        row.put("relationship", r.relationship());
        row.put("action", r.creates() ? "create" : "update");
        return row;
      }).toList());
    }
    return ResponseEntity.ok(answer);
  }

  /** 409: a record the import matched was changed by someone else while it was written; nothing was imported. */
  private static ResponseEntity<ProblemDetail> changedDuringImport() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
        "Someone changed a record in the file while it was being imported. Nothing was imported: send the file again.");
    problem.setTitle("The file could not be imported");
    problem.setType(URI.create("about:blank"));
    return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static ResponseEntity<ProblemDetail> importProblem(String title, List<PupilImportError> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
        "The file has " + errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + ". Nothing was imported.");
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", errors.stream().map(PupilApiController::error).toList());
    return ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  private static Map<String, Object> error(PupilImportError e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("row", e.row());
    error.put("column", e.column());
    error.put("value", e.value());
    error.put("message", e.message());
    error.put("fix", e.fix());
    return error;
  }
}
