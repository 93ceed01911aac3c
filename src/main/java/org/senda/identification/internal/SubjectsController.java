package org.senda.identification.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.organisation.Organisation;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The SENCO's page for the school's subjects and how each is scored. */
@Controller
@RequestMapping("/schools/{schoolId}/identification/subjects")
class SubjectsController {

  private final Permissions permissions;
  private final SubjectSetup subjects;
  private final Organisation organisation;

  SubjectsController(Permissions permissions, SubjectSetup subjects, Organisation organisation) {
    this.permissions = permissions;
    this.subjects = subjects;
    this.organisation = organisation;
  }

  @GetMapping
  String list(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("subjects", subjects.all(schoolId));
    return "identification/subjects";
  }

  @GetMapping("/new")
  String newSubject(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    model.addAttribute("subjectForm", SubjectForm.blank());
    return form(schoolId, null, model);
  }

  @PostMapping("/new")
  String create(@PathVariable long schoolId, @ModelAttribute("subjectForm") SubjectForm form, BindingResult errors,
      Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    Set<String> codes = subjects.all(schoolId).stream().map(SubjectSetup.SubjectRow::code).collect(Collectors.toSet());
    form.problems(codes, true).forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
    if (errors.hasErrors()) {
      return form(schoolId, null, model);
    }
    subjects.create(schoolId, form);
    flash.addFlashAttribute("success", "Subject " + form.name().trim() + " added");
    return "redirect:/schools/" + schoolId + "/identification/subjects";
  }

  @GetMapping("/{subjectId}")
  String edit(@PathVariable long schoolId, @PathVariable long subjectId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    SubjectSetup.SubjectRow subject = existing(schoolId, subjectId);
    model.addAttribute("subjectForm", subject.form());
    return form(schoolId, subject, model);
  }

  @PostMapping("/{subjectId}")
  String update(@PathVariable long schoolId, @PathVariable long subjectId,
      @ModelAttribute("subjectForm") SubjectForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    SubjectSetup.SubjectRow subject = existing(schoolId, subjectId);
    form.problems(Set.of(), false).forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
    if (form.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    if (errors.hasErrors()) {
      return form(schoolId, subject, model);
    }
    try {
      subjects.update(schoolId, subjectId, form, form.version());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      SubjectSetup.SubjectRow latest = existing(schoolId, subjectId);
      model.addAttribute("latest", latest);
      return form(schoolId, latest, model);
    }
    flash.addFlashAttribute("success", "Subject " + form.name().trim() + " saved");
    return "redirect:/schools/" + schoolId + "/identification/subjects";
  }

  private SubjectSetup.SubjectRow existing(long schoolId, long subjectId) {
    return subjects.find(schoolId, subjectId).orElseThrow(() -> new AccessRefused("subject " + subjectId));
  }

  private String form(long schoolId, SubjectSetup.SubjectRow subject, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("subject", subject);
    model.addAttribute("scaleOptions", List.of(
        new Option("STANDARDISED", "Standardised scores (for example 70 to 140)"),
        new Option("SCALED", "Scaled scores (for example 80 to 120)"),
        new Option("STEPS", "The school's own steps (for example Working towards, Expected, Greater depth)")));
    model.addAttribute("activeOptions", List.of(new Option("true", "Yes, the school assesses this subject"),
        new Option("false", "No, stop using this subject (its scores are kept)")));
    return "identification/subject-form";
  }
}
