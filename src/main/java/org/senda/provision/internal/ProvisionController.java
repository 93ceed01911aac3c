package org.senda.provision.internal;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.Role;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
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
 * Provision pages of a school: the intervention catalogue, provision groups with their sessions, measures and
 * impact review, and the settings. The SENCO and headteacher change them; the staff who deliver a group record its
 * sessions and measures. Checks, validation and audit are the service's, shared with the API.
 */
@Controller
@RequestMapping("/schools/{schoolId}/provision")
class ProvisionController {

  static final List<Option> AREAS = Arrays.stream(AreaOfNeed.values())
      .map(a -> new Option(a.name(), a.title())).toList();
  static final List<Option> ROLES = List.of(new Option("TEACHING_ASSISTANT", Role.TEACHING_ASSISTANT.title()),
      new Option("TEACHER", Role.TEACHER.title()), new Option("SENCO", Role.SENCO.title()),
      new Option("HEADTEACHER", Role.HEADTEACHER.title()), new Option("DSL", Role.DSL.title()),
      new Option("SCHOOL_ADMIN", Role.SCHOOL_ADMIN.title()));
  static final List<Option> DAYS = List.of(new Option("", "Not set"), new Option("MONDAY", "Monday"),
      new Option("TUESDAY", "Tuesday"), new Option("WEDNESDAY", "Wednesday"), new Option("THURSDAY", "Thursday"),
      new Option("FRIDAY", "Friday"));
  static final List<Option> OUTCOMES = List.of(new Option("delivered", "Delivered"),
      new Option("cancelled", "Cancelled"));

  /** The API's field names where the page names the field differently. */
  private static final Map<String, String> FIELDS = Map.of("resourcesCostPence", "resourcesCost",
      "delivered", "outcome");

  private final ProvisionService provision;
  private final ProvisionViews views;
  private final ProvisionReports reports;
  private final ProvisionMaps maps;
  private final Permissions permissions;
  private final Organisation organisation;

  ProvisionController(ProvisionService provision, ProvisionViews views, ProvisionReports reports,
      ProvisionMaps maps, Permissions permissions, Organisation organisation) {
    this.provision = provision;
    this.views = views;
    this.reports = reports;
    this.maps = maps;
    this.permissions = permissions;
    this.organisation = organisation;
  }

  private SchoolSummary school(long schoolId, Model model) {
    permissions.requireSchool(schoolId);
    SchoolSummary school = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    model.addAttribute("school", school);
    model.addAttribute("canManage", permissions.can(schoolId, Permission.MANAGE_SEND));
    model.addAttribute("seesPupils", permissions.can(schoolId, Permission.VIEW_ALL_PUPILS));
    model.addAttribute("seesAggregates", permissions.can(schoolId, Permission.VIEW_AGGREGATES));
    model.addAttribute("seesOwn", permissions.can(schoolId, Permission.VIEW_OWN_PUPILS));
    return school;
  }

  /** Puts the service's (or the form's) problems on the form's fields, under the page's field names. */
  static void reject(BindingResult errors, List<ProvisionInvalid.FieldError> problems) {
    for (ProvisionInvalid.FieldError e : problems) {
      String field = e.field();
      if (field.equals("staff") || field.startsWith("staff[")) {
        field = "staffIds";
      } else if (field.startsWith("pupilIds[")) {
        field = "pupilIds";
      } else if (field.startsWith("attendance")) {
        field = "attended";
      }
      field = FIELDS.getOrDefault(field, field);
      String message = field.equals("resourcesCost") && e.message().contains("pence")
          ? "Resources cost must be between £0 and £1,000,000" : e.message();
      if (!errors.hasFieldErrors(field)) {
        try {
          errors.rejectValue(field, "invalid", message);
        } catch (org.springframework.beans.NotReadablePropertyException e2) {
          errors.reject("invalid", message);
        }
      }
    }
  }

  /** What the form itself finds (numbers and dates that are not), then what the rules find, all at once. */
  private void checkGroup(long schoolId, GroupForm form, List<Long> members, BindingResult errors) {
    reject(errors, form.problems());
    try {
      provision.checkGroup(schoolId, form.draft(), members);
    } catch (ProvisionInvalid e) {
      reject(errors, form.onPage(e.errors()));
    }
  }

  private void checkIntervention(long schoolId, InterventionForm form, BindingResult errors) {
    reject(errors, form.problems());
    try {
      provision.checkIntervention(schoolId, form.draft());
    } catch (ProvisionInvalid e) {
      reject(errors, e.errors());
    }
  }

  @GetMapping
  String hub(@PathVariable long schoolId, Model model) {
    school(schoolId, model);
    Long staffId = permissions.current().staffId();
    java.util.Set<Long> mine = staffId == null || !permissions.can(schoolId, Permission.VIEW_OWN_PUPILS)
        ? java.util.Set.of() : organisation.classesOf(staffId);
    model.addAttribute("myClasses", organisation.classes(schoolId).stream().filter(c -> mine.contains(c.id()))
        .toList());
    return "provision/hub";
  }

  // --- The catalogue

  @GetMapping("/interventions")
  String catalogue(@PathVariable long schoolId, Model model) {
    school(schoolId, model);
    model.addAttribute("interventions", provision.catalogue(schoolId));
    model.addAttribute("areas", AREAS);
    return "provision/interventions";
  }

  /**
   * The form for a new entry of the school's own; with {@code copyOf}, filled in from an entry shared across the
   * trust, which is how a school makes its own variant of an entry it cannot change.
   */
  @GetMapping("/interventions/new")
  String newIntervention(@PathVariable long schoolId, @RequestParam(required = false) @Nullable Long copyOf,
      Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    if (copyOf == null) {
      return interventionForm(schoolId, null, InterventionForm.empty(), model);
    }
    Intervention shared = provision.catalogue(schoolId).stream()
        .filter(i -> i.id() == copyOf && i.sharedAcrossTrust()).findFirst()
        .orElseThrow(() -> new AccessRefused("shared intervention " + copyOf));
    model.addAttribute("copiedFrom", shared.name());
    return interventionForm(schoolId, null, InterventionForm.copyOf(shared), model);
  }

  private String interventionForm(long schoolId, @Nullable Long id, InterventionForm form, Model model) {
    SchoolSummary school = school(schoolId, model);
    model.addAttribute("interventionForm", form);
    model.addAttribute("interventionId", id);
    model.addAttribute("areas", AREAS);
    model.addAttribute("roles", ROLES);
    model.addAttribute("owner", school.name());
    model.addAttribute("ownerNote", "Only this school sees and uses this entry.");
    String base = "/schools/" + schoolId + "/provision/interventions";
    model.addAttribute("backHref", base);
    model.addAttribute("formAction", id == null ? base : base + "/" + id);
    return "provision/intervention-form";
  }

  @PostMapping("/interventions")
  String addIntervention(@PathVariable long schoolId, @ModelAttribute("interventionForm") InterventionForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    checkIntervention(schoolId, form, errors);
    if (!errors.hasErrors()) {
      try {
        Intervention added = provision.addIntervention(schoolId, form.draft());
        flash.addFlashAttribute("success", added.name() + " added to the catalogue");
        return "redirect:/schools/" + schoolId + "/provision/interventions";
      } catch (ProvisionInvalid e) {
        reject(errors, e.errors());
      }
    }
    return interventionForm(schoolId, null, form, model);
  }

  private Intervention ownIntervention(long schoolId, long id) {
    Intervention i = provision.catalogue(schoolId).stream().filter(x -> x.id() == id).findFirst()
        .orElseThrow(() -> new AccessRefused("intervention " + id));
    if (i.sharedAcrossTrust()) {
      throw new org.senda.access.ActionForbidden("shared intervention " + id);
    }
    return i;
  }

  @GetMapping("/interventions/{id}/edit")
  String editIntervention(@PathVariable long schoolId, @PathVariable long id, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    return interventionForm(schoolId, id, InterventionForm.of(ownIntervention(schoolId, id)), model);
  }

  @PostMapping("/interventions/{id}")
  String updateIntervention(@PathVariable long schoolId, @PathVariable long id,
      @ModelAttribute("interventionForm") InterventionForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    ownIntervention(schoolId, id);
    checkIntervention(schoolId, form, errors);
    if (!errors.hasErrors()) {
      try {
        Intervention saved = provision.updateIntervention(schoolId, id,
            form.version() == null ? -1 : form.version(), form.draft());
        flash.addFlashAttribute("success", saved.name() + " saved");
        return "redirect:/schools/" + schoolId + "/provision/interventions";
      } catch (ProvisionInvalid e) {
        reject(errors, e.errors());
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      }
    }
    return interventionForm(schoolId, id, form, model);
  }

  // --- Groups

  @GetMapping("/groups")
  String groups(@PathVariable long schoolId, @RequestParam(required = false) @Nullable Long term, Model model) {
    school(schoolId, model);
    model.addAttribute("map", maps.groups(schoolId, term));
    model.addAttribute("terms", ProvisionMapController.termOptions(organisation.calendar(schoolId)));
    return "provision/groups";
  }

  @GetMapping("/groups/new")
  String newGroup(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    return groupForm(schoolId, null, GroupForm.empty(), List.of(), model);
  }

  private String groupForm(long schoolId, @Nullable Long groupId, GroupForm form, List<Long> members, Model model) {
    school(schoolId, model);
    model.addAttribute("groupForm", form);
    model.addAttribute("groupId", groupId);
    model.addAttribute("interventions", provision.catalogue(schoolId).stream()
        .map(i -> new Option(String.valueOf(i.id()), i.name())).toList());
    model.addAttribute("staffChoices", organisation.staffOf(schoolId).stream()
        .filter(s -> s.roles().stream().anyMatch(ProvisionCost::delivers))
        .map(s -> new Option(String.valueOf(s.id()), s.name() + " (" + s.roles().stream()
            .filter(ProvisionCost::delivers).map(Role::title).reduce((a, b) -> a + ", " + b).orElse("") + ")"))
        .toList());
    model.addAttribute("pupilChoices", reports.pupilChoices(schoolId, members).stream()
        .map(p -> new Option(String.valueOf(p.pupilId()), p.name() + ", " + p.yearGroup()
            + ("E".equals(p.sendStatus()) ? ", EHC plan" : "K".equals(p.sendStatus()) ? ", SEN support" : "")))
        .toList());
    model.addAttribute("days", DAYS);
    model.addAttribute("kinds", java.util.Arrays.stream(DeliveryKind.values())
        .map(k -> new Option(k.name(), k.title())).toList());
    return "provision/group-form";
  }

  @PostMapping("/groups")
  String createGroup(@PathVariable long schoolId, @ModelAttribute("groupForm") GroupForm form, BindingResult errors,
      Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    checkGroup(schoolId, form, List.of(), errors);
    if (!errors.hasErrors()) {
      try {
        long id = provision.createGroup(schoolId, form.draft());
        flash.addFlashAttribute("success", "Provision group created");
        return "redirect:/schools/" + schoolId + "/provision/groups/" + id;
      } catch (ProvisionInvalid e) {
        reject(errors, form.onPage(e.errors()));
      }
    }
    return groupForm(schoolId, null, form, List.of(), model);
  }

  private ProvisionViews.GroupView view(long schoolId, long groupId) {
    ProvisionViews.GroupView view = views.group(groupId);
    if (view.group().schoolId() != schoolId) {
      throw new AccessRefused("group " + groupId);
    }
    return view;
  }

  @GetMapping("/groups/{groupId}")
  String group(@PathVariable long schoolId, @PathVariable long groupId, Model model) {
    school(schoolId, model);
    ProvisionViews.GroupView view = view(schoolId, groupId);
    model.addAttribute("view", view);
    model.addAttribute("g", view.group());
    if (!model.containsAttribute("impactForm")) {
      model.addAttribute("impactForm", ImpactForm.of(views.today(), view.group().version()));
    }
    return "provision/group";
  }

  @GetMapping("/groups/{groupId}/edit")
  String editGroup(@PathVariable long schoolId, @PathVariable long groupId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    ProvisionViews.GroupView view = view(schoolId, groupId);
    return groupForm(schoolId, groupId, GroupForm.of(view.group(), view.staff(), view.pupils()),
        view.pupils().stream().map(ProvisionReports.GroupPupil::pupilId).toList(), model);
  }

  @PostMapping("/groups/{groupId}")
  String updateGroup(@PathVariable long schoolId, @PathVariable long groupId,
      @ModelAttribute("groupForm") GroupForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    ProvisionViews.GroupView view = view(schoolId, groupId);
    checkGroup(schoolId, form, view.pupils().stream().map(ProvisionReports.GroupPupil::pupilId).toList(), errors);
    if (!errors.hasErrors()) {
      try {
        provision.updateGroup(groupId, form.version() == null ? -1 : form.version(), form.draft());
        flash.addFlashAttribute("success", "Provision group saved");
        return "redirect:/schools/" + schoolId + "/provision/groups/" + groupId;
      } catch (ProvisionInvalid e) {
        reject(errors, form.onPage(e.errors()));
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      }
    }
    return groupForm(schoolId, groupId, form,
        view.pupils().stream().map(ProvisionReports.GroupPupil::pupilId).toList(), model);
  }

  // --- Sessions, measures and the impact review

  @GetMapping("/groups/{groupId}/sessions/new")
  String newSession(@PathVariable long schoolId, @PathVariable long groupId, Model model) {
    ProvisionViews.GroupView view = view(schoolId, groupId);
    requireRecorder(view);
    return sessionForm(schoolId, view, SessionForm.of(views.today(), view.group().minutesPerSession(),
        view.pupils().stream().map(ProvisionReports.GroupPupil::pupilId).toList()), model);
  }

  private static void requireRecorder(ProvisionViews.GroupView view) {
    if (!view.canRecordSessions()) {
      throw new org.senda.access.ActionForbidden("sessions of group " + view.group().groupId());
    }
  }

  private String sessionForm(long schoolId, ProvisionViews.GroupView view, SessionForm form, Model model) {
    school(schoolId, model);
    model.addAttribute("view", view);
    model.addAttribute("g", view.group());
    model.addAttribute("sessionForm", form);
    model.addAttribute("outcomes", OUTCOMES);
    model.addAttribute("attendanceChoices", view.pupils().stream()
        .map(p -> new Option(String.valueOf(p.pupilId()), p.name())).toList());
    return "provision/session-form";
  }

  @PostMapping("/groups/{groupId}/sessions")
  String recordSession(@PathVariable long schoolId, @PathVariable long groupId,
      @ModelAttribute("sessionForm") SessionForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    ProvisionViews.GroupView view = view(schoolId, groupId);
    requireRecorder(view);
    reject(errors, form.problems());
    if (!errors.hasErrors()) {
      try {
        provision.recordSession(groupId,
            form.draft(view.pupils().stream().map(ProvisionReports.GroupPupil::pupilId).toList()));
        flash.addFlashAttribute("success", "Session recorded");
        return "redirect:/schools/" + schoolId + "/provision/groups/" + groupId;
      } catch (ProvisionInvalid e) {
        reject(errors, e.errors());
      }
    }
    return sessionForm(schoolId, view, form, model);
  }

  @GetMapping("/groups/{groupId}/pupils/{pupilId}/measures")
  String measures(@PathVariable long schoolId, @PathVariable long groupId, @PathVariable long pupilId,
      Model model) {
    ProvisionViews.GroupView view = view(schoolId, groupId);
    requireRecorder(view);
    ProvisionReports.GroupPupil pupil = member(view, pupilId);
    return measuresForm(schoolId, view, pupil, MeasuresForm.of(pupil), model);
  }

  private static ProvisionReports.GroupPupil member(ProvisionViews.GroupView view, long pupilId) {
    return view.pupils().stream().filter(p -> p.pupilId() == pupilId).findFirst()
        .orElseThrow(() -> new AccessRefused("pupil " + pupilId + " in group " + view.group().groupId()));
  }

  private String measuresForm(long schoolId, ProvisionViews.GroupView view, ProvisionReports.GroupPupil pupil,
      MeasuresForm form, Model model) {
    school(schoolId, model);
    model.addAttribute("g", view.group());
    model.addAttribute("pupil", pupil);
    model.addAttribute("measuresForm", form);
    return "provision/measures-form";
  }

  @PostMapping("/groups/{groupId}/pupils/{pupilId}/measures")
  String saveMeasures(@PathVariable long schoolId, @PathVariable long groupId, @PathVariable long pupilId,
      @ModelAttribute("measuresForm") MeasuresForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    ProvisionViews.GroupView view = view(schoolId, groupId);
    requireRecorder(view);
    ProvisionReports.GroupPupil pupil = member(view, pupilId);
    reject(errors, form.problems());
    if (!errors.hasErrors()) {
      try {
        provision.recordMeasures(groupId, pupilId, form.draft());
        flash.addFlashAttribute("success", "Measures saved for " + pupil.name());
        return "redirect:/schools/" + schoolId + "/provision/groups/" + groupId;
      } catch (ProvisionInvalid e) {
        reject(errors, e.errors());
      }
    }
    return measuresForm(schoolId, view, pupil, form, model);
  }

  @PostMapping("/groups/{groupId}/impact")
  String recordImpact(@PathVariable long schoolId, @PathVariable long groupId,
      @ModelAttribute("impactForm") ImpactForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    view(schoolId, groupId);
    if (form.reviewedOn() != null) {
      form.reviewedOn().problem("the date of the review").ifPresent(m ->
          errors.rejectValue("reviewedOn", "invalid", m));
    }
    if (!errors.hasErrors()) {
      try {
        provision.recordImpact(groupId, form.version() == null ? -1 : form.version(),
            form.reviewedOn() == null ? null : form.reviewedOn().toDate().orElse(null), form.summary());
        flash.addFlashAttribute("success", "Impact review recorded");
        return "redirect:/schools/" + schoolId + "/provision/groups/" + groupId;
      } catch (ProvisionInvalid e) {
        reject(errors, e.errors());
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      }
    }
    return group(schoolId, groupId, model);
  }

  // --- Reviews due, deployment, budget and settings

  @GetMapping("/reviews")
  String reviews(@PathVariable long schoolId, Model model) {
    school(schoolId, model);
    model.addAttribute("reviews", views.reviewsDue(schoolId));
    return "provision/reviews";
  }

  @GetMapping("/deployment")
  String deployment(@PathVariable long schoolId, Model model) {
    school(schoolId, model);
    model.addAttribute("deployment", views.deployment(schoolId, views.today()));
    return "provision/deployment";
  }

  @GetMapping("/budget")
  String budget(@PathVariable long schoolId, @RequestParam(required = false) @Nullable String year, Model model) {
    school(schoolId, model);
    ProvisionService.Settings settings = provision.settings(schoolId);
    model.addAttribute("budget", views.budget(schoolId, year, settings.notionalThresholdPence()));
    return "provision/budget";
  }

  @GetMapping("/settings")
  String settings(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    school(schoolId, model);
    model.addAttribute("settingsForm",
        ProvisionSettingsForm.of(provision.settings(schoolId), provision.rates(schoolId)));
    return "provision/settings";
  }

  @PostMapping("/settings")
  String saveSettings(@PathVariable long schoolId, @ModelAttribute("settingsForm") ProvisionSettingsForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    reject(errors, form.problems());
    if (!errors.hasErrors()) {
      try {
        provision.saveSettings(schoolId, form.version() == null ? -1 : form.version(),
            Money.pence(form.notionalThreshold()));
        provision.setRates(schoolId, form.rates());
        flash.addFlashAttribute("success", "Provision settings saved");
        return "redirect:/schools/" + schoolId + "/provision/budget";
      } catch (ProvisionInvalid e) {
        reject(errors, e.errors());
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      }
    }
    school(schoolId, model);
    return "provision/settings";
  }
}
