package org.senda.pupils.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.ActionForbidden;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilContact;
import org.senda.pupils.PupilFlag;
import org.senda.pupils.PupilPageSection;
import org.senda.pupils.PupilScope;
import org.senda.pupils.PupilSummary;
import org.senda.pupils.PupilTimeline;
import org.senda.pupils.PupilTimelineEntry;
import org.senda.pupils.Pupils;
import org.senda.web.ConcurrentEdit;
import org.senda.web.DateParts;
import org.senda.web.Option;
import org.senda.web.SchoolChoices;
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

/** Pupil pages: search, the pupil page, editing details and contacts. Need to know applies to all of them. */
@Controller
@RequestMapping("/schools/{schoolId}/pupils")
class PupilController {

  static final int SEARCH_LIMIT = 50;

  /** A section of the pupil page, ready to render. */
  record SectionView(String heading, String fragment, Map<String, Object> model) {}

  private final PupilAccess access;
  private final Pupils pupils;
  private final PupilRecords records;
  private final PupilQueries queries;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;
  private final List<PupilPageSection> sections;
  private final List<PupilTimeline> timelines;

  PupilController(PupilAccess access, Pupils pupils, PupilRecords records, PupilQueries queries,
      Permissions permissions,
      Organisation organisation, Audit audit, Clock clock, List<PupilPageSection> sections,
      List<PupilTimeline> timelines) {
    this.access = access;
    this.pupils = pupils;
    this.records = records;
    this.queries = queries;
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
    this.sections = sections.stream().sorted(Comparator.comparingInt(PupilPageSection::order)).toList();
    this.timelines = timelines;
  }

  @GetMapping
  @Transactional
  String search(@PathVariable long schoolId, @RequestParam(defaultValue = "") String q, Model model) {
    permissions.requireSchool(schoolId);
    PupilScope scope = access.scope(schoolId);
    if (!scope.seesPupils()) {
      throw new ActionForbidden("pupil search in school " + schoolId);
    }
    String query = q.length() > 100 ? q.substring(0, 100) : q;
    List<PupilSummary> results = pupils.search(scope, query, SEARCH_LIMIT + 1);
    boolean more = results.size() > SEARCH_LIMIT;
    audit.record(AuditAction.VIEW, "pupil-search", null, schoolId, "results=" + Math.min(results.size(),
        SEARCH_LIMIT));
    model.addAttribute("school", school(schoolId));
    model.addAttribute("q", query);
    model.addAttribute("results", more ? results.subList(0, SEARCH_LIMIT) : results);
    model.addAttribute("more", more);
    model.addAttribute("scopeAll", scope.kind() == PupilScope.Kind.ALL);
    return "pupils/search";
  }

  @GetMapping("/{pupilId}")
  @Transactional
  String pupil(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = pupilIn(schoolId, pupilId);
    LocalDate today = LocalDate.now(clock);
    List<SectionView> views = new ArrayList<>();
    for (PupilPageSection section : sections) {
      views.add(new SectionView(section.heading(), section.fragment(), section.model(pupil)));
    }
    List<PupilTimelineEntry> timeline = new ArrayList<>();
    for (PupilTimeline source : timelines) {
      timeline.addAll(source.entries(pupil));
    }
    timeline.sort(Comparator.comparing(PupilTimelineEntry::on).reversed());
    audit.record(AuditAction.VIEW, "pupil", pupilId, schoolId, null);
    model.addAttribute("school", SchoolChoices.fromModel(model, schoolId).orElseGet(() -> {
      SchoolSummary school = school(schoolId);
      return new SchoolChoices.Choice(school.id(), school.name());
    }));
    model.addAttribute("pupil", pupil);
    model.addAttribute("age", pupil.ageOn(today));
    model.addAttribute("flags", java.util.Arrays.stream(PupilFlag.values()).filter(pupil::has).toList());
    PupilQueries.ContactSheet contacts = queries.contactSheet(pupilId);
    model.addAttribute("contacts", contacts.contacts());
    model.addAttribute("sections", views);
    model.addAttribute("timeline", timeline);
    model.addAttribute("canEdit", permissions.can(schoolId, Permission.IMPORT_PUPILS));
    model.addAttribute("virtualSchoolContact", contacts.virtualSchoolContact());
    model.addAttribute("hasPhoto", contacts.hasPhoto());
    return "pupils/pupil";
  }

  @GetMapping("/{pupilId}/edit")
  @Transactional
  String edit(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = editable(schoolId, pupilId);
    PupilRecords.Details details = records.details(pupilId).orElseThrow(() -> new AccessRefused("pupil"));
    audit.record(AuditAction.VIEW, "pupil", pupilId, schoolId, "edit");
    return editPage(schoolId, pupil, PupilForm.of(details), model);
  }

  @PostMapping("/{pupilId}/edit")
  @Transactional
  String save(@PathVariable long schoolId, @PathVariable long pupilId, @ModelAttribute("pupilForm") PupilForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = editable(schoolId, pupilId);
    PupilRecords.Details current = records.details(pupilId).orElseThrow(() -> new AccessRefused("pupil"));
    LocalDate today = LocalDate.now(clock);
    required(errors, "legalForename", form.legalForename(), "Enter the pupil's legal forename");
    required(errors, "legalSurname", form.legalSurname(), "Enter the pupil's legal surname");
    LocalDate born = date(errors, "dateOfBirth", form.dateOfBirth(), "date of birth", true);
    if (born != null && !born.isBefore(today)) {
      errors.rejectValue("dateOfBirth", "future", "Date of birth must be in the past");
    }
    LocalDate admitted = date(errors, "admissionDate", form.admissionDate(), "admission date", false);
    LocalDate left = date(errors, "leavingDate", form.leavingDate(), "leaving date", false);
    if (admitted != null && left != null && left.isBefore(admitted)) {
      errors.rejectValue("leavingDate", "order", "Leaving date must be the same as or after the admission date");
    }
    Long yearGroupId = organisation.yearGroups(schoolId).stream()
        .filter(y -> String.valueOf(y.id()).equals(form.yearGroupId())).map(y -> y.id()).findFirst().orElse(null);
    if (yearGroupId == null) {
      errors.rejectValue("yearGroupId", "required", "Select a year group");
    }
    Long classId = null;
    if (form.classId() != null && !form.classId().isBlank()) {
      var schoolClass = organisation.classes(schoolId).stream()
          .filter(c -> String.valueOf(c.id()).equals(form.classId())).findFirst().orElse(null);
      if (schoolClass == null || (yearGroupId != null && schoolClass.yearGroupId() != yearGroupId)) {
        errors.rejectValue("classId", "year", "Select a class in the pupil's year group, or no class");
      } else {
        classId = schoolClass.id();
      }
    }
    String sex = form.sex() == null || form.sex().isBlank() ? null : form.sex();
    if (sex != null && !sex.equals("F") && !sex.equals("M")) {
      errors.rejectValue("sex", "sex", "Select the pupil's sex");
    }
    for (String[] field : new String[][] {{"legalForename", form.legalForename()}, {"legalSurname",
        form.legalSurname()}, {"preferredForename", form.preferredForename()}, {"preferredSurname",
        form.preferredSurname()}}) {
      if (field[1] != null && field[1].length() > 100) {
        errors.rejectValue(field[0], "length", "Name must be 100 characters or fewer");
      }
    }
    if (form.virtualSchoolContact() != null && form.virtualSchoolContact().length() > 200) {
      errors.rejectValue("virtualSchoolContact", "length", "Virtual school contact must be 200 characters or fewer");
    }
    if (errors.hasErrors()) {
      return editPage(schoolId, pupil, form, model);
    }
    PupilRecords.Details changed = new PupilRecords.Details(pupilId, schoolId, form.legalForename().trim(),
        form.legalSurname().trim(), PupilQueries.blankToNull(form.preferredForename()),
        PupilQueries.blankToNull(form.preferredSurname()), born, sex, yearGroupId, classId, admitted, left,
        form.has("EAL"), form.has("PUPIL_PREMIUM"), form.has("FREE_SCHOOL_MEALS"), form.has("LOOKED_AFTER"),
        form.has("LOOKED_AFTER") ? PupilQueries.blankToNull(form.virtualSchoolContact()) : null,
        form.has("MEDICAL_CONDITION"), form.has("YOUNG_CARER"), form.has("SERVICE_CHILD"), form.version());
    if (!records.update(changed, permissions.current().email())) {
      model.addAttribute("concurrentEdit", ConcurrentEdit.MESSAGE);
      return editPage(schoolId, pupil, PupilForm.of(current), model);
    }
    audit.record(AuditAction.UPDATE, "pupil", pupilId, schoolId, null);
    flash.addFlashAttribute("success", "Pupil details saved");
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId;
  }

  @GetMapping("/{pupilId}/contacts/new")
  String newContact(@PathVariable long schoolId, @PathVariable long pupilId, Model model) {
    PupilSummary pupil = editable(schoolId, pupilId);
    return contactPage(schoolId, pupil, ContactForm.empty(), null, model);
  }

  @PostMapping("/{pupilId}/contacts/new")
  @Transactional
  String addContact(@PathVariable long schoolId, @PathVariable long pupilId,
      @ModelAttribute("contactForm") ContactForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = editable(schoolId, pupilId);
    PupilContact contact = contact(form, 0, pupilId, errors);
    if (errors.hasErrors()) {
      return contactPage(schoolId, pupil, form, null, model);
    }
    long id = records.addContact(pupilId, schoolId, contact, permissions.current().email());
    audit.record(AuditAction.CREATE, "pupil-contact", id, schoolId, "pupil " + pupilId);
    flash.addFlashAttribute("success", "Contact added");
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId;
  }

  @GetMapping("/{pupilId}/contacts/{contactId}/edit")
  @Transactional
  String editContact(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long contactId,
      Model model) {
    PupilSummary pupil = editable(schoolId, pupilId);
    PupilRecords.ContactDetails details = records.contact(contactId, pupilId)
        .orElseThrow(() -> new AccessRefused("contact"));
    audit.record(AuditAction.VIEW, "pupil-contact", contactId, schoolId, "edit");
    return contactPage(schoolId, pupil, ContactForm.of(details), contactId, model);
  }

  @PostMapping("/{pupilId}/contacts/{contactId}/edit")
  @Transactional
  String saveContact(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long contactId,
      @ModelAttribute("contactForm") ContactForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    PupilSummary pupil = editable(schoolId, pupilId);
    PupilRecords.ContactDetails current = records.contact(contactId, pupilId)
        .orElseThrow(() -> new AccessRefused("contact"));
    PupilContact contact = contact(form, contactId, pupilId, errors);
    if (errors.hasErrors()) {
      return contactPage(schoolId, pupil, form, contactId, model);
    }
    if (!records.updateContact(pupilId, schoolId, contact, form.version(), permissions.current().email())) {
      model.addAttribute("concurrentEdit", ConcurrentEdit.MESSAGE);
      return contactPage(schoolId, pupil, ContactForm.of(current), contactId, model);
    }
    audit.record(AuditAction.UPDATE, "pupil-contact", contactId, schoolId, "pupil " + pupilId);
    flash.addFlashAttribute("success", "Contact saved");
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId;
  }

  @PostMapping("/{pupilId}/contacts/{contactId}/remove")
  @Transactional
  String removeContact(@PathVariable long schoolId, @PathVariable long pupilId, @PathVariable long contactId,
      RedirectAttributes flash) {
    editable(schoolId, pupilId);
    if (!records.removeContact(pupilId, schoolId, contactId, permissions.current().email())) {
      throw new AccessRefused("contact " + contactId);
    }
    audit.record(AuditAction.DELETE, "pupil-contact", contactId, schoolId, "pupil " + pupilId);
    flash.addFlashAttribute("success", "Contact removed");
    return "redirect:/schools/" + schoolId + "/pupils/" + pupilId;
  }

  private PupilContact contact(ContactForm form, long id, long pupilId, BindingResult errors) {
    ContactRules.Typed typed = new ContactRules.Typed(PupilQueries.blankToNull(form.name()),
        PupilQueries.blankToNull(form.relationship()), PupilQueries.blankToNull(form.phone()),
        PupilQueries.blankToNull(form.email()), PupilQueries.blankToNull(form.preferredLanguage()),
        PupilQueries.blankToNull(form.addressLine1()), PupilQueries.blankToNull(form.addressLine2()),
        PupilQueries.blankToNull(form.town()), PupilQueries.blankToNull(form.postcode()));
    for (ContactRules.Problem problem : ContactRules.problems(typed)) {
      errors.rejectValue(problem.detail().field(), problem.detail().name(), problem.message());
    }
    if (form.parentalResponsibility() == null || form.parentalResponsibility().isBlank()) {
      errors.rejectValue("parentalResponsibility", "required", "Select whether they have parental responsibility");
    }
    return new PupilContact(id, pupilId, typed.name() == null ? "" : typed.name(),
        typed.relationship() == null ? "" : typed.relationship(), "yes".equals(form.parentalResponsibility()),
        typed.phone(), typed.email(), typed.preferredLanguage(), ContactRules.address(typed), 0);
  }

  private String contactPage(long schoolId, PupilSummary pupil, ContactForm form, @Nullable Long contactId,
      Model model) {
    model.addAttribute("school", school(schoolId));
    model.addAttribute("pupil", pupil);
    model.addAttribute("contactForm", form);
    model.addAttribute("contactId", contactId);
    model.addAttribute("yesNo", List.of(new Option("yes", "Yes"), new Option("no", "No")));
    return "pupils/contact";
  }

  private String editPage(long schoolId, PupilSummary pupil, PupilForm form, Model model) {
    model.addAttribute("school", school(schoolId));
    model.addAttribute("pupil", pupil);
    model.addAttribute("pupilForm", form);
    List<Option> years = new ArrayList<>();
    organisation.yearGroups(schoolId).forEach(y -> years.add(new Option(String.valueOf(y.id()), y.name())));
    List<Option> classes = new ArrayList<>();
    classes.add(new Option("", "No class"));
    organisation.classes(schoolId).forEach(c -> classes.add(new Option(String.valueOf(c.id()), c.name())));
    model.addAttribute("yearGroups", years);
    model.addAttribute("classes", classes);
    model.addAttribute("sexes", List.of(new Option("F", "Female"), new Option("M", "Male"),
        new Option("", "Not recorded")));
    model.addAttribute("allFlags", PupilFlag.values());
    return "pupils/edit";
  }

  private static void required(BindingResult errors, String field, @Nullable String value, String message) {
    if (value == null || value.isBlank()) {
      errors.rejectValue(field, "required", message);
    }
  }

  private static @Nullable LocalDate date(BindingResult errors, String field, @Nullable DateParts parts, String what,
      boolean required) {
    if (parts == null || parts.isBlank()) {
      if (required) {
        errors.rejectValue(field, "required", "Enter the " + what);
      }
      return null;
    }
    var problem = parts.problem(what);
    if (problem.isPresent()) {
      errors.rejectValue(field, "invalid", problem.get());
      return null;
    }
    return parts.toDate().orElse(null);
  }

  /** The pupil, when visible to the person and on the roll of the school in the address. */
  private PupilSummary pupilIn(long schoolId, long pupilId) {
    PupilSummary pupil = access.requireView(pupilId);
    return pupil.requireSchool(schoolId);
  }

  /** A pupil the person may see and whose record they may maintain (IMPORT_PUPILS: the school's record keepers). */
  private PupilSummary editable(long schoolId, long pupilId) {
    PupilSummary pupil = pupilIn(schoolId, pupilId);
    permissions.require(schoolId, Permission.IMPORT_PUPILS);
    return pupil;
  }

  private SchoolSummary school(long schoolId) {
    return organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }
}
