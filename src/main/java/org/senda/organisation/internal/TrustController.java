package org.senda.organisation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.organisation.Phase;
import org.senda.organisation.SchoolSummary;
import org.senda.web.ConcurrentEdit;
import org.senda.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The start page, the trust page with its schools, the trust's details and adding a school. */
@Controller
class TrustController {

  record TrustForm(String name, String companiesHouseNumber, Integer version) {}

  private final Permissions permissions;
  private final OrganisationQueries queries;
  private final OrganisationPages pages;
  private final OrganisationStore store;
  private final SchoolForms schoolForms;
  private final Clock clock;

  TrustController(Permissions permissions, OrganisationQueries queries, OrganisationPages pages,
      OrganisationStore store, SchoolForms schoolForms, Clock clock) {
    this.permissions = permissions;
    this.queries = queries;
    this.pages = pages;
    this.store = store;
    this.schoolForms = schoolForms;
    this.clock = clock;
  }

  /** The start page: a person with one school goes straight to it; others choose. */
  @GetMapping("/")
  String home(Model model) {
    SendaUser user = permissions.current();
    List<SchoolSummary> schools = queries.schools(user.visibleSchoolIds());
    if (schools.size() == 1 && user.trustRoles().isEmpty()) {
      return "redirect:/schools/" + schools.getFirst().id();
    }
    model.addAttribute("schools", schools);
    model.addAttribute("trustName", queries.trustName(user.trustId()).orElse(""));
    return "organisation/home";
  }

  @GetMapping("/trust")
  String trust(Model model) {
    SendaUser user = permissions.requireAcrossTrust(Permission.VIEW_SCHOOL);
    model.addAttribute("trust", pages.trust(user.trustId()).orElseThrow(() -> new AccessRefused("trust")));
    model.addAttribute("schools", pages.schoolsOfTrust(user.trustId()));
    model.addAttribute("canAdminister", permissions.canAcrossTrust(Permission.ADMINISTER_TRUST));
    return "organisation/trust";
  }

  @GetMapping("/trust/edit")
  String editTrust(Model model) {
    var trust = administeredTrust();
    model.addAttribute("trustForm", new TrustForm(trust.name(), nullToEmpty(trust.companiesHouseNumber()),
        trust.version()));
    return "organisation/trust-form";
  }

  @PostMapping("/trust/edit")
  String saveTrust(@ModelAttribute TrustForm trustForm, BindingResult errors, Model model,
      RedirectAttributes flash) {
    var trust = administeredTrust();
    FormChecks.text(errors, "name", trustForm.name(), 200, "Enter the name of the trust",
        "The name of the trust must be 200 characters or fewer");
    String number = FormChecks.trim(trustForm.companiesHouseNumber()).toUpperCase(java.util.Locale.ROOT);
    if (!number.isEmpty() && !FormChecks.isCompanyNumber(number)) {
      FormChecks.reject(errors, "companiesHouseNumber", trustForm.companiesHouseNumber(),
          "Enter a Companies House number in the correct format, like 09876543");
    }
    if (trustForm.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    if (errors.hasErrors()) {
      return "organisation/trust-form";
    }
    if (!store.updateTrust(trust.id(), trustForm.version(), trustForm.name().trim(), number.isEmpty() ? null : number)) {
      var latest = pages.trust(trust.id()).orElseThrow();
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      model.addAttribute("latestVersion", latest.version());
      model.addAttribute("latest", List.of(new Option("Name", latest.name()),
          new Option("Companies House number", nullToEmpty(latest.companiesHouseNumber()))));
      return "organisation/trust-form";
    }
    flash.addFlashAttribute("success", "Trust details saved");
    return "redirect:/trust";
  }

  @GetMapping("/trust/schools/new")
  String newSchool(Model model) {
    administeredTrust();
    model.addAttribute("schoolForm", SchoolForms.SchoolForm.empty());
    model.addAttribute("phases", SchoolForms.phases());
    model.addAttribute("extraYears", SchoolForms.extraYears());
    return "organisation/school-form";
  }

  @PostMapping("/trust/schools/new")
  String createSchool(@ModelAttribute("schoolForm") SchoolForms.SchoolForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    var trust = administeredTrust();
    var details = schoolForms.check(form, errors, 0L, true);
    if (errors.hasErrors() || details == null) {
      model.addAttribute("phases", SchoolForms.phases());
      model.addAttribute("extraYears", SchoolForms.extraYears());
      return "organisation/school-form";
    }
    int current = EnglishSchoolYear.startYearOf(LocalDate.now(clock));
    long schoolId = store.createSchool(trust.id(), details, "NURSERY".equals(form.extraYears()),
        "SIXTH_FORM".equals(form.extraYears()), List.of(current, current + 1));
    flash.addFlashAttribute("success", details.name() + " added, with its year groups and the default calendar "
        + "for this academic year and next");
    return "redirect:/schools/" + schoolId;
  }

  private OrganisationPages.TrustRecord administeredTrust() {
    SendaUser user = permissions.requireAcrossTrust(Permission.ADMINISTER_TRUST);
    return pages.trust(user.trustId()).orElseThrow(() -> new AccessRefused("trust"));
  }

  static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  static List<Option> phaseOptions() {
    return java.util.Arrays.stream(Phase.values()).map(p -> new Option(p.name(), p.title())).toList();
  }
}
