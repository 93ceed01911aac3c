package org.senda.organisation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
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

/** A school's overview (its landing page) and its details. */
@Controller
@RequestMapping("/schools/{schoolId}")
class SchoolController {

  private final Permissions permissions;
  private final SchoolAdministration administration;
  private final OrganisationPages pages;
  private final OrganisationStore store;
  private final SchoolForms forms;
  private final Clock clock;

  SchoolController(Permissions permissions, SchoolAdministration administration, OrganisationPages pages,
      OrganisationStore store, SchoolForms forms, Clock clock) {
    this.permissions = permissions;
    this.administration = administration;
    this.pages = pages;
    this.store = store;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String overview(@PathVariable long schoolId, Model model) {
    permissions.requireSchool(schoolId);
    LocalDate today = LocalDate.now(clock);
    model.addAttribute("school", school(schoolId));
    model.addAttribute("overview", pages.overview(schoolId, today));
    model.addAttribute("canAdminister", administration.can(schoolId));
    model.addAttribute("canViewStaff", permissions.can(schoolId, Permission.VIEW_STAFF));
    return "organisation/school";
  }

  @GetMapping("/edit")
  String edit(@PathVariable long schoolId, Model model) {
    administration.require(schoolId);
    var school = school(schoolId);
    model.addAttribute("school", school);
    model.addAttribute("schoolForm", SchoolForms.SchoolForm.of(school));
    model.addAttribute("phases", SchoolForms.phases());
    return "organisation/school-form";
  }

  @PostMapping("/edit")
  String save(@PathVariable long schoolId, @ModelAttribute("schoolForm") SchoolForms.SchoolForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    var school = school(schoolId);
    model.addAttribute("school", school);
    model.addAttribute("phases", SchoolForms.phases());
    var details = forms.check(form, errors, schoolId, false);
    if (errors.hasErrors() || details == null) {
      return "organisation/school-form";
    }
    if (!store.updateSchool(schoolId, form.version(), details)) {
      var latest = school(schoolId);
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      model.addAttribute("latestVersion", latest.version());
      model.addAttribute("latest", List.of(new Option("Name", latest.name()), new Option("URN", latest.urn()),
          new Option("DfE number", latest.dfeNumber()), new Option("Phase", latest.phase().title()),
          new Option("Local authority", latest.localAuthority())));
      return "organisation/school-form";
    }
    flash.addFlashAttribute("success", "School details saved");
    return "redirect:/schools/" + schoolId;
  }

  private OrganisationPages.SchoolRecord school(long schoolId) {
    return pages.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }
}
