package org.senda.register.internal;

import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.web.ConcurrentEdit;
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
 * The school's monitoring period: how many months a pupil who leaves the register after a review shows as
 * "monitoring" (the schools' SEN policies keep watching progress for a while). The SENCO and the headteacher set
 * it; it applies to pupils who leave from then on (monitoring already under way keeps its end date).
 */
@Controller
@RequestMapping("/schools/{schoolId}/register/monitoring-period")
class MonitoringPeriodController {

  static final int MIN_MONTHS = 1;
  static final int MAX_MONTHS = 24;

  private final Permissions permissions;
  private final Organisation organisation;
  private final RegisterStore store;
  private final Audit audit;

  MonitoringPeriodController(Permissions permissions, Organisation organisation, RegisterStore store, Audit audit) {
    this.permissions = permissions;
    this.organisation = organisation;
    this.store = store;
    this.audit = audit;
  }

  @GetMapping
  String page(@PathVariable long schoolId, Model model) {
    requireManager(schoolId);
    RegisterStore.MonitoringSetting setting = store.monitoringSetting(schoolId);
    return page(schoolId, new MonitoringPeriodForm(String.valueOf(setting.months()), setting.version()), model);
  }

  @PostMapping
  @Transactional
  String save(@PathVariable long schoolId, @ModelAttribute("monitoringPeriodForm") MonitoringPeriodForm form,
      BindingResult errors, Model model, RedirectAttributes flash) {
    requireManager(schoolId);
    Integer months = months(form, errors);
    if (months == null) {
      return page(schoolId, form, model);
    }
    if (!store.setMonitoringMonths(schoolId, months, form.version())) {
      RegisterStore.MonitoringSetting current = store.monitoringSetting(schoolId);
      model.addAttribute("concurrentEdit", ConcurrentEdit.MESSAGE);
      return page(schoolId, new MonitoringPeriodForm(String.valueOf(current.months()), current.version()), model);
    }
    audit.record(AuditAction.UPDATE, "register-setting", null, schoolId, "monitoring period " + months + " months");
    flash.addFlashAttribute("success", "Monitoring period set to " + months + (months == 1 ? " month" : " months"));
    return "redirect:/schools/" + schoolId + "/register";
  }

  private static Integer months(MonitoringPeriodForm form, BindingResult errors) {
    String typed = form.months() == null ? "" : form.months().trim();
    if (typed.isEmpty()) {
      errors.rejectValue("months", "required", "Enter the monitoring period in months");
      return null;
    }
    int months;
    try {
      months = Integer.parseInt(typed);
    } catch (NumberFormatException e) {
      errors.rejectValue("months", "number", "Monitoring period must be a whole number of months, like 6");
      return null;
    }
    if (months < MIN_MONTHS || months > MAX_MONTHS) {
      errors.rejectValue("months", "range",
          "Monitoring period must be between " + MIN_MONTHS + " and " + MAX_MONTHS + " months");
      return null;
    }
    return months;
  }

  private String page(long schoolId, MonitoringPeriodForm form, Model model) {
    SchoolSummary school = organisation.school(schoolId).orElseThrow(() -> new AccessRefused("school " + schoolId));
    model.addAttribute("school", school);
    model.addAttribute("monitoringPeriodForm", form);
    return "register/monitoring-period";
  }

  /** The SENCO or the headteacher of the school: 404 outside it, 403 for anyone else in it. */
  private void requireManager(long schoolId) {
    permissions.requireSchool(schoolId);
    permissions.require(schoolId, Permission.MANAGE_SEND);
  }
}
