package org.senda.organisation.internal;

import java.util.List;
import org.senda.access.AccessRefused;
import org.senda.access.Permissions;
import org.senda.organisation.internal.OrganisationStore.PeriodKind;
import org.senda.web.ConcurrentEdit;
import org.senda.web.DateParts;
import org.senda.web.Option;
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
 * A school's academic years with their terms and holidays. Statutory deadlines and review cycles are counted
 * against these dates, so each school keeps its own (the defaults come from {@link EnglishSchoolYear}).
 */
@Controller
@RequestMapping("/schools/{schoolId}/calendar")
class CalendarController {

  record PeriodForm(Long academicYearId, String name, DateParts startsOn, DateParts endsOn, Integer version) {
  }

  private final Permissions permissions;
  private final SchoolAdministration administration;
  private final OrganisationPages pages;
  private final OrganisationStore store;
  private final java.time.Clock clock;

  CalendarController(Permissions permissions, SchoolAdministration administration, OrganisationPages pages,
      OrganisationStore store, java.time.Clock clock) {
    this.clock = clock;
    this.permissions = permissions;
    this.administration = administration;
    this.pages = pages;
    this.store = store;
  }

  @GetMapping
  String calendar(@PathVariable long schoolId, Model model) {
    permissions.requireSchool(schoolId);
    model.addAttribute("school", school(schoolId));
    model.addAttribute("years", pages.calendar(schoolId));
    model.addAttribute("canAdminister", administration.can(schoolId));
    model.addAttribute("nextYear", EnglishSchoolYear.label(pages.latestAcademicYear(schoolId)
        .orElse(EnglishSchoolYear.startYearOf(java.time.LocalDate.now(clock))) + 1));
    return "organisation/calendar";
  }

  /** Adds the academic year after the latest one, with the default English terms and holidays. */
  @PostMapping("/years")
  String addYear(@PathVariable long schoolId, RedirectAttributes flash) {
    administration.require(schoolId);
    int next = pages.latestAcademicYear(schoolId)
        .orElse(EnglishSchoolYear.startYearOf(java.time.LocalDate.now(clock)) - 1) + 1;
    store.createAcademicYear(schoolId, EnglishSchoolYear.starting(next));
    flash.addFlashAttribute("success", "Academic year " + EnglishSchoolYear.label(next)
        + " added with the usual terms and holidays for England. Check them against your local authority's dates.");
    return "redirect:/schools/" + schoolId + "/calendar";
  }

  @GetMapping("/{kind}/new")
  String newPeriod(@PathVariable long schoolId, @PathVariable String kind, @RequestParam long yearId, Model model) {
    administration.require(schoolId);
    var year = pages.academicYear(schoolId, yearId).orElseThrow(() -> new AccessRefused("academic year"));
    model.addAttribute("periodForm", new PeriodForm(year.id(), "", DateParts.of(null), DateParts.of(null), 0));
    return form(schoolId, kind(kind), null, model);
  }

  @PostMapping("/{kind}/new")
  String createPeriod(@PathVariable long schoolId, @PathVariable String kind,
      @ModelAttribute("periodForm") PeriodForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    PeriodKind periodKind = kind(kind);
    var year = pages.academicYear(schoolId, form.academicYearId() == null ? -1 : form.academicYearId())
        .orElseThrow(() -> new AccessRefused("academic year"));
    check(schoolId, periodKind, 0, year, form, errors);
    if (errors.hasErrors()) {
      return form(schoolId, periodKind, null, model);
    }
    store.createPeriod(periodKind, schoolId, year.id(), form.name().trim(), form.startsOn().toDate().orElseThrow(),
        form.endsOn().toDate().orElseThrow());
    flash.addFlashAttribute("success", capitalised(periodKind) + " added to " + year.label());
    return "redirect:/schools/" + schoolId + "/calendar";
  }

  @GetMapping("/{kind}/{periodId}/edit")
  String editPeriod(@PathVariable long schoolId, @PathVariable String kind, @PathVariable long periodId,
      Model model) {
    administration.require(schoolId);
    PeriodKind periodKind = kind(kind);
    var period = period(schoolId, periodKind, periodId);
    model.addAttribute("periodForm", new PeriodForm(period.academicYearId(), period.name(),
        DateParts.of(period.startsOn()), DateParts.of(period.endsOn()), period.version()));
    return form(schoolId, periodKind, period, model);
  }

  @PostMapping("/{kind}/{periodId}/edit")
  String savePeriod(@PathVariable long schoolId, @PathVariable String kind, @PathVariable long periodId,
      @ModelAttribute("periodForm") PeriodForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    PeriodKind periodKind = kind(kind);
    var period = period(schoolId, periodKind, periodId);
    var year = pages.academicYear(schoolId, period.academicYearId()).orElseThrow();
    check(schoolId, periodKind, periodId, year, form, errors);
    if (errors.hasErrors()) {
      return form(schoolId, periodKind, period, model);
    }
    if (!store.updatePeriod(periodKind, schoolId, periodId, form.version(), form.name().trim(),
        form.startsOn().toDate().orElseThrow(), form.endsOn().toDate().orElseThrow())) {
      return refused(schoolId, periodKind, periodId, form, errors, model);
    }
    flash.addFlashAttribute("success", capitalised(periodKind) + " saved");
    return "redirect:/schools/" + schoolId + "/calendar";
  }

  @PostMapping("/{kind}/{periodId}/delete")
  String deletePeriod(@PathVariable long schoolId, @PathVariable String kind, @PathVariable long periodId,
      @RequestParam(required = false) Integer version, RedirectAttributes flash) {
    administration.require(schoolId);
    PeriodKind periodKind = kind(kind);
    var period = period(schoolId, periodKind, periodId);
    if (version == null || !store.deletePeriod(periodKind, schoolId, periodId, version)) {
      flash.addFlashAttribute("important", ConcurrentEdit.MESSAGE);
      return "redirect:/schools/" + schoolId + "/calendar/" + kind + "/" + periodId + "/edit";
    }
    flash.addFlashAttribute("success", capitalised(periodKind) + " deleted: " + period.name());
    return "redirect:/schools/" + schoolId + "/calendar";
  }

  private String refused(long schoolId, PeriodKind kind, long periodId, PeriodForm form, BindingResult errors,
      Model model) {
    var latest = period(schoolId, kind, periodId);
    errors.reject("concurrent", ConcurrentEdit.MESSAGE);
    model.addAttribute("latestVersion", latest.version());
    model.addAttribute("latest", List.of(new Option("Name", latest.name()),
        new Option("Starts", OrganisationDates.format(latest.startsOn())),
        new Option("Ends", OrganisationDates.format(latest.endsOn()))));
    return form(schoolId, kind, latest, model);
  }

  /**
   * A term or holiday needs a name and real dates, the end not before the start, inside its academic year; terms
   * may not share a day with another term (a half term lies inside its term, so holidays may overlap terms).
   */
  private void check(long schoolId, PeriodKind kind, long periodId, OrganisationPages.AcademicYear year,
      PeriodForm form, BindingResult errors) {
    FormChecks.text(errors, "name", form.name(), 60, "Enter a name for the " + kind.noun,
        "The name must be 60 characters or fewer");
    DateParts start = form.startsOn() == null ? new DateParts(null, null, null) : form.startsOn();
    DateParts end = form.endsOn() == null ? new DateParts(null, null, null) : form.endsOn();
    start.problem("the date the " + kind.noun + " starts").ifPresent(m -> FormChecks.reject(errors, "startsOn", start, m));
    end.problem("the date the " + kind.noun + " ends").ifPresent(m -> FormChecks.reject(errors, "endsOn", end, m));
    if (errors.hasFieldErrors("startsOn") || errors.hasFieldErrors("endsOn")) {
      return;
    }
    var startsOn = start.toDate().orElseThrow();
    var endsOn = end.toDate().orElseThrow();
    if (startsOn.isBefore(year.startsOn()) || startsOn.isAfter(year.endsOn())) {
      FormChecks.reject(errors, "startsOn", start, "The date the " + kind.noun + " starts must be in the academic year "
          + year.label() + ", between " + OrganisationDates.format(year.startsOn()) + " and "
          + OrganisationDates.format(year.endsOn()));
    }
    if (endsOn.isBefore(startsOn)) {
      FormChecks.reject(errors, "endsOn", end, "The date the " + kind.noun + " ends must be the same as or after the date it starts");
    } else if (endsOn.isAfter(year.endsOn())) {
      FormChecks.reject(errors, "endsOn", end, "The date the " + kind.noun + " ends must be in the academic year "
          + year.label() + ", on or before " + OrganisationDates.format(year.endsOn()));
    }
    if (kind == PeriodKind.TERM && !errors.hasFieldErrors("startsOn") && !errors.hasFieldErrors("endsOn")) {
      var overlapping = pages.overlappingTerms(schoolId, periodId, startsOn, endsOn);
      if (!overlapping.isEmpty()) {
        var other = overlapping.getFirst();
        FormChecks.reject(errors, "startsOn", start, "The term must not overlap " + other.name() + " ("
            + OrganisationDates.format(other.startsOn()) + " to " + OrganisationDates.format(other.endsOn()) + ")");
      }
    }
  }

  private String form(long schoolId, PeriodKind kind, OrganisationPages.Period period, Model model) {
    model.addAttribute("school", school(schoolId));
    model.addAttribute("kind", kind == PeriodKind.TERM ? "terms" : "holidays");
    model.addAttribute("noun", kind.noun);
    model.addAttribute("period", period);
    return "organisation/period-form";
  }

  private OrganisationPages.Period period(long schoolId, PeriodKind kind, long periodId) {
    return pages.period(kind, schoolId, periodId).orElseThrow(() -> new AccessRefused(kind.noun + " " + periodId));
  }

  private OrganisationPages.SchoolRecord school(long schoolId) {
    return pages.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }

  private static PeriodKind kind(String kind) {
    return switch (kind) {
      case "terms" -> PeriodKind.TERM;
      case "holidays" -> PeriodKind.HOLIDAY;
      default -> throw new AccessRefused("calendar " + kind);
    };
  }

  private static String capitalised(PeriodKind kind) {
    return Character.toUpperCase(kind.noun.charAt(0)) + kind.noun.substring(1);
  }
}
