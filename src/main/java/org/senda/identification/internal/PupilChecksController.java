package org.senda.identification.internal;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
import org.senda.pupils.PupilSummary;
import org.senda.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A pupil's attendance by term and their hearing and vision checks: whoever may see the pupil reads them; the
 * SENCO (or headteacher) records them.
 */
@Controller
@RequestMapping("/schools/{schoolId}/pupils/{pupilId}/checks")
class PupilChecksController {

  private final Permissions permissions;
  private final VisiblePupils visible;
  private final PupilChecks checks;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  PupilChecksController(Permissions permissions, VisiblePupils visible, PupilChecks checks, Organisation organisation,
      Audit audit, Clock clock) {
    this.permissions = permissions;
    this.visible = visible;
    this.checks = checks;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  String page(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    model.addAttribute("attendanceForm", new AttendanceForm(null, null));
    model.addAttribute("sensoryCheckForm", new SensoryCheckForm(null, null, null, null));
    return show(schoolId, pupil, model);
  }

  @PostMapping("/attendance")
  String recordAttendance(
      @PathVariable long schoolId, @PathVariable long pupilId,
      @ModelAttribute("attendanceForm") AttendanceForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    List<Term> terms = terms(schoolId);
    Term term = terms.stream().filter(t -> String.valueOf(t.id()).equals(form.termId())).findFirst().orElse(null);
    if (term == null) {
      errors.rejectValue("termId", "invalid", "Select a term");
    }
    BigDecimal percentage = PupilChecks.percentage(form.percentage());
    if (form.percentage() == null || form.percentage().isBlank()) {
      errors.rejectValue("percentage", "invalid", "Enter the attendance as a percentage");
    } else if (percentage == null) {
      errors.rejectValue("percentage", "invalid",
          "Attendance must be a percentage from 0 to 100, with up to 2 decimal places, like 92.5");
    }
    if (errors.hasErrors()) {
      model.addAttribute("sensoryCheckForm", new SensoryCheckForm(null, null, null, null));
      return show(schoolId, pupil, model);
    }
    checks.recordAttendance(pupil, Objects.requireNonNull(term).id(), Objects.requireNonNull(percentage));
    flash.addFlashAttribute("success", "Attendance for " + term.name() + " " + term.academicYear() + " saved");
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId + "/checks";
  }

  @PostMapping("/sensory")
  String recordCheck(
      @PathVariable long schoolId, @PathVariable long pupilId,
      @Valid @ModelAttribute("sensoryCheckForm") SensoryCheckForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    var date = Objects.requireNonNull(form.checkedOn());
    date.problem("the date of the check").ifPresentOrElse(
        p -> errors.rejectValue("checkedOn", "invalid", p),
        () -> {
          if (date.toDate().orElseThrow().isAfter(LocalDate.now(clock))) {
            errors.rejectValue("checkedOn", "invalid", "The date of the check must be today or in the past");
          }
        });
    if (errors.hasErrors()) {
      model.addAttribute("attendanceForm", new AttendanceForm(null, null));
      return show(schoolId, pupil, model);
    }
    String kind = Objects.requireNonNull(form.kind());
    checks.recordCheck(pupil, kind, date.toDate().orElseThrow(), Objects.requireNonNull(form.result()).trim(),
        Objects.requireNonNull(form.checkedBy()).trim());
    flash.addFlashAttribute("success", ("HEARING".equals(kind) ? "Hearing" : "Vision") + " check saved");
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId + "/checks";
  }

  /** The terms that have started, newest first: attendance is recorded for a term under way or past. */
  private List<Term> terms(long schoolId) {
    LocalDate today = LocalDate.now(clock);
    return organisation.calendar(schoolId).terms().stream()
        .filter(t -> !t.startsOn().isAfter(today))
        .sorted(Comparator.comparing(Term::startsOn).reversed())
        .toList();
  }

  private String show(long schoolId, PupilSummary pupil, Model model) {
    audit.record(AuditAction.VIEW, "pupil-checks", pupil.id(), schoolId, null);
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("pupil", pupil);
    model.addAttribute("attendance", checks.attendance(pupil.id()));
    model.addAttribute("sensoryChecks", checks.sensoryChecks(pupil.id()));
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
    model.addAttribute("termOptions", terms(schoolId).stream()
        .map(t -> new Option(String.valueOf(t.id()), t.name() + " " + t.academicYear()))
        .toList());
    model.addAttribute("kindOptions", List.of(new Option("HEARING", "Hearing"), new Option("VISION", "Vision")));
    return "identification/pupil-checks";
  }
}
