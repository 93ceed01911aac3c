package org.senda.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.senda.access.AccessRefused;
import org.senda.access.Permissions;
import org.senda.organisation.ClassPageLinks;
import org.senda.web.ConcurrentEdit;
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
 * A school's year groups and classes, and who teaches or supports each class: the basis of a teacher's and a
 * teaching assistant's need to know about pupils.
 */
@Controller
@RequestMapping("/schools/{schoolId}")
class ClassController {

  record ClassForm(String name, String yearGroupId, List<String> staffIds, Integer version) {

    List<String> staff() {
      return staffIds == null ? List.of() : staffIds;
    }
  }

  record YearGroupForm(String code, String name, String ordinal, Integer version) {
  }

  private final Permissions permissions;
  private final SchoolAdministration administration;
  private final OrganisationPages pages;
  private final OrganisationStore store;
  private final List<ClassPageLinks> classLinks;

  ClassController(Permissions permissions, SchoolAdministration administration, OrganisationPages pages,
      OrganisationStore store, List<ClassPageLinks> classLinks) {
    this.permissions = permissions;
    this.administration = administration;
    this.pages = pages;
    this.store = store;
    this.classLinks = classLinks;
  }

  @GetMapping("/classes")
  String classes(@PathVariable long schoolId, Model model) {
    permissions.requireSchool(schoolId);
    model.addAttribute("school", pages.existingSchool(schoolId));
    var classes = pages.classes(schoolId);
    model.addAttribute("classes", classes);
    java.util.Map<Long, List<org.senda.web.NavigationItem>> links = new java.util.HashMap<>();
    var ids = classes.stream().map(OrganisationPages.ClassRow::id).toList();
    for (ClassPageLinks module : classLinks) {
      module.links(schoolId, ids).forEach((id, items) -> links.computeIfAbsent(id, k -> new ArrayList<>()).addAll(items));
    }
    model.addAttribute("classLinks", links);
    model.addAttribute("canAdminister", administration.can(schoolId));
    return "organisation/classes";
  }

  @GetMapping("/classes/new")
  String newClass(@PathVariable long schoolId, Model model) {
    administration.require(schoolId);
    model.addAttribute("classForm", new ClassForm("", "", List.of(), 0));
    return classForm(schoolId, null, model);
  }

  @PostMapping("/classes/new")
  String createClass(@PathVariable long schoolId, @ModelAttribute ClassForm classForm, BindingResult errors,
      Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    var checked = check(schoolId, 0, classForm, errors);
    if (errors.hasErrors()) {
      return classForm(schoolId, null, model);
    }
    store.createClass(schoolId, checked.yearGroupId(), classForm.name().trim(), checked.staffIds());
    flash.addFlashAttribute("success", "Class " + classForm.name().trim() + " added");
    return "redirect:/schools/" + schoolId + "/classes";
  }

  @GetMapping("/classes/{classId}/edit")
  String editClass(@PathVariable long schoolId, @PathVariable long classId, Model model) {
    administration.require(schoolId);
    var schoolClass = schoolClass(schoolId, classId);
    model.addAttribute("classForm", new ClassForm(schoolClass.name(), String.valueOf(schoolClass.yearGroupId()),
        pages.staffOfClass(classId).stream().map(String::valueOf).toList(), schoolClass.version()));
    return classForm(schoolId, schoolClass, model);
  }

  @PostMapping("/classes/{classId}/edit")
  String saveClass(@PathVariable long schoolId, @PathVariable long classId, @ModelAttribute ClassForm classForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    var schoolClass = schoolClass(schoolId, classId);
    var checked = check(schoolId, classId, classForm, errors);
    if (errors.hasErrors()) {
      return classForm(schoolId, schoolClass, model);
    }
    if (!store.updateClass(schoolId, classId, classForm.version(), checked.yearGroupId(), classForm.name().trim(),
        checked.staffIds())) {
      var latest = schoolClass(schoolId, classId);
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      model.addAttribute("latestVersion", latest.version());
      model.addAttribute("latest", List.of(new Option("Name", latest.name()),
          new Option("Year group", latest.yearGroup())));
      return classForm(schoolId, latest, model);
    }
    flash.addFlashAttribute("success", "Class " + classForm.name().trim() + " saved");
    return "redirect:/schools/" + schoolId + "/classes";
  }

  private record CheckedClass(long yearGroupId, List<Long> staffIds) {}

  private CheckedClass check(long schoolId, long classId, ClassForm form, BindingResult errors) {
    FormChecks.text(errors, "name", form.name(), 60, "Enter the name of the class",
        "The name of the class must be 60 characters or fewer");
    if (!errors.hasFieldErrors("name") && pages.classNameTaken(schoolId, form.name().trim(), classId)) {
      FormChecks.reject(errors, "name", form.name(), "The school already has a class with this name");
    }
    long yearGroupId = -1;
    Set<Long> yearGroups = pages.yearGroups(schoolId).stream().map(OrganisationPages.YearGroupRow::id)
        .collect(Collectors.toSet());
    try {
      yearGroupId = Long.parseLong(FormChecks.trim(form.yearGroupId()));
    } catch (NumberFormatException e) {
      yearGroupId = -1;
    }
    if (!yearGroups.contains(yearGroupId)) {
      FormChecks.reject(errors, "yearGroupId", form.yearGroupId(), "Select the year group of the class");
    }
    Set<Long> allowed = pages.classStaffChoices(schoolId).stream().map(OrganisationPages.StaffChoice::id)
        .collect(Collectors.toSet());
    List<Long> staffIds = new ArrayList<>();
    for (String value : form.staff()) {
      try {
        long id = Long.parseLong(value);
        if (allowed.contains(id) && !staffIds.contains(id)) {
          staffIds.add(id);
          continue;
        }
      } catch (NumberFormatException e) {
        // falls through to the message below
      }
      FormChecks.reject(errors, "staffIds", form.staffIds(), "Select teachers and teaching assistants of this school");
      break;
    }
    if (classId != 0 && form.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    return new CheckedClass(yearGroupId, staffIds);
  }

  private String classForm(long schoolId, OrganisationPages.ClassRow schoolClass, Model model) {
    model.addAttribute("school", pages.existingSchool(schoolId));
    model.addAttribute("schoolClass", schoolClass);
    List<Option> yearGroups = new ArrayList<>();
    yearGroups.add(new Option("", "Select a year group"));
    pages.yearGroups(schoolId).forEach(y -> yearGroups.add(new Option(String.valueOf(y.id()), y.name())));
    model.addAttribute("yearGroups", yearGroups);
    model.addAttribute("staffChoices", pages.classStaffChoices(schoolId).stream()
        .map(s -> new Option(String.valueOf(s.id()), s.name() + " (" + s.roles() + ")")).toList());
    return "organisation/class-form";
  }

  @GetMapping("/year-groups")
  String yearGroups(@PathVariable long schoolId, Model model) {
    administration.require(schoolId);
    model.addAttribute("school", pages.existingSchool(schoolId));
    model.addAttribute("yearGroups", pages.yearGroups(schoolId));
    return "organisation/year-groups";
  }

  @GetMapping("/year-groups/new")
  String newYearGroup(@PathVariable long schoolId, Model model) {
    administration.require(schoolId);
    model.addAttribute("yearGroupForm", new YearGroupForm("", "", "", 0));
    return yearGroupForm(schoolId, null, model);
  }

  @PostMapping("/year-groups/new")
  String createYearGroup(@PathVariable long schoolId, @ModelAttribute YearGroupForm yearGroupForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    int ordinal = check(schoolId, 0, yearGroupForm, errors);
    if (errors.hasErrors()) {
      return yearGroupForm(schoolId, null, model);
    }
    store.createYearGroup(schoolId, yearGroupForm.code().trim().toUpperCase(java.util.Locale.ROOT),
        yearGroupForm.name().trim(), ordinal);
    flash.addFlashAttribute("success", "Year group " + yearGroupForm.name().trim() + " added");
    return "redirect:/schools/" + schoolId + "/year-groups";
  }

  @GetMapping("/year-groups/{yearGroupId}/edit")
  String editYearGroup(@PathVariable long schoolId, @PathVariable long yearGroupId, Model model) {
    administration.require(schoolId);
    var yearGroup = yearGroup(schoolId, yearGroupId);
    model.addAttribute("yearGroupForm", new YearGroupForm(yearGroup.code(), yearGroup.name(),
        String.valueOf(yearGroup.ordinal()), yearGroup.version()));
    return yearGroupForm(schoolId, yearGroup, model);
  }

  @PostMapping("/year-groups/{yearGroupId}/edit")
  String saveYearGroup(@PathVariable long schoolId, @PathVariable long yearGroupId,
      @ModelAttribute YearGroupForm yearGroupForm, BindingResult errors, Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    var yearGroup = yearGroup(schoolId, yearGroupId);
    int ordinal = check(schoolId, yearGroupId, yearGroupForm, errors);
    if (errors.hasErrors()) {
      return yearGroupForm(schoolId, yearGroup, model);
    }
    if (!store.updateYearGroup(schoolId, yearGroupId, yearGroupForm.version(),
        yearGroupForm.code().trim().toUpperCase(java.util.Locale.ROOT), yearGroupForm.name().trim(), ordinal)) {
      var latest = yearGroup(schoolId, yearGroupId);
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      model.addAttribute("latestVersion", latest.version());
      model.addAttribute("latest", List.of(new Option("Code", latest.code()), new Option("Name", latest.name()),
          new Option("National Curriculum year", String.valueOf(latest.ordinal()))));
      return yearGroupForm(schoolId, latest, model);
    }
    flash.addFlashAttribute("success", "Year group " + yearGroupForm.name().trim() + " saved");
    return "redirect:/schools/" + schoolId + "/year-groups";
  }

  private int check(long schoolId, long yearGroupId, YearGroupForm form, BindingResult errors) {
    String code = FormChecks.trim(form.code());
    if (code.isEmpty()) {
      FormChecks.reject(errors, "code", form.code(), "Enter a short code for the year group, like Y3");
    } else if (!code.matches("[A-Za-z0-9]{1,3}")) {
      FormChecks.reject(errors, "code", form.code(), "The code must be 1 to 3 letters or numbers, like Y3 or R");
    } else if (pages.yearGroupCodeTaken(schoolId, code, yearGroupId)) {
      FormChecks.reject(errors, "code", form.code(), "The school already has a year group with this code");
    }
    FormChecks.text(errors, "name", form.name(), 40, "Enter the name of the year group",
        "The name of the year group must be 40 characters or fewer");
    int ordinal = 0;
    try {
      ordinal = Integer.parseInt(FormChecks.trim(form.ordinal()));
      if (ordinal < -1 || ordinal > 14) {
        FormChecks.reject(errors, "ordinal", form.ordinal(),
            "The National Curriculum year must be between -1 (nursery) and 14");
      }
    } catch (NumberFormatException e) {
      FormChecks.reject(errors, "ordinal", form.ordinal(), FormChecks.blank(form.ordinal())
          ? "Enter the National Curriculum year"
          : "The National Curriculum year must be a whole number, like 3");
    }
    if (yearGroupId != 0 && form.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    return ordinal;
  }

  private String yearGroupForm(long schoolId, OrganisationPages.YearGroupRow yearGroup, Model model) {
    model.addAttribute("school", pages.existingSchool(schoolId));
    model.addAttribute("yearGroup", yearGroup);
    return "organisation/year-group-form";
  }

  private OrganisationPages.YearGroupRow yearGroup(long schoolId, long yearGroupId) {
    return pages.yearGroup(schoolId, yearGroupId).orElseThrow(() -> new AccessRefused("year group " + yearGroupId));
  }

  private OrganisationPages.ClassRow schoolClass(long schoolId, long classId) {
    return pages.schoolClass(schoolId, classId).orElseThrow(() -> new AccessRefused("class " + classId));
  }

}
