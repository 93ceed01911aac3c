package org.senda.identification.internal;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
import org.senda.pupils.PupilSummary;
import org.senda.web.ConcurrentEdit;
import org.senda.web.Option;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
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
 * A pupil's attendance by term and their hearing and vision checks: whoever may see the pupil reads them; the
 * SENCO (or headteacher) records and corrects them, and deletes a check recorded by mistake. A correction starts
 * from the version the person saw, so a change someone else saved meanwhile is never overwritten.
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
    model.addAttribute("attendanceForm", AttendanceForm.empty());
    model.addAttribute("sensoryCheckForm", SensoryCheckForm.empty());
    return show(schoolId, pupil, model);
  }

  @PostMapping("/attendance")
  String recordAttendance(
      @PathVariable long schoolId, @PathVariable long pupilId,
      @ModelAttribute("attendanceForm") AttendanceForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    Term term = terms(schoolId).stream().filter(t -> String.valueOf(t.id()).equals(form.termId())).findFirst()
        .orElse(null);
    if (term == null) {
      errors.rejectValue("termId", "invalid", "Select a term");
    }
    BigDecimal percentage = percentage(form, errors);
    if (errors.hasErrors()) {
      model.addAttribute("sensoryCheckForm", SensoryCheckForm.empty());
      return show(schoolId, pupil, model);
    }
    Term recorded = Objects.requireNonNull(term);
    try {
      checks.recordAttendance(pupil, recorded.id(), Objects.requireNonNull(percentage));
    } catch (OptimisticLockingFailureException e) {
      // someone recorded this term since the page was shown: offer their figure next to what was typed, and the
      // form shown carries the version of theirs, so saving it again is a deliberate change of their figure
      PupilChecks.Attendance latest = attendanceIn(pupil, recorded.id());
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return attendanceForm(schoolId, pupil, latest, latest, model);
    }
    flash.addFlashAttribute("success", "Attendance for " + recorded.name() + " " + recorded.academicYear() + " saved");
    return redirect(schoolId, pupilId);
  }

  @GetMapping("/attendance/{termId}")
  String changeAttendanceForm(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long termId,
      Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    PupilChecks.Attendance attendance = attendanceIn(pupil, termId);
    model.addAttribute("attendanceForm", new AttendanceForm(String.valueOf(termId),
        attendance.percentage().stripTrailingZeros().toPlainString(), attendance.version()));
    return attendanceForm(schoolId, pupil, attendance, null, model);
  }

  @PostMapping("/attendance/{termId}")
  String changeAttendance(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long termId,
      @ModelAttribute("attendanceForm") AttendanceForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    PupilChecks.Attendance attendance = attendanceIn(pupil, termId);
    BigDecimal percentage = percentage(form, errors);
    if (form.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    if (errors.hasErrors()) {
      return attendanceForm(schoolId, pupil, attendance, null, model);
    }
    try {
      checks.changeAttendance(pupil, termId, Objects.requireNonNull(percentage),
          Objects.requireNonNull(form.version()));
    } catch (OptimisticLockingFailureException e) {
      PupilChecks.Attendance latest = attendanceIn(pupil, termId);
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return attendanceForm(schoolId, pupil, latest, latest, model);
    }
    flash.addFlashAttribute("success", "Attendance for " + attendance.term() + " saved");
    return redirect(schoolId, pupilId);
  }

  @PostMapping("/sensory")
  String recordCheck(
      @PathVariable long schoolId, @PathVariable long pupilId,
      @Valid @ModelAttribute("sensoryCheckForm") SensoryCheckForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    LocalDate checkedOn = checkedOn(form, errors);
    if (errors.hasErrors()) {
      model.addAttribute("attendanceForm", AttendanceForm.empty());
      return show(schoolId, pupil, model);
    }
    String kind = Objects.requireNonNull(form.kind());
    checks.recordCheck(pupil, kind, Objects.requireNonNull(checkedOn), Objects.requireNonNull(form.result()).trim(),
        Objects.requireNonNull(form.checkedBy()).trim());
    flash.addFlashAttribute("success", kindTitle(kind) + " check saved");
    return redirect(schoolId, pupilId);
  }

  @GetMapping("/sensory/{checkId}")
  String changeCheckForm(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long checkId,
      Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    PupilChecks.SensoryCheck check = checkOf(pupil, checkId);
    model.addAttribute("sensoryCheckForm", check.form());
    return checkForm(schoolId, pupil, check, null, model);
  }

  @PostMapping("/sensory/{checkId}")
  String changeCheck(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long checkId,
      @Valid @ModelAttribute("sensoryCheckForm") SensoryCheckForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    PupilChecks.SensoryCheck check = checks.sensoryCheck(pupil.id(), checkId).orElse(null);
    if (check == null) {
      flash.addFlashAttribute("important", "Someone else deleted this check while you were changing it. "
          + "Your changes have not been saved.");
      return redirect(schoolId, pupilId);
    }
    LocalDate checkedOn = checkedOn(form, errors);
    if (form.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    if (errors.hasErrors()) {
      return checkForm(schoolId, pupil, check, null, model);
    }
    String kind = Objects.requireNonNull(form.kind());
    try {
      checks.changeCheck(pupil, checkId, kind, Objects.requireNonNull(checkedOn),
          Objects.requireNonNull(form.result()).trim(), Objects.requireNonNull(form.checkedBy()).trim(),
          Objects.requireNonNull(form.version()));
    } catch (OptimisticLockingFailureException e) {
      PupilChecks.SensoryCheck latest = checks.sensoryCheck(pupil.id(), checkId).orElse(null);
      if (latest == null) {
        flash.addFlashAttribute("important", "Someone else deleted this check while you were changing it. "
            + "Your changes have not been saved.");
        return redirect(schoolId, pupilId);
      }
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return checkForm(schoolId, pupil, latest, latest, model);
    }
    flash.addFlashAttribute("success", kindTitle(kind) + " check saved");
    return redirect(schoolId, pupilId);
  }

  @GetMapping("/sensory/{checkId}/delete")
  String deleteCheckForm(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long checkId,
      Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    return deletePage(schoolId, pupil, checkOf(pupil, checkId), false, model);
  }

  @PostMapping("/sensory/{checkId}/delete")
  String deleteCheck(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long checkId,
      @RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PupilSummary pupil = visible.pupilIn(schoolId, pupilId);
    PupilChecks.SensoryCheck check = checks.sensoryCheck(pupil.id(), checkId).orElse(null);
    if (check == null) {
      flash.addFlashAttribute("important", "This check had already been deleted");
      return redirect(schoolId, pupilId);
    }
    if (version == null || version != check.version()) {
      // changed since the confirmation was shown: ask again about what it says now
      return deletePage(schoolId, pupil, check, true, model);
    }
    try {
      checks.deleteCheck(pupil, check);
    } catch (OptimisticLockingFailureException e) {
      return checks.sensoryCheck(pupil.id(), checkId)
          .map(latest -> deletePage(schoolId, pupil, latest, true, model))
          .orElseGet(() -> {
            flash.addFlashAttribute("important", "This check had already been deleted");
            return redirect(schoolId, pupilId);
          });
    }
    flash.addFlashAttribute("success", check.kindTitle() + " check of "
        + check.checkedOn().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)) + " deleted");
    return redirect(schoolId, pupilId);
  }

  private @Nullable BigDecimal percentage(AttendanceForm form, BindingResult errors) {
    BigDecimal percentage = PupilChecks.percentage(form.percentage());
    if (form.percentage() == null || form.percentage().isBlank()) {
      errors.rejectValue("percentage", "invalid", "Enter the attendance as a percentage");
    } else if (percentage == null) {
      errors.rejectValue("percentage", "invalid",
          "Attendance must be a percentage from 0 to 100, with up to 2 decimal places, like 92.5");
    }
    return percentage;
  }

  private @Nullable LocalDate checkedOn(SensoryCheckForm form, BindingResult errors) {
    var date = Objects.requireNonNull(form.checkedOn());
    var problem = date.problem("the date of the check");
    if (problem.isPresent()) {
      errors.rejectValue("checkedOn", "invalid", problem.get());
      return null;
    }
    LocalDate checkedOn = date.toDate().orElseThrow();
    if (checkedOn.isAfter(LocalDate.now(clock))) {
      errors.rejectValue("checkedOn", "invalid", "The date of the check must be today or in the past");
    }
    return checkedOn;
  }

  private PupilChecks.Attendance attendanceIn(PupilSummary pupil, long termId) {
    return checks.attendance(pupil.id(), termId)
        .orElseThrow(() -> new AccessRefused("attendance of pupil " + pupil.id() + " in term " + termId));
  }

  private PupilChecks.SensoryCheck checkOf(PupilSummary pupil, long checkId) {
    return checks.sensoryCheck(pupil.id(), checkId).orElseThrow(() -> new AccessRefused("sensory check " + checkId));
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
    List<PupilChecks.Attendance> attendance = checks.attendance(pupil.id());
    Set<Long> recorded = attendance.stream().map(PupilChecks.Attendance::termId).collect(Collectors.toSet());
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("pupil", pupil);
    model.addAttribute("attendance", attendance);
    model.addAttribute("sensoryChecks", checks.sensoryChecks(pupil.id()));
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
    model.addAttribute("canImport", permissions.can(schoolId, Permission.IMPORT_PUPILS));
    // a term already recorded is changed from its own page, at the version shown there
    model.addAttribute("termOptions", terms(schoolId).stream()
        .filter(t -> !recorded.contains(t.id()))
        .map(t -> new Option(String.valueOf(t.id()), t.name() + " " + t.academicYear()))
        .toList());
    model.addAttribute("kindOptions", kindOptions());
    return "identification/pupil-checks";
  }

  private String attendanceForm(long schoolId, PupilSummary pupil, PupilChecks.Attendance attendance,
      PupilChecks.@Nullable Attendance latest, Model model) {
    audit.record(AuditAction.VIEW, "pupil-checks", pupil.id(), schoolId, "term " + attendance.termId());
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("pupil", pupil);
    model.addAttribute("attendance", attendance);
    model.addAttribute("latest", latest);
    return "identification/attendance-form";
  }

  private String checkForm(long schoolId, PupilSummary pupil, PupilChecks.SensoryCheck check,
      PupilChecks.@Nullable SensoryCheck latest, Model model) {
    audit.record(AuditAction.VIEW, "pupil-checks", pupil.id(), schoolId, "check " + check.id());
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("pupil", pupil);
    model.addAttribute("check", check);
    model.addAttribute("latest", latest);
    model.addAttribute("kindOptions", kindOptions());
    return "identification/sensory-check-form";
  }

  private String deletePage(long schoolId, PupilSummary pupil, PupilChecks.SensoryCheck check, boolean changed,
      Model model) {
    audit.record(AuditAction.VIEW, "pupil-checks", pupil.id(), schoolId, "check " + check.id());
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("pupil", pupil);
    model.addAttribute("check", check);
    model.addAttribute("changed", changed);
    return "identification/sensory-check-delete";
  }

  private static List<Option> kindOptions() {
    return List.of(new Option("HEARING", "Hearing"), new Option("VISION", "Vision"));
  }

  private static String kindTitle(String kind) {
    return "HEARING".equals(kind) ? "Hearing" : "Vision";
  }

  private static String redirect(long schoolId, long pupilId) {
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId + "/checks";
  }
}
