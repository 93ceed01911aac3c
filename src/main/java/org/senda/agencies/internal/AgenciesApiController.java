package org.senda.agencies.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RestController;

/**
 * The external agencies API: the school's directory, a pupil's referrals, writing a referral, moving it on, and
 * keeping the professional's report and advice.
 */
@RestController
class AgenciesApiController {

  /** A referral as posted. {@code status} is DRAFT (the default) or SENT, which needs {@code consent}. */
  record ReferralRequest(@Nullable Long agencyId, @Nullable String reason, @Nullable String questions,
      @Nullable String status, @Nullable String sentOn, @Nullable ConsentRequest consent) {}

  /** A change of status as posted: the new status, the date it happened (today when absent), a note, the version. */
  record StatusRequest(@Nullable String status, @Nullable String changedOn, @Nullable String note,
      @Nullable Integer version) {}

  record ConsentRequest(@Nullable Long contactId, @Nullable String givenBy, @Nullable String relationship,
      @Nullable String givenOn, @Nullable String how, @Nullable List<String> scope) {}

  private final AgencyAccess access;
  private final AgencyDirectory directory;
  private final Referrals referrals;
  private final Pupils pupils;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  AgenciesApiController(AgencyAccess access, AgencyDirectory directory, Referrals referrals, Pupils pupils,
      Organisation organisation, Audit audit, Clock clock) {
    this.access = access;
    this.directory = directory;
    this.referrals = referrals;
    this.pupils = pupils;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/api/v1/schools/{schoolId}/agencies")
  @Transactional
  List<Map<String, Object>> agencies(@PathVariable long schoolId,
      @RequestParam(required = false) @Nullable String type) {
    access.requireDirectory(schoolId);
    SchoolSummary school = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    audit.record(AuditAction.VIEW, "agency", null, schoolId, "API");
    return directory.list(schoolId, school.trustId(), ServiceType.parse(type).orElse(null), false).stream()
        .map(AgenciesApiController::json).toList();
  }

  @GetMapping("/api/v1/pupils/{pupilId}/referrals")
  @Transactional
  List<Map<String, Object>> referrals(@PathVariable long pupilId) {
    PupilSummary pupil = access.requireReferralRead(pupilId);
    audit.record(AuditAction.VIEW, "referral", null, pupil.schoolId(), "pupil " + pupilId + " API");
    return referrals.ofPupil(pupilId).stream().map(r -> json(r, null, null)).toList();
  }

  @GetMapping("/api/v1/referrals/{referralId}")
  @Transactional
  Map<String, Object> referral(@PathVariable long referralId) {
    Referrals.Referral referral = referrals.find(referralId)
        .orElseThrow(() -> new AccessRefused("referral " + referralId));
    PupilSummary pupil = access.requireReferralRead(referral.pupilId());
    audit.record(AuditAction.VIEW, "referral", referralId, pupil.schoolId(), "API");
    return json(referral, referrals.history(referralId), referrals.reports(referralId));
  }

  /** Writes a referral; SENT without consent, or anything missing, is 422 naming each field, and nothing is written. */
  @PostMapping("/api/v1/pupils/{pupilId}/referrals")
  ResponseEntity<?> create(@PathVariable long pupilId, @RequestBody ReferralRequest request) {
    PupilSummary pupil = access.requireReferralWrite(pupilId);
    LocalDate today = LocalDate.now(clock);
    List<ReferralInvalid.Problem> problems = new ArrayList<>();
    SchoolSummary school = organisation.school(pupil.schoolId()).orElseThrow();
    AgencyDirectory.Agency agency = request.agencyId() == null ? null : directory.find(request.agencyId())
        .filter(a -> a.active() && a.visibleIn(pupil.schoolId(), school.trustId())).orElse(null);
    if (agency == null) {
      problems.add(new ReferralInvalid.Problem("agencyId", request.agencyId() == null
          ? "Select the service or professional" : "There is no such service or professional in the school's directory"));
    }
    if (request.reason() == null || request.reason().isBlank()) {
      problems.add(new ReferralInvalid.Problem("reason", "Enter the reason for the referral"));
    } else if (request.reason().length() > 4000) {
      problems.add(new ReferralInvalid.Problem("reason", "The reason must be 4000 characters or fewer"));
    }
    if (request.questions() != null && request.questions().length() > 4000) {
      problems.add(new ReferralInvalid.Problem("questions", "The questions must be 4000 characters or fewer"));
    }
    String status = request.status() == null ? "DRAFT" : request.status();
    if (!status.equals("DRAFT") && !status.equals("SENT")) {
      problems.add(new ReferralInvalid.Problem("status", "The status of a new referral must be DRAFT or SENT"));
    }
    boolean send = status.equals("SENT");
    LocalDate sentOn = today;
    if (send && request.sentOn() != null) {
      LocalDate parsed = date(request.sentOn());
      if (parsed == null || parsed.isAfter(today)) {
        problems.add(new ReferralInvalid.Problem("sentOn", "The date sent must be a real date, today or in the past"));
      } else {
        sentOn = parsed;
      }
    }
    ConsentRule.Given consent = null;
    ConsentRequest c = request.consent();
    if (c == null) {
      if (send) {
        problems.add(new ReferralInvalid.Problem("consent", ConsentRule.MISSING));
      }
    } else {
      PupilContact contact = c.contactId() == null ? null : pupils.contacts(pupilId).stream()
          .filter(p -> p.id() == c.contactId() && p.parentalResponsibility()).findFirst().orElse(null);
      if (c.contactId() != null && contact == null) {
        problems.add(new ReferralInvalid.Problem("consent.contactId",
            "The contact must be one of the pupil's contacts with parental responsibility"));
      }
      String givenBy = contact != null ? contact.name() : c.givenBy();
      String relationship = contact != null ? contact.relationship() : c.relationship();
      LocalDate givenOn = date(c.givenOn());
      List<ReferralInvalid.Problem> consentProblems = ConsentRule.check(givenBy, relationship, givenOn, c.how(),
          c.scope(), today);
      problems.addAll(consentProblems);
      if (consentProblems.isEmpty() && (c.contactId() == null || contact != null)) {
        consent = new ConsentRule.Given(contact == null ? null : contact.id(), givenBy, relationship, givenOn,
            Consent.How.valueOf(c.how()), c.scope().stream().map(Consent.Scope::valueOf).collect(Collectors.toSet()));
      }
    }
    if (!problems.isEmpty() || agency == null) {
      return unprocessable(problems);
    }
    try {
      Referrals.Referral created = referrals.create(pupil, access.current(), agency, request.reason(),
          request.questions(), consent, send, sentOn);
      return ResponseEntity.created(URI.create("/api/v1/referrals/" + created.id()))
          .body(json(created, referrals.history(created.id()), List.of()));
    } catch (ReferralInvalid invalid) {
      return unprocessable(invalid.problems());
    }
  }

  /**
   * Moves a referral on, by the same rules as the status page: only to a status that may follow the current one,
   * sending only with the parents' consent, on a date not in the future. {@code version} (or If-Match) is the version
   * the change is based on; a change based on an older one is refused with 409. Sending emails the parents their copy
   * and makes a letter to post for each parent without an email address.
   */
  @PostMapping("/api/v1/referrals/{referralId}/status")
  ResponseEntity<?> changeStatus(@PathVariable long referralId, @RequestBody StatusRequest request,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    Referrals.Referral referral = referrals.find(referralId)
        .orElseThrow(() -> new AccessRefused("referral " + referralId));
    access.requireReferralWrite(referral.pupilId());
    List<ReferralInvalid.Problem> problems = new ArrayList<>();
    ReferralStatus to = ReferralStatus.parse(request.status()).orElse(null);
    if (to == null) {
      problems.add(new ReferralInvalid.Problem("status", request.status() == null ? "Enter the new status"
          : "The status must be one of " + Arrays.toString(ReferralStatus.values())));
    }
    LocalDate on = LocalDate.now(clock);
    if (request.changedOn() != null) {
      LocalDate parsed = date(request.changedOn());
      if (parsed == null) {
        problems.add(new ReferralInvalid.Problem("changedOn", "The date must be a real date, like 2027-03-27"));
      } else {
        on = parsed;
      }
    }
    if (request.note() != null && request.note().length() > 1000) {
      problems.add(new ReferralInvalid.Problem("note", "The note must be 1000 characters or fewer"));
    }
    Integer version = request.version() != null ? request.version() : version(ifMatch);
    if (request.version() == null && ifMatch != null && version == null) {
      problems.add(new ReferralInvalid.Problem("version", "The If-Match header must be the version number"));
    }
    if (!problems.isEmpty() || to == null) {
      return unprocessable("The status cannot be changed", problems);
    }
    try {
      referrals.changeStatus(referral, to, on, request.note(), version == null ? referral.version() : version,
          access.current());
    } catch (ReferralInvalid invalid) {
      return unprocessable("The status cannot be changed", invalid.problems());
    }
    return ResponseEntity.ok(json(referrals.find(referralId).orElseThrow(), referrals.history(referralId),
        referrals.reports(referralId)));
  }

  /**
   * Keeps a professional's report and advice sent as a form: {@code adviceSummary}, {@code receivedOn} (today when
   * absent) and the report as {@code file}, a PDF (optional: advice may come without a report).
   */
  @PostMapping(path = "/api/v1/referrals/{referralId}/reports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<?> addReport(@PathVariable long referralId,
      @RequestParam(required = false) @Nullable String adviceSummary,
      @RequestParam(required = false) @Nullable String receivedOn,
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file) throws IOException {
    Referrals.Referral referral = writableReferral(referralId);
    byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
    return addReport(referral, adviceSummary, receivedOn, file == null ? null : file.getOriginalFilename(), bytes);
  }

  /**
   * Keeps a professional's report sent as the body itself ({@code application/pdf}), with {@code adviceSummary},
   * {@code receivedOn} and {@code filename} as query parameters. No more than the limit is read.
   */
  @PostMapping(path = "/api/v1/referrals/{referralId}/reports", consumes = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<?> addReportPdf(@PathVariable long referralId,
      @RequestParam(required = false) @Nullable String adviceSummary,
      @RequestParam(required = false) @Nullable String receivedOn,
      @RequestParam(required = false) @Nullable String filename, HttpServletRequest request) throws IOException {
    Referrals.Referral referral = writableReferral(referralId);
    byte[] bytes;
    try (InputStream in = request.getInputStream()) {
      bytes = in.readNBytes(ReportFiles.MAX_BYTES + 1);
    }
    return addReport(referral, adviceSummary, receivedOn, filename == null ? "report.pdf" : filename, bytes);
  }

  private Referrals.Referral writableReferral(long referralId) {
    Referrals.Referral referral = referrals.find(referralId)
        .orElseThrow(() -> new AccessRefused("referral " + referralId));
    access.requireReferralWrite(referral.pupilId());
    return referral;
  }

  private ResponseEntity<?> addReport(Referrals.Referral referral, @Nullable String adviceSummary,
      @Nullable String receivedOn, @Nullable String filename, byte @Nullable [] bytes) {
    List<ReferralInvalid.Problem> problems = new ArrayList<>();
    if (adviceSummary == null || adviceSummary.isBlank()) {
      problems.add(new ReferralInvalid.Problem("adviceSummary", "Enter a summary of the professional's advice"));
    } else if (adviceSummary.length() > 4000) {
      problems.add(new ReferralInvalid.Problem("adviceSummary", "The summary must be 4000 characters or fewer"));
    }
    LocalDate today = LocalDate.now(clock);
    LocalDate received = receivedOn == null ? today : date(receivedOn);
    if (received == null) {
      problems.add(new ReferralInvalid.Problem("receivedOn", "The date received must be a real date, like 2027-03-27"));
    } else if (received.isAfter(today)) {
      problems.add(new ReferralInvalid.Problem("receivedOn", "The date received must be today or in the past"));
    }
    if (bytes != null) {
      ReportFiles.problem(bytes).ifPresent(m -> problems.add(new ReferralInvalid.Problem("file", m)));
    }
    if (!problems.isEmpty() || received == null || adviceSummary == null) {
      return unprocessable("The report cannot be saved", problems);
    }
    String name = bytes == null ? null : ReferralController.safeName(filename);
    long id = referrals.addReport(referral, received, adviceSummary, name, bytes, access.current());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    json.put("referralId", referral.id());
    json.put("receivedOn", received.toString());
    json.put("adviceSummary", adviceSummary.strip());
    json.put("filename", name);
    json.put("sizeBytes", bytes == null ? null : bytes.length);
    return ResponseEntity.created(URI.create("/api/v1/referrals/" + referral.id())).body(json);
  }

  private static @Nullable Integer version(@Nullable String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    try {
      return Integer.parseInt(ifMatch.replace("W/", "").replace("\"", "").strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static ResponseEntity<ProblemDetail> unprocessable(List<ReferralInvalid.Problem> problems) {
    return unprocessable("The referral cannot be saved", problems);
  }

  private static ResponseEntity<ProblemDetail> unprocessable(String title, List<ReferralInvalid.Problem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
        "The request has " + problems.size() + " problem(s). Nothing was saved.");
    problem.setTitle(title);
    problem.setType(URI.create("about:blank"));
    problem.setProperty("errors", problems.stream()
        .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
    return ResponseEntity.unprocessableContent().body(problem);
  }

  private static @Nullable LocalDate date(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static Map<String, Object> json(AgencyDirectory.Agency a) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", a.id());
    json.put("serviceType", a.serviceType().name());
    json.put("serviceTypeTitle", a.serviceType().title());
    json.put("serviceName", a.serviceName());
    json.put("professionalName", a.professionalName());
    json.put("role", a.professionalRole());
    json.put("email", a.email());
    json.put("phone", a.phone());
    json.put("address", a.address());
    json.put("notes", a.notes());
    json.put("sharedWithTrust", a.shared());
    json.put("version", a.version());
    return json;
  }

  static Map<String, Object> json(Referrals.Referral r, @Nullable List<Referrals.StatusChange> history,
      @Nullable List<Referrals.Report> reports) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", r.id());
    json.put("pupilId", r.pupilId());
    json.put("schoolId", r.schoolId());
    json.put("agencyId", r.agencyId());
    json.put("serviceType", r.serviceType().name());
    json.put("serviceName", r.serviceName());
    json.put("professionalName", r.professionalName());
    json.put("reason", r.reason());
    json.put("questions", r.questions());
    json.put("status", r.status().name());
    json.put("statusOn", r.statusOn().toString());
    json.put("sentOn", r.sentOn() == null ? null : r.sentOn().toString());
    if (r.hasConsent()) {
      Map<String, Object> consent = new LinkedHashMap<>();
      consent.put("contactId", r.consentContactId());
      consent.put("givenBy", r.consentGivenBy());
      consent.put("relationship", r.consentRelationship());
      consent.put("givenOn", String.valueOf(r.consentOn()));
      consent.put("how", r.consentHow() == null ? null : r.consentHow().name());
      consent.put("scope", r.consentScope().stream().map(Enum::name).toList());
      json.put("consent", consent);
    } else {
      json.put("consent", null);
    }
    json.put("parentCopySentAt", r.parentCopySentAt() == null ? null : r.parentCopySentAt().toString());
    json.put("parentCopyRecipients", r.parentCopyRecipients());
    if (history != null) {
      json.put("history", history.stream().map(h -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("status", h.status().name());
        entry.put("on", h.on().toString());
        entry.put("by", h.byName());
        entry.put("note", h.note());
        return entry;
      }).toList());
    }
    if (reports != null) {
      json.put("reports", reports.stream().map(p -> {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", p.id());
        entry.put("receivedOn", p.receivedOn().toString());
        entry.put("adviceSummary", p.adviceSummary());
        entry.put("hasFile", p.filename() != null);
        return entry;
      }).toList());
    }
    json.put("version", r.version());
    return json;
  }
}
