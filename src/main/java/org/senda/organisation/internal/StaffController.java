package org.senda.organisation.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.senda.access.AccessRefused;
import org.senda.access.Accounts;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.Role;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.web.ConcurrentEdit;
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
 * A school's staff: who they are and which roles they hold there. Staff records are personal data, so every view
 * and change is recorded in the audit log. Adding a member of staff creates their sign-in account.
 */
@Controller
@RequestMapping("/schools/{schoolId}/staff")
class StaffController {

  record StaffForm(String givenName, String familyName, String email, String jobTitle, List<String> roles,
      Integer version) {

    static StaffForm empty() {
      return new StaffForm("", "", "", "", List.of(), 0);
    }

    List<String> chosenRoles() {
      return roles == null ? List.of() : roles;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Permissions permissions;
  private final SchoolAdministration administration;
  private final OrganisationPages pages;
  private final OrganisationStore store;
  private final Accounts accounts;
  private final Audit audit;

  StaffController(Permissions permissions, SchoolAdministration administration, OrganisationPages pages,
      OrganisationStore store, Accounts accounts, Audit audit) {
    this.permissions = permissions;
    this.administration = administration;
    this.pages = pages;
    this.store = store;
    this.accounts = accounts;
    this.audit = audit;
  }

  @GetMapping
  @Transactional
  String staff(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.VIEW_STAFF);
    var staff = pages.staff(schoolId);
    audit.record(AuditAction.VIEW, "staff", null, schoolId, "staff list, " + staff.size() + " people");
    model.addAttribute("school", pages.existingSchool(schoolId));
    model.addAttribute("staff", staff);
    model.addAttribute("canAdminister", administration.can(schoolId));
    return "organisation/staff";
  }

  @GetMapping("/new")
  String newStaff(@PathVariable long schoolId, Model model) {
    administration.require(schoolId);
    model.addAttribute("staffForm", StaffForm.empty());
    return form(schoolId, null, model);
  }

  @PostMapping("/new")
  @Transactional
  String create(@PathVariable long schoolId, @ModelAttribute StaffForm staffForm, BindingResult errors, Model model,
      RedirectAttributes flash) {
    administration.require(schoolId);
    var school = pages.existingSchool(schoolId);
    Set<Role> roles = check(schoolId, 0, staffForm, errors);
    if (errors.hasErrors()) {
      return form(schoolId, null, model);
    }
    String email = Accounts.normalise(staffForm.email());
    long staffId = store.createStaff(school.trustId(), email, staffForm.givenName().trim(),
        staffForm.familyName().trim(), FormChecks.trimToNull(staffForm.jobTitle()));
    store.replaceRoles(staffId, schoolId, schoolRoles(roles));
    store.replaceRoles(staffId, null, trustRoles(roles));
    // Nobody is told this password: the person sets their own from the invitation to sign in.
    long accountId = accounts.createForStaff(staffId, email, unguessablePassword());
    accounts.invite(accountId);
    audit.record(AuditAction.CREATE, "staff", staffId, schoolId, "roles " + roles);
    flash.addFlashAttribute("success", staffForm.givenName().trim() + " " + staffForm.familyName().trim()
        + " added. We have emailed " + email + " a link to set their password.");
    return "redirect:/schools/" + schoolId + "/staff";
  }

  @GetMapping("/{staffId}/edit")
  @Transactional
  String edit(@PathVariable long schoolId, @PathVariable long staffId, Model model) {
    administration.require(schoolId);
    var member = member(schoolId, staffId);
    audit.record(AuditAction.VIEW, "staff", staffId, schoolId, null);
    List<String> roles = new ArrayList<>();
    member.schoolRoles().forEach(r -> roles.add(r.name()));
    if (permissions.can(schoolId, Permission.ADMINISTER_TRUST)) {
      member.trustRoles().forEach(r -> roles.add(r.name()));
    }
    model.addAttribute("staffForm", new StaffForm(member.givenName(), member.familyName(), member.email(),
        TrustController.nullToEmpty(member.jobTitle()), roles, member.version()));
    return form(schoolId, member, model);
  }

  @PostMapping("/{staffId}/edit")
  @Transactional
  String save(@PathVariable long schoolId, @PathVariable long staffId, @ModelAttribute StaffForm staffForm,
      BindingResult errors, Model model, RedirectAttributes flash) {
    administration.require(schoolId);
    var member = member(schoolId, staffId);
    Set<Role> roles = check(schoolId, staffId, staffForm, errors);
    if (errors.hasErrors()) {
      return form(schoolId, member, model);
    }
    if (!store.updateStaff(staffId, staffForm.version(), Accounts.normalise(staffForm.email()),
        staffForm.givenName().trim(), staffForm.familyName().trim(), FormChecks.trimToNull(staffForm.jobTitle()))) {
      var latest = member(schoolId, staffId);
      errors.reject("concurrent", ConcurrentEdit.MESSAGE);
      model.addAttribute("latestVersion", latest.version());
      model.addAttribute("latest", List.of(new Option("Name", latest.givenName() + " " + latest.familyName()),
          new Option("Email address", latest.email()),
          new Option("Job title", TrustController.nullToEmpty(latest.jobTitle())),
          new Option("Roles", titles(latest.schoolRoles()))));
      return form(schoolId, latest, model);
    }
    store.replaceRoles(staffId, schoolId, schoolRoles(roles));
    if (permissions.can(schoolId, Permission.ADMINISTER_TRUST)) {
      store.replaceRoles(staffId, null, trustRoles(roles));
    }
    String email = Accounts.normalise(staffForm.email());
    boolean emailChanged = !email.equals(Accounts.normalise(member.email()));
    // The person's sign-in follows: the new email address signs in, and any page they have open sees the new
    // roles on their next click (a removed role stops working at once).
    if (emailChanged) {
      accounts.staffEmailChanged(staffId, email);
    } else {
      accounts.staffRolesChanged(staffId);
    }
    audit.record(AuditAction.UPDATE, "staff", staffId, schoolId,
        "roles " + roles + (emailChanged ? ", email changed" : ""));
    flash.addFlashAttribute("success", staffForm.givenName().trim() + " " + staffForm.familyName().trim() + " saved"
        + (emailChanged ? ". They now sign in with " + email : ""));
    return "redirect:/schools/" + schoolId + "/staff";
  }

  /** Deactivating keeps the record (and the audit trail) but ends the person's access to every school. */
  @PostMapping("/{staffId}/deactivate")
  @Transactional
  String deactivate(@PathVariable long schoolId, @PathVariable long staffId, Integer version,
      RedirectAttributes flash) {
    return setActive(schoolId, staffId, version, false, flash);
  }

  @PostMapping("/{staffId}/reactivate")
  @Transactional
  String reactivate(@PathVariable long schoolId, @PathVariable long staffId, Integer version,
      RedirectAttributes flash) {
    return setActive(schoolId, staffId, version, true, flash);
  }

  private String setActive(long schoolId, long staffId, Integer version, boolean active, RedirectAttributes flash) {
    administration.require(schoolId);
    var member = member(schoolId, staffId);
    String name = member.givenName() + " " + member.familyName();
    if (version == null || !store.setActive(staffId, version, active)) {
      flash.addFlashAttribute("important", ConcurrentEdit.MESSAGE);
      return "redirect:/schools/" + schoolId + "/staff/" + staffId + "/edit";
    }
    if (active) {
      accounts.staffRolesChanged(staffId);
    } else {
      accounts.endSessionsOfStaff(staffId);
    }
    audit.record(AuditAction.UPDATE, "staff", staffId, schoolId, active ? "reactivated" : "deactivated");
    flash.addFlashAttribute("success", name + (active ? " can sign in again" : " deactivated: they can no longer sign in to any school"));
    return "redirect:/schools/" + schoolId + "/staff";
  }

  private Set<Role> check(long schoolId, long staffId, StaffForm form, BindingResult errors) {
    FormChecks.text(errors, "givenName", form.givenName(), 100, "Enter the first name",
        "The first name must be 100 characters or fewer");
    FormChecks.text(errors, "familyName", form.familyName(), 100, "Enter the last name",
        "The last name must be 100 characters or fewer");
    if (FormChecks.blank(form.email())) {
      FormChecks.reject(errors, "email", form.email(), "Enter an email address");
    } else if (!FormChecks.isEmail(form.email()) || form.email().trim().length() > 254) {
      FormChecks.reject(errors, "email", form.email(),
          "Enter an email address in the correct format, like name@example.com");
    } else if (pages.emailTaken(form.email().trim(), staffId)) {
      FormChecks.reject(errors, "email", form.email(), "A member of staff already has this email address");
    } else if (accounts.emailInUse(form.email(), staffId)) {
      FormChecks.reject(errors, "email", form.email(), "Someone else already signs in with this email address");
    }
    if (FormChecks.trim(form.jobTitle()).length() > 100) {
      FormChecks.reject(errors, "jobTitle", form.jobTitle(), "The job title must be 100 characters or fewer");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    boolean trustAdmin = permissions.can(schoolId, Permission.ADMINISTER_TRUST);
    for (String value : form.chosenRoles()) {
      Role role = Arrays.stream(Role.values()).filter(r -> r.name().equals(value)).findFirst().orElse(null);
      if (role == null) {
        FormChecks.reject(errors, "roles", form.roles(), "Select roles from the list");
        return roles;
      }
      if (role.trustWide() && !trustAdmin) {
        continue;
      }
      roles.add(role);
    }
    if (schoolRoles(roles).isEmpty()) {
      FormChecks.reject(errors, "roles", form.roles(), "Select at least one role in this school");
    }
    if (staffId != 0 && form.version() == null) {
      errors.reject("version", ConcurrentEdit.MESSAGE);
    }
    return roles;
  }

  private String form(long schoolId, OrganisationPages.StaffRecord member, Model model) {
    model.addAttribute("school", pages.existingSchool(schoolId));
    model.addAttribute("member", member);
    boolean trustAdmin = permissions.can(schoolId, Permission.ADMINISTER_TRUST);
    model.addAttribute("roleChoices", Arrays.stream(Role.values())
        .filter(r -> !r.trustWide() || trustAdmin)
        .map(r -> new Option(r.name(), r.title() + (r.trustWide() ? " (across the trust)" : "")))
        .toList());
    return "organisation/staff-form";
  }

  private OrganisationPages.StaffRecord member(long schoolId, long staffId) {
    return pages.staffMember(schoolId, staffId).orElseThrow(() -> new AccessRefused("staff " + staffId));
  }


  private static Set<Role> schoolRoles(Set<Role> roles) {
    Set<Role> school = EnumSet.noneOf(Role.class);
    roles.stream().filter(r -> !r.trustWide()).forEach(school::add);
    return school;
  }

  private static Set<Role> trustRoles(Set<Role> roles) {
    Set<Role> trust = EnumSet.noneOf(Role.class);
    roles.stream().filter(Role::trustWide).forEach(trust::add);
    return trust;
  }

  private static String titles(Set<Role> roles) {
    return String.join(", ", roles.stream().map(Role::title).toList());
  }

  private static String unguessablePassword() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
