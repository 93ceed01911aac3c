package org.senda.register.internal;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Dual registrations over the JSON API, under the same rules as the pages: the SENCO or headteacher of a school
 * lists the registrations it hosts and those of its own pupils hosted elsewhere, registers a pupil of another
 * school of the trust with provision it hosts, and ends one with the pupil's last day. Ending needs the version
 * the caller read (in the body or an If-Match header), so that a change made meanwhile is not overwritten.
 */
@RestController
@RequestMapping("/api/v1/schools/{schoolId}/dual-registrations")
class DualRegistrationApiController {

  /** One registration; hostEnrolment is the census enrolment status of the host's registration (M or S). */
  record RegistrationJson(long id, long pupilId, String upn, String name, long mainSchoolId, long hostSchoolId,
      String provisionName, String hostEnrolment, LocalDate panelDate, LocalDate startsOn, @Nullable LocalDate endsOn,
      boolean active, int version) {}

  /** What a school hosts and where its own pupils are dual registered elsewhere. */
  record ListJson(long schoolId, List<RegistrationJson> hosted, List<RegistrationJson> away) {}

  /** A registration as posted; dates as YYYY-MM-DD, hostEnrolment S (the usual case) when absent. */
  record CreateBody(@Nullable Long mainSchoolId, @Nullable String upn, @Nullable String provisionName,
      @Nullable String hostEnrolment, @Nullable String panelDate, @Nullable String startsOn) {}

  /** Ending: the pupil's last day (YYYY-MM-DD, today when absent) and the version read. */
  record EndBody(@Nullable String lastDay, @Nullable Integer version) {}

  private final DualRegistrations registrations;
  private final DualRegistrationService service;
  private final Audit audit;
  private final Clock clock;

  DualRegistrationApiController(DualRegistrations registrations, DualRegistrationService service, Audit audit,
      Clock clock) {
    this.registrations = registrations;
    this.service = service;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  @Transactional
  ListJson list(@PathVariable long schoolId) {
    service.requireSenco(schoolId);
    LocalDate today = LocalDate.now(clock);
    List<RegistrationJson> hosted = registrations.hostedBy(schoolId).stream().map(r -> json(r, today)).toList();
    List<RegistrationJson> away = registrations.awayFrom(schoolId).stream().map(r -> json(r, today)).toList();
    audit.record(AuditAction.VIEW, "dual-registration", null, schoolId, "list (api)");
    return new ListJson(schoolId, hosted, away);
  }

  @GetMapping("/{registrationId}")
  @Transactional
  ResponseEntity<RegistrationJson> registration(@PathVariable long schoolId, @PathVariable long registrationId) {
    service.requireSenco(schoolId);
    DualRegistrations.Entry registration = service.requireHosted(schoolId, registrationId);
    audit.record(AuditAction.VIEW, "dual-registration", registrationId, schoolId, "api");
    return ResponseEntity.ok().eTag(String.valueOf(registration.version()))
        .body(json(registration, LocalDate.now(clock)));
  }

  @PostMapping
  @Transactional
  ResponseEntity<?> create(@PathVariable long schoolId, @RequestBody CreateBody body) {
    service.requireSenco(schoolId);
    List<FieldProblem> dateProblems = new ArrayList<>();
    LocalDate panel = date(dateProblems, "panelDate", body.panelDate(), "the date of the admission panel", false);
    LocalDate starts = date(dateProblems, "startsOn", body.startsOn(), "the date the pupil starts", false);
    DualRegistrationService.Registered registered = service.register(schoolId,
        new DualRegistrationService.Request(body.mainSchoolId(), body.upn(), body.provisionName(),
            body.hostEnrolment() == null ? "S" : body.hostEnrolment(), panel, starts),
        dateProblems);
    if (registered.id() == null || registered.pupil() == null) {
      return FieldProblem.unprocessable("The pupil was not dual registered: some values are missing or not valid.",
          registered.problems());
    }
    long id = registered.id();
    audit.record(AuditAction.CREATE, "dual-registration", id, schoolId,
        "pupil " + registered.pupil().id() + " of school " + registered.pupil().schoolId() + " from " + starts
            + " (api)");
    DualRegistrations.Entry created = service.requireHosted(schoolId, id);
    return ResponseEntity.created(URI.create("/api/v1/schools/" + schoolId + "/dual-registrations/" + id))
        .eTag(String.valueOf(created.version()))
        .body(json(created, LocalDate.now(clock)));
  }

  /**
   * Ends the registration: 200 with the registration, 422 naming each field that is wrong, 409 when the version is
   * not the current one (someone changed it since the caller read it) or the registration has already ended.
   */
  @PostMapping("/{registrationId}/end")
  @Transactional
  ResponseEntity<?> end(@PathVariable long schoolId, @PathVariable long registrationId,
      @RequestBody(required = false) @Nullable EndBody body,
      @RequestHeader(value = "If-Match", required = false) @Nullable String ifMatch) {
    service.requireSenco(schoolId);
    DualRegistrations.Entry registration = service.requireHosted(schoolId, registrationId);
    EndBody request = body == null ? new EndBody(null, null) : body;
    List<FieldProblem> problems = new ArrayList<>();
    Integer version = request.version() != null ? request.version() : version(ifMatch);
    if (version == null) {
      problems.add(new FieldProblem("version", "Send the version of the registration you read, as \"version\" in"
          + " the body or in an If-Match header"));
    }
    LocalDate lastDay = date(problems, "lastDay", request.lastDay(), DualRegistrationController.LAST_DAY, true);
    if (registration.endsOn() != null) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
          "This dual registration has already ended: the pupil's last day is " + registration.endsOn() + ".");
      problem.setTitle("Already ended");
      problem.setType(URI.create("about:blank"));
      return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    DualRegistrationService.Ended ended = service.end(registration, lastDay, version == null ? -1 : version,
        problems);
    if (ended.conflict()) {
      throw new OptimisticLockingFailureException("dual registration " + registrationId + " changed");
    }
    if (!ended.ended() || lastDay == null) {
      return FieldProblem.unprocessable("The dual registration was not ended: some values are missing or not valid.",
          ended.problems());
    }
    audit.record(AuditAction.UPDATE, "dual-registration", registrationId, schoolId,
        "ended " + lastDay + " (pupil " + registration.pupilId() + ") (api)");
    DualRegistrations.Entry after = service.requireHosted(schoolId, registrationId);
    return ResponseEntity.ok().eTag(String.valueOf(after.version())).body(json(after, LocalDate.now(clock)));
  }

  private static RegistrationJson json(DualRegistrations.Entry r, LocalDate today) {
    return new RegistrationJson(r.id(), r.pupilId(), r.upn(), r.pupilName(), r.mainSchoolId(), r.hostSchoolId(),
        r.provisionName(), r.hostEnrolment(), r.panelDate(), r.startsOn(), r.endsOn(), r.activeOn(today),
        r.version());
  }

  /** The version in an If-Match header ("3", or the ETag "\"3\"" as sent back); null when absent or unreadable. */
  private static @Nullable Integer version(@Nullable String ifMatch) {
    if (ifMatch == null) {
      return null;
    }
    String value = ifMatch.strip();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    return value.matches("\\d{1,9}") ? Integer.valueOf(value) : null;
  }

  /**
   * An ISO date from the body, or null with the problem added; a missing date is a problem unless {@code
   * todayWhenAbsent}, when it means today.
   */
  private @Nullable LocalDate date(List<FieldProblem> problems, String field, @Nullable String value, String what,
      boolean todayWhenAbsent) {
    if (value == null || value.isBlank()) {
      if (todayWhenAbsent) {
        return LocalDate.now(clock);
      }
      problems.add(new FieldProblem(field, "Enter " + what + ", as YYYY-MM-DD"));
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      String capital = Character.toUpperCase(what.charAt(0)) + what.substring(1);
      problems.add(new FieldProblem(field, capital + " must be a real date, as YYYY-MM-DD, for example 2026-03-27"));
      return null;
    }
  }
}
