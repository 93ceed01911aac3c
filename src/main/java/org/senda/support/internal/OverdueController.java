package org.senda.support.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The SENCO's list of what is overdue across the school: plans past their review date without a review, and pupils
 * behind on meetings with parents. For those who manage SEND (SENCO, headteacher).
 */
@Controller
class OverdueController {

  private final OverdueQueries queries;
  private final SupportSettings settings;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  OverdueController(OverdueQueries queries, SupportSettings settings, Permissions permissions,
      Organisation organisation, Audit audit, Clock clock) {
    this.queries = queries;
    this.settings = settings;
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/schools/{schoolId}/support/overdue")
  @Transactional
  String page(@PathVariable long schoolId, Model model) {
    permissions.require(schoolId, Permission.VIEW_ALL_PUPILS);
    permissions.require(schoolId, Permission.MANAGE_SEND);
    LocalDate today = LocalDate.now(clock);
    SupportSettings.Settings s = settings.of(schoolId);
    model.addAttribute("reviews", queries.reviews(schoolId, today));
    model.addAttribute("meetings", queries.meetings(schoolId, s.meetingsPerYear(), today));
    model.addAttribute("settings", s);
    model.addAttribute("schoolId", schoolId);
    model.addAttribute("schoolName", organisation.school(schoolId).orElseThrow().name());
    audit.record(AuditAction.VIEW, "support-overdue", schoolId, schoolId, null);
    return "support/overdue";
  }
}
