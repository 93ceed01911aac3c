package org.senda.provision.internal;

import org.jspecify.annotations.Nullable;
import org.senda.access.Permissions;
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

/**
 * The trust's shared intervention catalogue: entries every school of the trust sees and may run groups of, kept by
 * the trust SEND lead. Schools see them read-only and copy one to their own catalogue when they need a variant.
 */
@Controller
@RequestMapping("/trust/provision/interventions")
class TrustCatalogueController {

  private static final String BASE = "/trust/provision/interventions";

  private final ProvisionService provision;
  private final Organisation organisation;
  private final Permissions permissions;

  TrustCatalogueController(ProvisionService provision, Organisation organisation, Permissions permissions) {
    this.provision = provision;
    this.organisation = organisation;
    this.permissions = permissions;
  }

  private String trustName() {
    return organisation.trustName(permissions.current().trustId()).orElse("Trust");
  }

  @GetMapping
  String catalogue(Model model) {
    model.addAttribute("interventions", provision.trustCatalogue());
    model.addAttribute("trustName", trustName());
    return "provision/trust-interventions";
  }

  @GetMapping("/new")
  String newIntervention(Model model) {
    provision.trustCatalogue();
    return form(null, InterventionForm.empty(), model);
  }

  private String form(@Nullable Long id, InterventionForm form, Model model) {
    model.addAttribute("interventionForm", form);
    model.addAttribute("interventionId", id);
    model.addAttribute("areas", ProvisionController.AREAS);
    model.addAttribute("roles", ProvisionController.ROLES);
    model.addAttribute("owner", trustName());
    model.addAttribute("ownerNote", "Shared across the trust: every school sees this entry and may run groups of "
        + "it, but cannot change it.");
    model.addAttribute("backHref", BASE);
    model.addAttribute("formAction", id == null ? BASE : BASE + "/" + id);
    return "provision/intervention-form";
  }

  private void check(InterventionForm form, BindingResult errors) {
    ProvisionController.reject(errors, form.problems());
    try {
      provision.checkTrustIntervention(form.draft());
    } catch (ProvisionInvalid e) {
      ProvisionController.reject(errors, e.errors());
    }
  }

  @PostMapping
  String add(@ModelAttribute("interventionForm") InterventionForm form, BindingResult errors, Model model,
      RedirectAttributes flash) {
    check(form, errors);
    if (!errors.hasErrors()) {
      try {
        Intervention added = provision.addTrustIntervention(form.draft());
        flash.addFlashAttribute("success", added.name() + " added to the trust's catalogue");
        return "redirect:" + BASE;
      } catch (ProvisionInvalid e) {
        ProvisionController.reject(errors, e.errors());
      }
    }
    return form(null, form, model);
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    return form(id, InterventionForm.of(provision.trustIntervention(id)), model);
  }

  @PostMapping("/{id}")
  String update(@PathVariable long id, @ModelAttribute("interventionForm") InterventionForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    provision.trustIntervention(id);
    check(form, errors);
    if (!errors.hasErrors()) {
      try {
        Intervention saved = provision.updateTrustIntervention(id, form.version() == null ? -1 : form.version(),
            form.draft());
        flash.addFlashAttribute("success", saved.name() + " saved");
        return "redirect:" + BASE;
      } catch (ProvisionInvalid e) {
        ProvisionController.reject(errors, e.errors());
      } catch (OptimisticLockingFailureException e) {
        errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      }
    }
    return form(id, form, model);
  }
}
