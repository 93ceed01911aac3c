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
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.Pupils;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dual registrations a school hosts (e.g. Oakfield Primary's speech and language unit): its SENCO registers a
 * pupil of another school of the trust after the unit's admission panel, sees the pupils it hosts and ends a
 * registration when the placement ends. The pupil's own school keeps the record; both registers show the pupil.
 */
@Controller
@RequestMapping("/schools/{schoolId}/register/dual-registrations")
class DualRegistrationController {

  private final Permissions permissions;
  private final Organisation organisation;
  private final Pupils pupils;
  private final DualRegistrations registrations;
  private final Audit audit;
  private final Clock clock;

  DualRegistrationController(Permissions permissions, Organisation organisation, Pupils pupils,
      DualRegistrations registrations, Audit audit, Clock clock) {
    this.permissions = permissions;
    this.organisation = organisation;
    this.pupils = pupils;
    this.registrations = registrations;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  @Transactional
  String page(@PathVariable long schoolId, Model model) {
    requireHostSenco(schoolId);
    return page(schoolId, DualRegistrationForm.empty(), model);
  }

  @PostMapping
  @Transactional
  String register(@PathVariable long schoolId, @ModelAttribute("dualRegistrationForm") DualRegistrationForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    requireHostSenco(schoolId);
    LocalDate today = LocalDate.now(clock);
    Map<Long, SchoolSummary> schools = otherTrustSchools(schoolId);
    SchoolSummary main = schools.values().stream()
        .filter(s -> String.valueOf(s.id()).equals(form.mainSchoolId())).findFirst().orElse(null);
    if (main == null) {
      errors.rejectValue("mainSchoolId", "required", "Select the school whose roll the pupil is on");
    }
    PupilSummary pupil = null;
    String upn = form.upn() == null ? "" : form.upn().trim();
    if (upn.isEmpty()) {
      errors.rejectValue("upn", "required", "Enter the pupil's unique pupil number (UPN)");
    } else if (main != null) {
      pupil = pupils.byUpn(main.id(), upn)
          .filter(p -> p.leavingDate() == null || p.leavingDate().isAfter(today)).orElse(null);
      if (pupil == null) {
        errors.rejectValue("upn", "unknown", "Enter the UPN of a pupil on the roll of " + main.name());
      } else if (registrations.openWith(pupil.id(), schoolId, today)) {
        errors.rejectValue("upn", "duplicate", "This pupil is already dual registered with your school");
      }
    }
    String provision = form.provisionName() == null ? "" : form.provisionName().trim();
    if (provision.isEmpty()) {
      errors.rejectValue("provisionName", "required", "Enter the name of the provision, for example the unit");
    } else if (provision.length() > 100) {
      errors.rejectValue("provisionName", "length", "Name of the provision must be 100 characters or fewer");
    }
    if (!"M".equals(form.hostEnrolment()) && !"S".equals(form.hostEnrolment())) {
      errors.rejectValue("hostEnrolment", "required", "Select whether your school's registration is main or subsidiary");
    }
    LocalDate panel = date(errors, "panelDate", form.panelDate(), "the date of the admission panel");
    LocalDate starts = date(errors, "startsOn", form.startsOn(), "the date the pupil starts");
    if (panel != null && panel.isAfter(today)) {
      errors.rejectValue("panelDate", "future", "The date of the admission panel must be today or in the past");
    }
    if (panel != null && starts != null && starts.isBefore(panel)) {
      errors.rejectValue("startsOn", "order", "The date the pupil starts must be on or after the panel");
    }
    if (errors.hasErrors()) {
      return page(schoolId, form, model);
    }
    long id = registrations.register(pupil, schoolId, provision, form.hostEnrolment(), panel, starts);
    audit.record(AuditAction.CREATE, "dual-registration", id, schoolId,
        "pupil " + pupil.id() + " of school " + pupil.schoolId() + " from " + starts);
    flash.addFlashAttribute("success", pupil.name() + " is dual registered from " + starts);
    return "redirect:/schools/" + schoolId + "/register/dual-registrations";
  }

  @PostMapping("/{registrationId}/end")
  @Transactional
  String end(@PathVariable long schoolId, @PathVariable long registrationId, @RequestParam int version,
      RedirectAttributes flash) {
    requireHostSenco(schoolId);
    DualRegistrations.Hosted hosted = registrations.hostedBy(schoolId).stream()
        .filter(r -> r.id() == registrationId).findFirst()
        .orElseThrow(() -> new AccessRefused("dual registration " + registrationId));
    LocalDate today = LocalDate.now(clock);
    if (!registrations.end(registrationId, schoolId, today, version)) {
      flash.addFlashAttribute("important", ConcurrentEdit.MESSAGE);
      return "redirect:/schools/" + schoolId + "/register/dual-registrations";
    }
    audit.record(AuditAction.UPDATE, "dual-registration", registrationId, schoolId,
        "ended " + today + " (pupil " + hosted.pupilId() + ")");
    flash.addFlashAttribute("success", "Dual registration of " + hosted.pupilName() + " ends today");
    return "redirect:/schools/" + schoolId + "/register/dual-registrations";
  }

  private String page(long schoolId, DualRegistrationForm form, Model model) {
    Map<Long, SchoolSummary> schools = otherTrustSchools(schoolId);
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
    return "register/dual-registrations";
  }

  /** The other schools of the trust, by id, named in order: where a hosted pupil's roll can be. */
  private Map<Long, SchoolSummary> otherTrustSchools(long hostSchoolId) {
    Map<Long, SchoolSummary> schools = new LinkedHashMap<>();
    organisation.schools(permissions.current().trustSchoolIds()).stream()
        .filter(s -> s.id() != hostSchoolId)
        .forEach(s -> schools.put(s.id(), s));
    return schools;
  }

  private static @Nullable LocalDate date(BindingResult errors, String field, @Nullable DateParts parts,
      String what) {
    if (parts == null || parts.isBlank()) {
      errors.rejectValue(field, "required", "Enter " + what);
      return null;
    }
    var problem = parts.problem(what);
    if (problem.isPresent()) {
      errors.rejectValue(field, "invalid", problem.get());
      return null;
    }
    return parts.toDate().orElse(null);
  }

  /** The SENCO or headteacher of the hosting school: 404 outside it, 403 for other roles in it. */
  private void requireHostSenco(long schoolId) {
    permissions.requireSchool(schoolId);
    permissions.require(schoolId, Permission.MANAGE_SEND);
  }
}
