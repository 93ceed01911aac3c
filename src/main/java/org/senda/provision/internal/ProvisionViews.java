package org.senda.provision.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.senda.access.AccessRefused;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.Term;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The screens around provision groups: one group with its sessions, measures and cost; the impact reviews due;
 * staff deployment and clashes; the notional budget. Each from a fixed number of queries, with need to know and
 * audit.
 */
@Service
class ProvisionViews {

  record GroupView(ProvisionReports.GroupDetail group, List<ProvisionReports.StaffRow> staff,
      List<ProvisionReports.GroupPupil> pupils, List<ProvisionReports.SessionRow> sessions, BigDecimal planned,
      BigDecimal actual, BigDecimal perPupilPlanned, BigDecimal perPupilActual, long plannedSessions,
      long deliveredSessions, long cancelledSessions, boolean reviewDue, boolean canManage,
      boolean canRecordSessions, List<ProvisionReports.ImpactReviewRow> impactReviews) {}

  private final ProvisionReports reports;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  ProvisionViews(ProvisionReports reports, Permissions permissions, Organisation organisation, Audit audit,
      Clock clock) {
    this.reports = reports;
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  /** The group for those who see every pupil of its school and for the staff who deliver it; 404 otherwise. */
  @Transactional
  GroupView group(long groupId) {
    ProvisionReports.GroupDetail group = reports.groupDetail(groupId)
        .orElseThrow(() -> new AccessRefused("group " + groupId));
    permissions.requireSchool(group.schoolId());
    List<ProvisionReports.StaffRow> staff = reports.staffOfGroup(groupId);
    Long me = permissions.current().staffId();
    boolean delivers = me != null && staff.stream().anyMatch(s -> s.staffId() == me);
    boolean seesAll = permissions.can(group.schoolId(), Permission.VIEW_ALL_PUPILS);
    if (!delivers && !seesAll) {
      throw new AccessRefused("group " + groupId);
    }
    boolean manages = permissions.can(group.schoolId(), Permission.MANAGE_SEND);
    List<ProvisionReports.GroupPupil> pupils = reports.groupPupils(groupId);
    List<ProvisionReports.SessionRow> sessions = reports.sessions(groupId);
    List<Long> rates = staff.stream().map(ProvisionReports.StaffRow::pencePerHour).toList();
    long weeks = ProvisionCost.schoolWeeks(group.startDate(), group.endDate(), organisation.calendar(group.schoolId()));
    long plannedSessions = (long) group.sessionsPerWeek() * weeks;
    long resources = resources(group.interventionId(), group.schoolId());
    BigDecimal planned = ProvisionCost.cost(weeks * group.weeklyMinutes(), rates, resources);
    long minutes = sessions.stream().filter(ProvisionReports.SessionRow::delivered)
        .mapToLong(ProvisionReports.SessionRow::minutes).sum();
    long delivered = sessions.stream().filter(ProvisionReports.SessionRow::delivered).count();
    BigDecimal actual = ProvisionCost.actual(minutes, rates, resources);
    LocalDate due = group.reviewDue();
    boolean reviewDue = due != null && group.impactReviewedOn() == null && !due.isAfter(today());
    audit.record(AuditAction.VIEW, "provision-group", groupId, group.schoolId(), pupils.size() + " pupils");
    return new GroupView(group, staff, pupils, sessions, planned, actual,
        ProvisionCost.perPupil(planned, pupils.size()), ProvisionCost.perPupil(actual, pupils.size()),
        plannedSessions, delivered, sessions.size() - delivered, reviewDue, manages, manages || delivers,
        reports.impactReviews(groupId));
  }

  private long resources(long interventionId, long schoolId) {
    return reports.resourcesPence(interventionId);
  }

  /** The school's groups whose impact review is due or overdue and not yet recorded, oldest first. */
  @Transactional
  List<ProvisionReports.ReviewRow> reviewsDue(long schoolId) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    LocalDate today = today();
    List<ProvisionReports.ReviewRow> due = reports.reviewsOutstanding(schoolId).stream()
        .filter(r -> !r.due().isAfter(today)).sorted(java.util.Comparator.comparing(ProvisionReports.ReviewRow::due))
        .toList();
    audit.record(AuditAction.VIEW, "provision-reviews", null, schoolId, due.size() + " due");
    return due;
  }

  record StaffHours(long staffId, String name, String role, int groups, BigDecimal hoursPerWeek) {}

  record Clash(String who, String day, String first, String second) {}

  /** A running group with no fixed weekly time: its staff's hours still count, but clashes cannot be checked. */
  record Unscheduled(long groupId, String intervention, String kind, int sessionsPerWeek, int minutesPerSession,
      String staff) {}

  record Deployment(LocalDate on, List<StaffHours> staff, List<Clash> clashes, List<Unscheduled> unscheduled) {}

  /**
   * Who delivers what in the week of {@code on}: hours per member of staff per week (sessions per week x minutes)
   * and clashes, a member of staff or a pupil in two groups that meet on the same day at overlapping times.
   */
  @Transactional
  Deployment deployment(long schoolId, LocalDate on) {
    permissions.require(schoolId, Permission.MANAGE_SEND);
    List<ProvisionReports.MapGroup> groups = reports.groupsInTerm(schoolId, on, on);
    Map<Long, List<ProvisionReports.StaffRow>> staff =
        ProvisionReports.byGroup(reports.staffInTerm(schoolId, on, on), ProvisionReports.StaffRow::groupId);
    Map<Long, List<ProvisionReports.MapPupil>> pupils =
        ProvisionReports.byGroup(reports.pupilsInTerm(schoolId, on, on), ProvisionReports.MapPupil::groupId);
    Map<Long, long[]> minutes = new LinkedHashMap<>();
    Map<Long, ProvisionReports.StaffRow> who = new TreeMap<>();
    for (ProvisionReports.MapGroup g : groups) {
      for (ProvisionReports.StaffRow s : staff.getOrDefault(g.groupId(), List.of())) {
        long[] m = minutes.computeIfAbsent(s.staffId(), k -> new long[2]);
        m[0] += g.weeklyMinutes();
        m[1]++;
        who.putIfAbsent(s.staffId(), s);
      }
    }
    List<StaffHours> hours = new ArrayList<>();
    who.forEach((id, s) -> hours.add(new StaffHours(id, s.name(), s.role().title(), (int) minutes.get(id)[1],
        BigDecimal.valueOf(minutes.get(id)[0]).divide(BigDecimal.valueOf(60), 2, java.math.RoundingMode.HALF_UP))));
    hours.sort(java.util.Comparator.comparing(StaffHours::hoursPerWeek).reversed()
        .thenComparing(StaffHours::name));
    List<Clash> clashes = new ArrayList<>();
    List<Unscheduled> unscheduled = groups.stream().filter(g -> g.slots().isEmpty())
        .map(g -> new Unscheduled(g.groupId(), g.intervention(), g.kind().title(), g.sessionsPerWeek(),
            g.minutesPerSession(), String.join(", ", staff.getOrDefault(g.groupId(), List.of()).stream()
                .map(ProvisionReports.StaffRow::name).toList())))
        .toList();
    List<ProvisionReports.MapGroup> scheduled = groups.stream().filter(g -> !g.slots().isEmpty()).toList();
    for (int i = 0; i < scheduled.size(); i++) {
      for (int j = i + 1; j < scheduled.size(); j++) {
        ProvisionReports.MapGroup a = scheduled.get(i);
        ProvisionReports.MapGroup b = scheduled.get(j);
        for (Slot[] both : overlapping(a, b)) {
          String day = both[0].dayTitle();
          Set<Long> staffOfA = new HashSet<>();
          staff.getOrDefault(a.groupId(), List.of()).forEach(s -> staffOfA.add(s.staffId()));
          for (ProvisionReports.StaffRow s : staff.getOrDefault(b.groupId(), List.of())) {
            if (staffOfA.contains(s.staffId())) {
              clashes.add(new Clash(s.name(), day, describe(a, both[0]), describe(b, both[1])));
            }
          }
          Set<Long> pupilsOfA = new HashSet<>();
          pupils.getOrDefault(a.groupId(), List.of()).forEach(p -> pupilsOfA.add(p.pupilId()));
          for (ProvisionReports.MapPupil p : pupils.getOrDefault(b.groupId(), List.of())) {
            if (pupilsOfA.contains(p.pupilId())) {
              clashes.add(new Clash(p.name() + " (pupil)", day, describe(a, both[0]), describe(b, both[1])));
            }
          }
        }
      }
    }
    audit.record(AuditAction.VIEW, "provision-deployment", null, schoolId, on.toString());
    return new Deployment(on, hours, clashes, unscheduled);
  }

  /**
   * Each pair of weekly times at which the two groups meet at once (same day, overlapping times), Monday first;
   * both groups run on the day the deployment is for, so their dates overlap.
   */
  static List<Slot[]> overlapping(ProvisionReports.MapGroup a, ProvisionReports.MapGroup b) {
    List<Slot[]> pairs = new ArrayList<>();
    for (Slot x : a.slots()) {
      for (Slot y : b.slots()) {
        if (x.overlaps(y)) {
          pairs.add(new Slot[] {x, y});
        }
      }
    }
    return pairs;
  }

  private static String describe(ProvisionReports.MapGroup g, Slot slot) {
    return g.intervention() + " at " + slot.startTime() + (g.room() == null ? "" : ", " + g.room());
  }

  static String title(@Nullable String day) {
    if (day == null) {
      return "";
    }
    String d = DayOfWeek.valueOf(day).name();
    return d.charAt(0) + d.substring(1).toLowerCase(java.util.Locale.ROOT);
  }

  record BudgetPupil(long pupilId, String name, String yearGroup, @Nullable String sendStatus, int groups,
      BigDecimal cost, @Nullable BigDecimal aboveThreshold) {}

  record Budget(String academicYear, List<String> academicYears, LocalDate startsOn, LocalDate endsOn,
      BigDecimal total, int pupils, BigDecimal averagePerPupil, int ehcPupils, int ehcAboveThreshold,
      BigDecimal ehcTotalAboveThreshold, BigDecimal threshold, boolean named, List<BudgetPupil> rows) {}

  /**
   * Additional provision cost per pupil and for the school over an academic year (sessions delivered in it; a
   * group's resources in the year it started), and for pupils with an EHC plan how much is above the school's
   * notional threshold, the part the local authority's top-up funding is for. Governors and the trust lead see
   * the totals only.
   */
  @Transactional
  Budget budget(long schoolId, @Nullable String academicYear, long thresholdPence) {
    permissions.require(schoolId, Permission.VIEW_AGGREGATES);
    boolean named = permissions.can(schoolId, Permission.VIEW_ALL_PUPILS);
    List<Term> terms = organisation.calendar(schoolId).terms();
    List<String> years = terms.stream().map(Term::academicYear).distinct().sorted().toList();
    String year = academicYear != null && years.contains(academicYear) ? academicYear
        : organisation.calendar(schoolId).termOn(today()).map(Term::academicYear)
            .orElse(years.isEmpty() ? "" : years.getLast());
    LocalDate start = terms.stream().filter(t -> t.academicYear().equals(year)).map(Term::startsOn)
        .min(LocalDate::compareTo).orElse(today());
    LocalDate end = terms.stream().filter(t -> t.academicYear().equals(year)).map(Term::endsOn)
        .max(LocalDate::compareTo).orElse(today());
    List<ProvisionReports.MapGroup> groups = reports.groupsInTerm(schoolId, start, end);
    Map<Long, List<ProvisionReports.StaffRow>> staff =
        ProvisionReports.byGroup(reports.staffInTerm(schoolId, start, end), ProvisionReports.StaffRow::groupId);
    Map<Long, List<ProvisionReports.MapPupil>> pupils =
        ProvisionReports.byGroup(reports.pupilsInTerm(schoolId, start, end), ProvisionReports.MapPupil::groupId);
    Map<Long, BigDecimal> perPupil = new LinkedHashMap<>();
    Map<Long, Integer> groupCount = new LinkedHashMap<>();
    Map<Long, ProvisionReports.MapPupil> pupil = new LinkedHashMap<>();
    BigDecimal total = new BigDecimal("0.00");
    for (ProvisionReports.MapGroup g : groups) {
      boolean startedInYear = !g.startDate().isBefore(start) && !g.startDate().isAfter(end);
      BigDecimal cost = ProvisionCost.actual(g.deliveredMinutes(), staff.getOrDefault(g.groupId(), List.of())
          .stream().map(ProvisionReports.StaffRow::pencePerHour).toList(), startedInYear ? g.resourcesPence() : 0);
      total = total.add(cost);
      List<ProvisionReports.MapPupil> members = pupils.getOrDefault(g.groupId(), List.of());
      BigDecimal share = ProvisionCost.perPupil(cost, members.size());
      for (ProvisionReports.MapPupil p : members) {
        perPupil.merge(p.pupilId(), share, BigDecimal::add);
        groupCount.merge(p.pupilId(), 1, Integer::sum);
        pupil.putIfAbsent(p.pupilId(), p);
      }
    }
    BigDecimal threshold = BigDecimal.valueOf(thresholdPence).movePointLeft(2);
    List<BudgetPupil> rows = new ArrayList<>();
    int ehc = 0;
    int above = 0;
    BigDecimal aboveTotal = new BigDecimal("0.00");
    for (Map.Entry<Long, BigDecimal> e : perPupil.entrySet()) {
      ProvisionReports.MapPupil p = pupil.get(e.getKey());
      BigDecimal over = null;
      if ("E".equals(p.sendStatus())) {
        ehc++;
        over = e.getValue().subtract(threshold).max(new BigDecimal("0.00"));
        if (over.signum() > 0) {
          above++;
          aboveTotal = aboveTotal.add(over);
        }
      }
      rows.add(new BudgetPupil(p.pupilId(), p.name(), p.yearGroup(), p.sendStatus(), groupCount.get(e.getKey()),
          e.getValue(), over));
    }
    rows.sort(java.util.Comparator.comparing(BudgetPupil::cost).reversed().thenComparing(BudgetPupil::name));
    BigDecimal average = rows.isEmpty() ? new BigDecimal("0.00")
        : perPupil.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
            .divide(BigDecimal.valueOf(rows.size()), 2, java.math.RoundingMode.HALF_UP);
    audit.record(AuditAction.VIEW, "provision-budget", null, schoolId, year + (named ? "" : ", totals only"));
    return new Budget(year, years, start, end, total, rows.size(), average, ehc, above, aboveTotal, threshold, named,
        named ? rows : List.of());
  }
}
