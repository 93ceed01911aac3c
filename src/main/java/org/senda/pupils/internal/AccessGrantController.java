package org.senda.pupils.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.web.Option;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The headteacher's page for pupil-level access by trust staff: the trust SEND lead sees aggregates only until the
 * headteacher grants access to the school's pupils, for a reason and until a date (UK GDPR Art. 5(1)(c), data
 * minimisation). Grants are kept after they are revoked, so the page is also their history.
 */
@Controller
@RequestMapping("/schools/{schoolId}/pupil-access")
class AccessGrantController {

  static final int MAX_DAYS = 366;

  private final AccessGrants grants;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  AccessGrantController(AccessGrants grants, Permissions permissions, Organisation organisation, Audit audit,
      Clock clock) {
    this.grants = grants;
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  String page(@PathVariable long schoolId, Model model) {
    requireHeadteacher(schoolId);
    return page(schoolId, GrantForm.empty(), model);
  }

  @PostMapping
  @Transactional
  String grant(@PathVariable long schoolId, @ModelAttribute("grantForm") GrantForm form, BindingResult errors,
      Model model, RedirectAttributes flash) {
    SendaUser user = requireHeadteacher(schoolId);
    LocalDate today = LocalDate.now(clock);
    List<Option> candidates = grants.grantable(schoolId);
    Long staffId = candidates.stream().filter(o -> o.value().equals(form.staffId())).map(o -> Long.valueOf(o.value()))
        .findFirst().orElse(null);
    if (staffId == null) {
      errors.rejectValue("staffId", "required", "Select who to give access to");
    }
    if (form.reason() == null || form.reason().isBlank()) {
      errors.rejectValue("reason", "required", "Enter the reason for giving access");
    } else if (form.reason().length() > 500) {
      errors.rejectValue("reason", "length", "Reason must be 500 characters or fewer");
    }
    LocalDate expires = null;
    if (form.expiresOn() == null || form.expiresOn().isBlank()) {
      errors.rejectValue("expiresOn", "required", "Enter the date access ends");
    } else if (form.expiresOn().problem("the date access ends").isPresent()) {
      errors.rejectValue("expiresOn", "invalid", form.expiresOn().problem("the date access ends").get());
    } else {
      expires = form.expiresOn().toDate().orElseThrow();
      if (expires.isBefore(today)) {
        errors.rejectValue("expiresOn", "past", "The date access ends must be today or in the future");
      } else if (expires.isAfter(today.plusDays(MAX_DAYS))) {
        errors.rejectValue("expiresOn", "far", "The date access ends must be within a year");
      }
    }
    if (user.staffId() == null) {
      errors.reject("staff", "Only a member of staff can give access");
    }
    if (errors.hasErrors()) {
      return page(schoolId, form, model);
    }
    long id = grants.grant(staffId, schoolId, form.reason().trim(), user.staffId(), today, expires);
    audit.record(AuditAction.CREATE, "pupil-access-grant", id, schoolId, "staff " + staffId + " until " + expires);
    flash.addFlashAttribute("success", "Access to pupils given until " + expires);
    return "redirect:/schools/" + schoolId + "/pupil-access";
  }

  @PostMapping("/{grantId}/revoke")
  @Transactional
  String revoke(@PathVariable long schoolId, @PathVariable long grantId, RedirectAttributes flash) {
    requireHeadteacher(schoolId);
    if (grants.revoke(grantId, schoolId, LocalDate.now(clock))) {
      audit.record(AuditAction.UPDATE, "pupil-access-grant", grantId, schoolId, "revoked");
      flash.addFlashAttribute("success", "Access to pupils removed");
    }
    return "redirect:/schools/" + schoolId + "/pupil-access";
  }

  private String page(long schoolId, GrantForm form, Model model) {
    model.addAttribute("school", organisation.school(schoolId).orElseThrow());
    model.addAttribute("grantForm", form);
    model.addAttribute("grants", grants.ofSchool(schoolId));
    model.addAttribute("candidates", candidatesWithPrompt(schoolId));
    model.addAttribute("today", LocalDate.now(clock));
    return "pupils/access";
  }

  private List<Option> candidatesWithPrompt(long schoolId) {
    List<Option> options = new java.util.ArrayList<>();
    options.add(new Option("", "Select a person"));
    options.addAll(grants.grantable(schoolId));
    return options;
  }

  /** The headteacher: may administer the school and sees all its pupils. */
  private SendaUser requireHeadteacher(long schoolId) {
    permissions.require(schoolId, Permission.ADMINISTER_SCHOOL);
    return permissions.require(schoolId, Permission.VIEW_ALL_PUPILS);
  }
}
