package org.senda.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
import org.springframework.stereotype.Component;

/**
 * Registering and ending dual registrations under one set of rules for the pages and the API: who may (the
 * hosting school's SENCO or headteacher), which pupils (on the roll of another school of the trust today), and
 * which dates. Dates arrive already read (a GOV.UK date input or an ISO date), with any problem reading them.
 */
@Component
class DualRegistrationService {

  /** A registration as asked for; a null date is one that was missing or could not be read. */
  record Request(@Nullable Long mainSchoolId, @Nullable String upn, @Nullable String provisionName,
      @Nullable String hostEnrolment, @Nullable LocalDate panelDate, @Nullable LocalDate startsOn) {}

  /** The new registration's id and pupil, or every problem found (and nothing written). */
  record Registered(@Nullable Long id, @Nullable PupilSummary pupil, List<FieldProblem> problems) {}

  /** What happened when ending: ended, refused with problems, or changed by someone else meanwhile. */
  record Ended(boolean ended, boolean conflict, List<FieldProblem> problems) {}

  private final Permissions permissions;
  private final Organisation organisation;
  private final Pupils pupils;
  private final DualRegistrations registrations;
  private final Clock clock;

  DualRegistrationService(Permissions permissions, Organisation organisation, Pupils pupils,
      DualRegistrations registrations, Clock clock) {
    this.permissions = permissions;
    this.organisation = organisation;
    this.pupils = pupils;
    this.registrations = registrations;
    this.clock = clock;
  }

  /** The SENCO or headteacher of the school: 404 outside it, 403 for other roles in it. */
  void requireSenco(long schoolId) {
    permissions.requireSchool(schoolId);
    permissions.require(schoolId, Permission.MANAGE_SEND);
  }

  /** The registration the school hosts, or 404 (also for another host's registration). */
  DualRegistrations.Entry requireHosted(long hostSchoolId, long registrationId) {
    return registrations.hosted(hostSchoolId, registrationId)
        .orElseThrow(() -> new AccessRefused("dual registration " + registrationId));
  }

  /** The other schools of the trust, by id, named in order: where a hosted pupil's roll can be. */
  Map<Long, SchoolSummary> otherTrustSchools(long hostSchoolId) {
    Map<Long, SchoolSummary> schools = new LinkedHashMap<>();
    organisation.schools(permissions.current().trustSchoolIds()).stream()
        .filter(s -> s.id() != hostSchoolId)
        .forEach(s -> schools.put(s.id(), s));
    return schools;
  }

  /**
   * Registers a pupil of another school with provision the host runs, when every value is valid.
   *
   * @param dateProblems problems already found reading the dates, reported with the rest
   */
  Registered register(long hostSchoolId, Request request, List<FieldProblem> dateProblems) {
    LocalDate today = LocalDate.now(clock);
    List<FieldProblem> problems = new ArrayList<>();
    SchoolSummary main = request.mainSchoolId() == null ? null
        : otherTrustSchools(hostSchoolId).get(request.mainSchoolId());
    if (main == null) {
      problems.add(new FieldProblem("mainSchoolId", "Select the school whose roll the pupil is on"));
    }
    PupilSummary pupil = null;
    String upn = request.upn() == null ? "" : request.upn().trim();
    if (upn.isEmpty()) {
      problems.add(new FieldProblem("upn", "Enter the pupil's unique pupil number (UPN)"));
    } else if (main != null) {
      pupil = pupils.byUpn(main.id(), upn)
          .filter(p -> p.leavingDate() == null || p.leavingDate().isAfter(today)).orElse(null);
      if (pupil == null) {
        problems.add(new FieldProblem("upn", "Enter the UPN of a pupil on the roll of " + main.name()));
      } else if (registrations.openWith(pupil.id(), hostSchoolId, today)) {
        problems.add(new FieldProblem("upn", "This pupil is already dual registered with your school"));
      }
    }
    String provision = request.provisionName() == null ? "" : request.provisionName().trim();
    if (provision.isEmpty()) {
      problems.add(new FieldProblem("provisionName", "Enter the name of the provision, for example the unit"));
    } else if (provision.length() > 100) {
      problems.add(new FieldProblem("provisionName", "Name of the provision must be 100 characters or fewer"));
    }
    if (!"M".equals(request.hostEnrolment()) && !"S".equals(request.hostEnrolment())) {
      problems.add(new FieldProblem("hostEnrolment",
          "Select whether your school's registration is main or subsidiary"));
    }
    problems.addAll(dateProblems);
    LocalDate panel = request.panelDate();
    LocalDate starts = request.startsOn();
    if (panel != null && panel.isAfter(today)) {
      problems.add(new FieldProblem("panelDate", "The date of the admission panel must be today or in the past"));
    }
    if (panel != null && starts != null && starts.isBefore(panel)) {
      problems.add(new FieldProblem("startsOn", "The date the pupil starts must be on or after the panel"));
    }
    if (!problems.isEmpty() || pupil == null || panel == null || starts == null) {
      return new Registered(null, null, List.copyOf(problems));
    }
    long id = registrations.register(pupil, hostSchoolId, provision, request.hostEnrolment(), panel, starts);
    return new Registered(id, pupil, List.of());
  }

  /**
   * Ends a registration the school hosts with {@code lastDay} as the pupil's last day there.
   *
   * @param dateProblems problems already found reading the last day (then {@code lastDay} is null)
   */
  Ended end(DualRegistrations.Entry registration, @Nullable LocalDate lastDay, int version,
      List<FieldProblem> dateProblems) {
    List<FieldProblem> problems = new ArrayList<>(dateProblems);
    if (lastDay != null) {
      LastDayCheck.problem(lastDay, registration.startsOn(), LocalDate.now(clock))
          .ifPresent(message -> problems.add(new FieldProblem("lastDay", message)));
    }
    if (!problems.isEmpty() || lastDay == null) {
      return new Ended(false, false, List.copyOf(problems));
    }
    if (!registrations.end(registration.id(), registration.hostSchoolId(), lastDay, version)) {
      return new Ended(false, true, List.of());
    }
    return new Ended(true, false, List.of());
  }
}
