package org.senda.identification.internal;

import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.web.ConcurrentEdit;
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

/** The school's thresholds for the progress tests: the SENCO or headteacher may change the defaults. */
@Controller
@RequestMapping("/schools/{schoolId}/identification/settings")
class SettingsController {

  private final Permissions permissions;
  private final IdentificationSettings settings;
  private final Organisation organisation;
  private final Audit audit;

  SettingsController(
      Permissions permissions, IdentificationSettings settings, Organisation organisation, Audit audit) {
    this.permissions = permissions;
    this.settings = settings;
    this.organisation = organisation;
    this.audit = audit;
  }

  @GetMapping
  String form(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    model.addAttribute("settingsForm", SettingsForm.of(settings.thresholds(schoolId), settings.version(schoolId)));
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    return "identification/settings";
  }

  @PostMapping
  String save(
      @PathVariable long schoolId, @ModelAttribute("settingsForm") SettingsForm form, BindingResult errors,
      Model model, RedirectAttributes flash) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    form.problems().forEach(p -> errors.rejectValue(p.field(), "invalid", p.message()));
    if (errors.hasErrors()) {
      model.addAttribute("school", organisation.school(schoolId).orElseThrow());
      return "identification/settings";
    }
    try {
      settings.save(schoolId, form.thresholds(), form.version() == null ? 0 : form.version());
    } catch (OptimisticLockingFailureException e) {
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      model.addAttribute("school", organisation.school(schoolId).orElseThrow());
      model.addAttribute("latest", SettingsForm.of(settings.thresholds(schoolId), settings.version(schoolId)));
      return "identification/settings";
    }
    audit.record(AuditAction.UPDATE, "identification-settings", schoolId, schoolId, null);
    flash.addFlashAttribute("success", "Thresholds saved");
    return "redirect:/schools/" + schoolId + "/identification";
  }
}
