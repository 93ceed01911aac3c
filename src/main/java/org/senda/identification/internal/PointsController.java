package org.senda.identification.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
import org.senda.web.ConcurrentEdit;
import org.senda.web.DateParts;
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

/** The school's assessment points, tied to its terms: once a term or twice, each named and dated by the SENCO. */
@Controller
@RequestMapping("/schools/{schoolId}/identification/points")
class PointsController {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

  private final Permissions permissions;
  private final PointSetup points;
  private final AssessmentSetup setup;
  private final Organisation organisation;

  PointsController(Permissions permissions, PointSetup points, AssessmentSetup setup, Organisation organisation) {
    this.permissions = permissions;
    this.points = points;
    this.setup = setup;
    this.organisation = organisation;
  }

  @GetMapping
  String list(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("points", points.all(schoolId));
    model.addAttribute("cadence", setup.cadence(schoolId));
    model.addAttribute("cadenceOptions", List.of(new Option("TERMLY", "Once a term"),
        new Option("HALF_TERMLY", "Twice a term (half-termly)")));
    return "identification/points";
  }

  @PostMapping("/generate")
  String generate(@PathVariable long schoolId, @RequestParam(defaultValue = "") String cadence,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    if (!cadence.equals("TERMLY") && !cadence.equals("HALF_TERMLY")) {
      flash.addFlashAttribute("important", "Select how often the school assesses");
      return "redirect:/schools/" + schoolId + "/identification/points";
    }
    if (!cadence.equals(setup.cadence(schoolId)) && !setup.points(schoolId).isEmpty()) {
      flash.addFlashAttribute("important", "The school already has assessment points "
          + ("TERMLY".equals(setup.cadence(schoolId)) ? "once a term" : "twice a term")
          + ": how often it assesses can only be chosen before the first points are added");
      return "redirect:/schools/" + schoolId + "/identification/points";
    }
    int added = points.generate(schoolId, cadence);
    flash.addFlashAttribute("success", added == 0 ? "Every term already has its assessment points"
        : added + (added == 1 ? " assessment point" : " assessment points") + " added");
    return "redirect:/schools/" + schoolId + "/identification/points";
  }

  @GetMapping("/{pointId}")
  String edit(@PathVariable long schoolId, @PathVariable long pointId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PointSetup.PointRow point = existing(schoolId, pointId);
    model.addAttribute("pointForm", new PointForm(point.label(), DateParts.of(point.assessedOn()), point.version()));
    return form(schoolId, point, model);
  }

  @PostMapping("/{pointId}")
  String update(@PathVariable long schoolId, @PathVariable long pointId,
      @ModelAttribute("pointForm") PointForm form, BindingResult errors, Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    PointSetup.PointRow point = existing(schoolId, pointId);
    String label = form.label() == null ? "" : form.label().trim();
    if (label.isEmpty()) {
      errors.rejectValue("label", "invalid", "Enter a name for the assessment point");
    } else if (label.length() > 60) {
      errors.rejectValue("label", "invalid", "The name must be 60 characters or fewer");
    } else if (points.labelTaken(schoolId, pointId, label)) {
      errors.rejectValue("label", "invalid", "Another assessment point is called " + label + ": choose another name");
    }
    DateParts date = Objects.requireNonNull(form.assessedOn());
    date.problem("the date of the assessment").ifPresentOrElse(
        p -> errors.rejectValue("assessedOn", "invalid", p),
        () -> {
          LocalDate on = date.toDate().orElseThrow();
          if (point.termStarts() != null && point.termEnds() != null
              && (on.isBefore(point.termStarts()) || on.isAfter(point.termEnds()))) {
            errors.rejectValue("assessedOn", "invalid", "The date must be within " + point.term() + ", from "
                + DAY.format(point.termStarts()) + " to " + DAY.format(point.termEnds()));
          }
        });
    if (form.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    if (errors.hasErrors()) {
      return form(schoolId, point, model);
    }
    try {
      points.update(schoolId, pointId, label, date.toDate().orElseThrow(), form.version());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      PointSetup.PointRow latest = existing(schoolId, pointId);
      model.addAttribute("latest", latest);
      return form(schoolId, latest, model);
    }
    flash.addFlashAttribute("success", "Assessment point " + label + " saved");
    return "redirect:/schools/" + schoolId + "/identification/points";
  }

  private PointSetup.PointRow existing(long schoolId, long pointId) {
    return points.find(schoolId, pointId).orElseThrow(() -> new AccessRefused("point " + pointId));
  }

  private String form(long schoolId, PointSetup.PointRow point, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("point", point);
    return "identification/point-form";
  }
}
