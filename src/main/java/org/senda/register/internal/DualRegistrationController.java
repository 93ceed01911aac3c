package org.senda.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.web.ConcurrentEdit;
import org.senda.web.DateParts;
import org.senda.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dual registrations a school hosts (e.g. Oakfield Primary's speech and language unit): its SENCO registers a
 * pupil of another school of the trust after the unit's admission panel, sees the pupils it hosts and ends a
 * registration when the placement ends, choosing the pupil's last day. The pupil's own school keeps the record;
 * both registers show the pupil.
 */
@Controller
@RequestMapping("/schools/{schoolId}/register/dual-registrations")
class DualRegistrationController {

  static final String LAST_DAY = "the last day the pupil attends";

  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Organisation organisation;
  private final DualRegistrations registrations;
  private final DualRegistrationService service;
  private final Audit audit;
  private final Clock clock;

  DualRegistrationController(Organisation organisation, DualRegistrations registrations,
      DualRegistrationService service, Audit audit, Clock clock) {
    this.organisation = organisation;
    this.registrations = registrations;
    this.service = service;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  @Transactional
  String page(@PathVariable long schoolId, Model model) {
    service.requireSenco(schoolId);
    return page(schoolId, DualRegistrationForm.empty(), model);
  }

  @PostMapping
  @Transactional
  String register(@PathVariable long schoolId, @ModelAttribute("dualRegistrationForm") DualRegistrationForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    service.requireSenco(schoolId);
    List<FieldProblem> dateProblems = new ArrayList<>();
    LocalDate panel = date(dateProblems, "panelDate", form.panelDate(), "the date of the admission panel");
    LocalDate starts = date(dateProblems, "startsOn", form.startsOn(), "the date the pupil starts");
    Long mainSchoolId = form.mainSchoolId() == null || !form.mainSchoolId().matches("\\d{1,18}") ? null
        : Long.valueOf(form.mainSchoolId());
    DualRegistrationService.Registered registered = service.register(schoolId,
        new DualRegistrationService.Request(mainSchoolId, form.upn(), form.provisionName(), form.hostEnrolment(),
            panel, starts),
        dateProblems);
    if (registered.id() == null || registered.pupil() == null) {
      registered.problems().forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
      return page(schoolId, form, model);
    }
    var pupil = registered.pupil();
    audit.record(AuditAction.CREATE, "dual-registration", registered.id(), schoolId,
        "pupil " + pupil.id() + " of school " + pupil.schoolId() + " from " + starts);
    flash.addFlashAttribute("success", pupil.name() + " is dual registered from " + starts);
    return "redirect:/schools/" + schoolId + "/register/dual-registrations";
  }

  /** The question "what is the pupil's last day?", with today filled in as the usual answer. */
  @GetMapping("/{registrationId}/end")
  @Transactional
  String endPage(@PathVariable long schoolId, @PathVariable long registrationId, Model model) {
    service.requireSenco(schoolId);
    DualRegistrations.Entry registration = service.requireHosted(schoolId, registrationId);
    if (registration.endsOn() != null) {
      return "redirect:/schools/" + schoolId + "/register/dual-registrations";
    }
    audit.record(AuditAction.VIEW, "dual-registration", registrationId, schoolId, "end page");
    return endPage(schoolId, registration,
        new EndDualRegistrationForm(DateParts.of(LocalDate.now(clock)), registration.version()), false, model);
  }

  @PostMapping("/{registrationId}/end")
  @Transactional
  String end(@PathVariable long schoolId, @PathVariable long registrationId,
      @ModelAttribute("endForm") EndDualRegistrationForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    service.requireSenco(schoolId);
    DualRegistrations.Entry registration = service.requireHosted(schoolId, registrationId);
    String list = "redirect:/schools/" + schoolId + "/register/dual-registrations";
    if (form.version() == null || registration.endsOn() != null) {
      // The page always sends the version it showed; without one, or once ended, the form is out of date.
      flash.addFlashAttribute("important", ConcurrentEdit.MESSAGE);
      return list;
    }
    List<FieldProblem> dateProblems = new ArrayList<>();
    LocalDate lastDay = date(dateProblems, "lastDay", form.lastDay(), LAST_DAY);
    DualRegistrationService.Ended ended = service.end(registration, lastDay, form.version(), dateProblems);
    if (ended.conflict()) {
      flash.addFlashAttribute("important", ConcurrentEdit.MESSAGE);
      return list;
    }
    if (!ended.ended() || lastDay == null) {
      ended.problems().forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
      return endPage(schoolId, registration, form, true, model);
    }
    audit.record(AuditAction.UPDATE, "dual-registration", registrationId, schoolId,
        "ended " + lastDay + " (pupil " + registration.pupilId() + ")");
    flash.addFlashAttribute("success", "Dual registration of " + registration.pupilName() + " ends after "
        + LONG_DATE.format(lastDay));
    return list;
  }

  private String endPage(long schoolId, DualRegistrations.Entry registration, EndDualRegistrationForm form,
      boolean hasErrors, Model model) {
    SchoolSummary host = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    model.addAttribute("school", host);
    model.addAttribute("registration", registration);
    model.addAttribute("endForm", form);
    model.addAttribute("hasErrors", hasErrors);
    model.addAttribute("latest", LocalDate.now(clock).plus(LastDayCheck.FURTHEST_AHEAD));
    return "register/end-dual-registration";
  }

  private String page(long schoolId, DualRegistrationForm form, Model model) {
    Map<Long, SchoolSummary> schools = service.otherTrustSchools(schoolId);
    SchoolSummary host = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    List<Option> schoolOptions = new ArrayList<>(List.of(new Option("", "Select a school")));
    schools.values().forEach(s -> schoolOptions.add(new Option(String.valueOf(s.id()), s.name())));
    Map<Long, String> schoolNames = new LinkedHashMap<>();
    schools.values().forEach(s -> schoolNames.put(s.id(), s.name()));
    model.addAttribute("school", host);
    model.addAttribute("dualRegistrationForm", form);
    model.addAttribute("registrations", registrations.hostedBy(schoolId));
    model.addAttribute("schoolNames", schoolNames);
    model.addAttribute("schoolOptions", schoolOptions);
    model.addAttribute("enrolmentOptions", List.of(
        new Option("S", "Subsidiary: the pupil's main registration stays with their school"),
        new Option("M", "Main: your school holds the pupil's main registration")));
    model.addAttribute("today", LocalDate.now(clock));
    audit.record(AuditAction.VIEW, "dual-registration", null, schoolId, "hosted list");
    return "register/dual-registrations";
  }

  /** The date typed into a GOV.UK date input, or null with the problem added when it is missing or not real. */
  private static @Nullable LocalDate date(List<FieldProblem> problems, String field, @Nullable DateParts parts,
      String what) {
    if (parts == null || parts.isBlank()) {
      problems.add(new FieldProblem(field, "Enter " + what));
      return null;
    }
    var problem = parts.problem(what);
    if (problem.isPresent()) {
      problems.add(new FieldProblem(field, problem.get()));
      return null;
    }
    return parts.toDate().orElse(null);
  }
}
