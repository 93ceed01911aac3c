package org.senda.agencies.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The external agencies API: the school's directory, a pupil's referrals, and writing a referral. */
@RestController
class AgenciesApiController {

  /** A referral as posted. {@code status} is DRAFT (the default) or SENT, which needs {@code consent}. */
  record ReferralRequest(@Nullable Long agencyId, @Nullable String reason, @Nullable String questions,
      @Nullable String status, @Nullable String sentOn, @Nullable ConsentRequest consent) {}

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

  private static ResponseEntity<ProblemDetail> unprocessable(List<ReferralInvalid.Problem> problems) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
        "The referral has " + problems.size() + " problem(s). Nothing was saved.");
    problem.setTitle("The referral cannot be saved");
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
