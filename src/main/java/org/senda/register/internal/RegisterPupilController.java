package org.senda.register.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PupilSummary;
import org.senda.register.SendStatus;
import org.senda.web.ConcurrentEdit;
import org.senda.web.DateParts;
import org.senda.web.Option;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A pupil's register entry: status, needs, dual registration and history, and the form the SENCO uses to change
 * them. A school hosting provision the pupil attends sees the entry but changes nothing: the pupil's own school does.
 */
@Controller
@RequestMapping("/schools/{schoolId}/register/pupils/{pupilId}")
class RegisterPupilController {

  private final Permissions permissions;
  private final RegisterAccess access;
  private final RegisterStore store;
  private final RegisterQueries queries;
  private final RegisterChanges changes;
  private final NeedTypes needTypes;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  RegisterPupilController(Permissions permissions, RegisterAccess access, RegisterStore store,
      RegisterQueries queries, RegisterChanges changes, NeedTypes needTypes, Organisation organisation, Audit audit,
      Clock clock) {
    this.permissions = permissions;
    this.access = access;
    this.store = store;
    this.queries = queries;
    this.changes = changes;
    this.needTypes = needTypes;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  @Transactional
  String entry(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = pupilIn(schoolId, pupilId);
    LocalDate today = LocalDate.now(clock);
    RegisterStore.Entry entry = store.entry(pupilId).orElse(null);
    model.addAttribute("school", school(schoolId));
    model.addAttribute("pupil", pupil);
    model.addAttribute("entry", entry);
    model.addAttribute("monitoring", entry != null && Monitoring.monitoring(entry.status(), entry.monitorUntil(),
        today));
    model.addAttribute("history", queries.history(pupilId));
    model.addAttribute("dual", queries.dualRegistrations(pupilId, today));
    model.addAttribute("needNames", needTypes.catalogue().byCode());
    model.addAttribute("canManage", pupil.schoolId() == schoolId
        && permissions.can(schoolId, Permission.MANAGE_SEND));
    audit.record(AuditAction.VIEW, "send-status", pupilId, schoolId, "register entry");
    return "register/pupil";
  }

  @GetMapping("/change")
  String changeForm(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = manageable(schoolId, pupilId);
    RegisterStore.Entry entry = store.entry(pupilId).orElse(null);
    ChangeForm form = new ChangeForm(entry == null ? "N" : entry.status().name(),
        entry == null ? "" : entry.primaryNeed(), entry == null ? "" : entry.secondaryNeed(),
        DateParts.of(LocalDate.now(clock)), "", DateParts.of(null), entry == null ? -1 : entry.version());
    return showForm(schoolId, pupil, form, new BeanPropertyBindingResult(form, "changeForm"), model);
  }

  @PostMapping("/change")
  String change(@PathVariable long schoolId, @PathVariable long pupilId, @ModelAttribute ChangeForm changeForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = manageable(schoolId, pupilId);
    DateParts effective = changeForm.effectiveDate() == null ? DateParts.of(null) : changeForm.effectiveDate();
    DateParts review = changeForm.reviewDate() == null ? DateParts.of(null) : changeForm.reviewDate();
    effective.problem("the date the change takes effect")
        .ifPresent(m -> errors.rejectValue("effectiveDate", "date", m));
    if (!review.isBlank()) {
      review.problem("the date of the review").ifPresent(m -> errors.rejectValue("reviewDate", "date", m));
    }
    if (errors.hasErrors()) {
      return showForm(schoolId, pupil, changeForm, errors, model);
    }
    List<StatusChange.Need> needs = new ArrayList<>();
    if (changeForm.primaryNeed() != null && !changeForm.primaryNeed().isBlank()) {
      needs.add(new StatusChange.Need(changeForm.primaryNeed(), 1));
    }
    if (changeForm.secondaryNeed() != null && !changeForm.secondaryNeed().isBlank()) {
      needs.add(new StatusChange.Need(changeForm.secondaryNeed(), 2));
    }
    StatusChange change = new StatusChange(changeForm.status(), needs, changeForm.reason(),
        effective.toDate().orElseThrow(), review.toDate().orElse(null), null, null);
    RegisterChanges.Outcome outcome;
    try {
      outcome = changes.change(pupilId, schoolId, change, permissions.current().displayName(),
          changeForm.version() < 0 ? null : changeForm.version());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return showForm(schoolId, pupil, changeForm, errors, model);
    }
    if (!outcome.recorded()) {
      for (FieldProblem problem : outcome.problems()) {
        errors.rejectValue(formField(problem.field()), "invalid", problem.message());
      }
      return showForm(schoolId, pupil, changeForm, errors, model);
    }
    flash.addFlashAttribute("success", "SEN status of " + pupil.name() + " recorded");
    return "redirect:/schools/" + schoolId + "/register/pupils/" + pupilId;
  }

  private static String formField(String field) {
    if (field.startsWith("needs[1]")) {
      return "secondaryNeed";
    }
    if (field.startsWith("needs")) {
      return "primaryNeed";
    }
    return field;
  }

  private String showForm(long schoolId, PupilSummary pupil, ChangeForm form, BindingResult errors, Model model) {
    model.addAttribute("school", school(schoolId));
    model.addAttribute("pupil", pupil);
    model.addAttribute("changeForm", form);
    model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "changeForm", errors);
    List<Option> statuses = new ArrayList<>();
    for (SendStatus status : SendStatus.values()) {
      statuses.add(new Option(status.name(), status.name() + " - " + status.title()));
    }
    List<Option> needs = new ArrayList<>(List.of(new Option("", "None")));
    needTypes.catalogue().validOn(LocalDate.now(clock))
        .forEach(n -> needs.add(new Option(n.code(), n.code() + " - " + n.name())));
    model.addAttribute("statusOptions", statuses);
    model.addAttribute("needOptions", needs);
    return "register/change";
  }

  private PupilSummary pupilIn(long schoolId, long pupilId) {
    permissions.requireSchool(schoolId);
    PupilSummary pupil = access.requireRegisterView(pupilId);
    if (pupil.schoolId() != schoolId
        && queries.dualRegistrations(pupilId, LocalDate.now(clock)).stream()
            .noneMatch(d -> d.hostSchoolId() == schoolId)) {
      throw new AccessRefused("pupil " + pupilId + " in school " + schoolId);
    }
    return pupil;
  }

  private PupilSummary manageable(long schoolId, long pupilId) {
    PupilSummary pupil = access.requireManage(pupilId);
    return pupil.requireSchool(schoolId);
  }

  private SchoolSummary school(long schoolId) {
    return organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }
}
