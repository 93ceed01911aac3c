package org.senda.agencies.internal;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.web.ConcurrentEdit;
import org.senda.web.Option;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory of professionals and services: read by staff who work with pupils, kept by the SENCO and office. */
@Controller
class AgencyController {

  private final AgencyAccess access;
  private final AgencyDirectory directory;
  private final Organisation organisation;
  private final Audit audit;

  AgencyController(AgencyAccess access, AgencyDirectory directory, Organisation organisation, Audit audit) {
    this.access = access;
    this.directory = directory;
    this.organisation = organisation;
    this.audit = audit;
  }

  @GetMapping("/schools/{schoolId}/agencies")
  @Transactional
  String list(@PathVariable long schoolId, @RequestParam(required = false) @Nullable String type, Model model) {
    access.requireDirectory(schoolId);
    SchoolSummary school = school(schoolId);
    ServiceType filter = ServiceType.parse(type).orElse(null);
    model.addAttribute("school", school);
    model.addAttribute("agencies", directory.list(schoolId, school.trustId(), filter, false));
    model.addAttribute("type", filter == null ? "" : filter.name());
    List<Option> types = new ArrayList<>();
    types.add(new Option("", "All services"));
    types.addAll(typeOptions());
    model.addAttribute("typeOptions", types);
    model.addAttribute("canEdit", access.canEditDirectory(schoolId));
    model.addAttribute("canSeeReferrals", access.canReadReferrals(schoolId));
    audit.record(AuditAction.VIEW, "agency", null, schoolId, filter == null ? null : "type " + filter.name());
    return "agencies/directory";
  }

  @GetMapping("/schools/{schoolId}/agencies/new")
  String addForm(@PathVariable long schoolId, Model model) {
    access.requireDirectoryEdit(schoolId);
    model.addAttribute("agencyForm", AgencyForm.empty());
    return form(model, schoolId, null);
  }

  @PostMapping("/schools/{schoolId}/agencies")
  String add(@PathVariable long schoolId, @Valid @ModelAttribute("agencyForm") AgencyForm form, BindingResult errors,
      Model model, RedirectAttributes flash) {
    access.requireDirectoryEdit(schoolId);
    checkType(form, errors);
    if (errors.hasErrors()) {
      return form(model, schoolId, null);
    }
    directory.add(schoolId, school(schoolId).trustId(), form);
    flash.addFlashAttribute("success", form.serviceName().strip() + " added to the directory.");
    return "redirect:/schools/" + schoolId + "/agencies";
  }

  @GetMapping("/schools/{schoolId}/agencies/{agencyId}/edit")
  String editForm(@PathVariable long schoolId, @PathVariable long agencyId, Model model) {
    access.requireDirectoryEdit(schoolId);
    AgencyDirectory.Agency agency = agencyIn(schoolId, agencyId);
    model.addAttribute("agencyForm", AgencyForm.of(agency));
    return form(model, schoolId, agency);
  }

  @PostMapping("/schools/{schoolId}/agencies/{agencyId}")
  String edit(@PathVariable long schoolId, @PathVariable long agencyId,
      @Valid @ModelAttribute("agencyForm") AgencyForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    access.requireDirectoryEdit(schoolId);
    AgencyDirectory.Agency agency = agencyIn(schoolId, agencyId);
    checkType(form, errors);
    if (errors.hasErrors()) {
      return form(model, schoolId, agency);
    }
    try {
      directory.update(agency, schoolId, form);
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      return form(model, schoolId, directory.find(agencyId).orElseThrow());
    }
    flash.addFlashAttribute("success", "Changes to " + form.serviceName().strip() + " saved.");
    return "redirect:/schools/" + schoolId + "/agencies";
  }

  @PostMapping("/schools/{schoolId}/agencies/{agencyId}/deactivate")
  String deactivate(@PathVariable long schoolId, @PathVariable long agencyId, @RequestParam int version,
      RedirectAttributes flash) {
    access.requireDirectoryEdit(schoolId);
    AgencyDirectory.Agency agency = agencyIn(schoolId, agencyId);
    try {
      directory.deactivate(agency, schoolId, version);
      flash.addFlashAttribute("success", agency.label() + " removed from the directory. Past referrals still show it.");
    } catch (OptimisticLockingFailureException e) {
      flash.addFlashAttribute("important", ConcurrentEdit.MESSAGE);
    }
    return "redirect:/schools/" + schoolId + "/agencies";
  }

  static List<Option> typeOptions() {
    return Arrays.stream(ServiceType.values()).map(t -> new Option(t.name(), t.title())).toList();
  }

  private static void checkType(AgencyForm form, BindingResult errors) {
    if (form.serviceType() != null && !form.serviceType().isBlank() && ServiceType.parse(form.serviceType()).isEmpty()) {
      errors.rejectValue("serviceType", "unknown", "Select the type of service from the list");
    }
  }

  private AgencyDirectory.Agency agencyIn(long schoolId, long agencyId) {
    SchoolSummary school = school(schoolId);
    return directory.find(agencyId).filter(a -> a.active() && a.visibleIn(schoolId, school.trustId()))
        .orElseThrow(() -> new AccessRefused("agency " + agencyId + " in school " + schoolId));
  }

  private SchoolSummary school(long schoolId) {
    return organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
  }

  private String form(Model model, long schoolId, AgencyDirectory.@Nullable Agency agency) {
    model.addAttribute("school", school(schoolId));
    model.addAttribute("agency", agency);
    List<Option> types = new ArrayList<>();
    types.add(new Option("", "Select the type of service"));
    types.addAll(typeOptions());
    model.addAttribute("typeOptions", types);
    return "agencies/agency-form";
  }
}
