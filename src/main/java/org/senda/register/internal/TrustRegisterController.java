package org.senda.register.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.senda.access.ActionForbidden;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.access.SendaUser;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolSummary;
import org.senda.register.BroadArea;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The register across the trust: per school, the pupils on roll, SEN support and EHC plans with percentages, and
 * pupils on the register by broad area. Counts only: a school's name links to its register where the person has a
 * pupil-level right there.
 */
@Controller
class TrustRegisterController {

  /** One school's line. */
  record SchoolLine(long schoolId, String name, boolean linked, long pupils, long senSupport, String senSupportPct,
      long ehcPlans, String ehcPlansPct, long onRegister, String onRegisterPct, long monitoring,
      Map<BroadArea, Long> byArea) {}

  private final Permissions permissions;
  private final Organisation organisation;
  private final RegisterQueries queries;
  private final Audit audit;
  private final Clock clock;

  TrustRegisterController(Permissions permissions, Organisation organisation, RegisterQueries queries, Audit audit,
      Clock clock) {
    this.permissions = permissions;
    this.organisation = organisation;
    this.queries = queries;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/trust/register")
  @Transactional
  String trust(Model model) {
    SendaUser user = permissions.current();
    List<Long> schoolIds = user.visibleSchoolIds().stream()
        .filter(id -> permissions.can(id, Permission.VIEW_AGGREGATES))
        .sorted()
        .toList();
    if (schoolIds.isEmpty()) {
      throw new ActionForbidden("trust register");
    }
    Map<Long, SchoolSummary> schools = organisation.schools(schoolIds).stream()
        .collect(Collectors.toMap(SchoolSummary::id, Function.identity()));
    List<RegisterQueries.SchoolCounts> counts = queries.perSchool(schoolIds, LocalDate.now(clock));
    List<SchoolLine> lines = counts.stream()
        .filter(c -> schools.containsKey(c.schoolId()))
        .map(c -> line(c, schools.get(c.schoolId()).name(),
            permissions.can(c.schoolId(), Permission.VIEW_ALL_PUPILS)
                || permissions.can(c.schoolId(), Permission.VIEW_OWN_PUPILS)))
        .sorted(java.util.Comparator.comparing(SchoolLine::name))
        .toList();
    Map<BroadArea, Long> areas = new EnumMap<>(BroadArea.class);
    counts.forEach(c -> c.byArea().forEach((a, n) -> areas.merge(a, n, Long::sum)));
    RegisterQueries.SchoolCounts all = new RegisterQueries.SchoolCounts(0,
        counts.stream().mapToLong(RegisterQueries.SchoolCounts::pupils).sum(),
        counts.stream().mapToLong(RegisterQueries.SchoolCounts::senSupport).sum(),
        counts.stream().mapToLong(RegisterQueries.SchoolCounts::ehcPlans).sum(),
        counts.stream().mapToLong(RegisterQueries.SchoolCounts::monitoring).sum(), areas);
    audit.record(AuditAction.VIEW, "trust-register", null, null, lines.size() + " schools");
    model.addAttribute("lines", lines);
    model.addAttribute("total", line(all, "All schools", false));
    model.addAttribute("areas", List.of(BroadArea.values()));
    model.addAttribute("trustName", organisation.trustName(user.trustId()).orElse("Your trust"));
    return "register/trust";
  }

  private static SchoolLine line(RegisterQueries.SchoolCounts c, String name, boolean linked) {
    return new SchoolLine(c.schoolId(), name, linked, c.pupils(), c.senSupport(), percent(c.senSupport(), c.pupils()),
        c.ehcPlans(), percent(c.ehcPlans(), c.pupils()), c.onRegister(), percent(c.onRegister(), c.pupils()),
        c.monitoring(), c.byArea());
  }

  static String percent(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP) + "%";
  }
}
