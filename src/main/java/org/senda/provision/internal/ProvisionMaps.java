package org.senda.provision.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.organisation.Organisation;
import org.senda.organisation.SchoolCalendar;
import org.senda.organisation.Term;
import org.senda.pupils.PupilAccess;
import org.senda.pupils.PupilSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A pupil's provision history and the school's provision map for a term, with need to know and audit. */
@Service
class ProvisionMaps {

  record StaffJson(long staffId, String name, String role) {}

  record HistoryEntry(long groupId, long interventionId, String intervention, String areaOfNeed,
      @Nullable String measure, LocalDate startDate, LocalDate endDate, @Nullable String room,
      List<StaffJson> staff, int pupilsInGroup, long sessionsDelivered, long sessionsCancelled,
      long sessionsAttended, @Nullable BigDecimal entryMeasure, @Nullable BigDecimal exitMeasure,
      @Nullable BigDecimal exitTarget, BigDecimal groupCost, BigDecimal costShare,
      @Nullable LocalDate impactReviewedOn, @Nullable String impactSummary, DeliveryKind kind,
      @Nullable String lessons) {

    public @Nullable BigDecimal gain() {
      return entryMeasure == null || exitMeasure == null ? null : exitMeasure.subtract(entryMeasure);
    }

    /** "Group of 4", "One to one" or "In-class support". */
    public String delivery() {
      return kind.describe(pupilsInGroup);
    }
  }

  record History(long pupilId, long schoolId, String name, List<HistoryEntry> provision, BigDecimal totalCost) {}

  record MapPupilJson(long pupilId, String name, String yearGroup) {}

  /**
   * A group on the map. {@code dayOfWeek} and {@code startTime} are its first weekly time (clients written when a
   * group had one time read them); {@code slots} are all of them, Monday first.
   */
  record MapEntry(long groupId, String intervention, String areaOfNeed, LocalDate startDate, LocalDate endDate,
      @Nullable String room, int sessionsPerWeek, int minutesPerSession, List<StaffJson> staff,
      List<MapPupilJson> pupils, long sessionsDeliveredInTerm, BigDecimal costInTerm, BigDecimal costPerPupil,
      @Nullable String dayOfWeek, @Nullable String startTime, List<Slot> slots, DeliveryKind kind,
      @Nullable String lessons) {

    /** "Withdrawal group", "One to one" or "In-class support". */
    public String kindTitle() {
      return kind.title();
    }

    /** "Monday 09:15 (30 min); Wednesday 13:15 (30 min)". */
    public String when() {
      return Slot.describe(slots);
    }
  }

  record ProvisionMap(long schoolId, long termId, String term, String academicYear, LocalDate startsOn,
      LocalDate endsOn, List<MapEntry> groups, int pupils, BigDecimal totalCost) {}

  private final ProvisionReports reports;
  private final PupilAccess pupilAccess;
  private final Permissions permissions;
  private final Organisation organisation;
  private final Audit audit;
  private final Clock clock;

  ProvisionMaps(ProvisionReports reports, PupilAccess pupilAccess, Permissions permissions,
      Organisation organisation, Audit audit, Clock clock) {
    this.reports = reports;
    this.pupilAccess = pupilAccess;
    this.permissions = permissions;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  @Transactional
  History history(long pupilId) {
    PupilSummary pupil = pupilAccess.requireView(pupilId);
    List<ProvisionReports.HistoryRow> rows = reports.history(pupilId);
    Map<Long, List<ProvisionReports.StaffRow>> staff =
        ProvisionReports.byGroup(reports.staffOfPupilsGroups(pupilId), ProvisionReports.StaffRow::groupId);
    BigDecimal total = new BigDecimal("0.00");
    List<HistoryEntry> entries = new java.util.ArrayList<>();
    for (ProvisionReports.HistoryRow r : rows) {
      List<ProvisionReports.StaffRow> groupStaff = staff.getOrDefault(r.groupId(), List.of());
      BigDecimal cost = ProvisionCost.actual(r.deliveredMinutes(),
          groupStaff.stream().map(ProvisionReports.StaffRow::pencePerHour).toList(), r.resourcesPence());
      BigDecimal share = ProvisionCost.perPupil(cost, r.pupils());
      total = total.add(share);
      entries.add(new HistoryEntry(r.groupId(), r.interventionId(), r.intervention(), r.areaOfNeed(), r.measure(),
          r.startDate(), r.endDate(), r.room(), staffJson(groupStaff), r.pupils(), r.deliveredSessions(),
          r.cancelledSessions(), r.attended(), r.entryMeasure(), r.exitMeasure(), r.exitTarget(), cost, share,
          r.impactReviewedOn(), r.impactSummary(), r.kind(), r.lessons()));
    }
    audit.record(AuditAction.VIEW, "pupil", pupilId, pupil.schoolId(), "provision history");
    return new History(pupilId, pupil.schoolId(), pupil.name(), entries, total);
  }

  /** The term with this id in the school's calendar, or the term today falls in; null when there is none. */
  @Nullable Term term(long schoolId, @Nullable Long termId) {
    SchoolCalendar calendar = organisation.calendar(schoolId);
    if (termId != null) {
      return calendar.terms().stream().filter(t -> t.id() == termId).findFirst().orElse(null);
    }
    // Outside term time (a holiday), the term just ended; before the calendar starts, its first term.
    LocalDate today = LocalDate.now(clock);
    return calendar.termOn(today)
        .or(() -> calendar.terms().stream().filter(t -> !t.startsOn().isAfter(today))
            .max(java.util.Comparator.comparing(Term::startsOn)))
        .or(() -> calendar.terms().stream().min(java.util.Comparator.comparing(Term::startsOn)))
        .orElse(null);
  }

  @Transactional
  ProvisionMap map(long schoolId, @Nullable Long termId) {
    permissions.require(schoolId, Permission.VIEW_ALL_PUPILS);
    Term term = requireTerm(schoolId, termId);
    ProvisionMap map = build(schoolId, term, g -> true, p -> true);
    audit.record(AuditAction.VIEW, "provision-map", term.id(), schoolId, term.academicYear() + " " + term.name());
    return map;
  }

  private Term requireTerm(long schoolId, @Nullable Long termId) {
    Term term = term(schoolId, termId);
    if (term == null) {
      throw new ProvisionInvalid(List.of(new ProvisionInvalid.FieldError("term", termId == null
          ? "Today is not in a term: choose a term" : "Choose a term from the school's calendar")));
    }
    return term;
  }

  /**
   * The groups of a term the signed-in person may see: every group for those who see every pupil, otherwise the
   * groups they deliver (need to know: a teaching assistant sees the pupils of their own groups).
   */
  @Transactional
  ProvisionMap groups(long schoolId, @Nullable Long termId) {
    Term term = requireTerm(schoolId, termId);
    if (permissions.can(schoolId, Permission.VIEW_ALL_PUPILS)) {
      return build(schoolId, term, g -> true, p -> true);
    }
    permissions.require(schoolId, Permission.VIEW_OWN_PUPILS);
    Long staffId = permissions.current().staffId();
    return build(schoolId, term, g -> staffId != null && g.staff().stream().anyMatch(s -> s.staffId() == staffId),
        p -> true);
  }

  /** The provision of one class's pupils in a term: for those who see every pupil and the class's teachers. */
  @Transactional
  ProvisionMap classMap(long schoolId, long classId, @Nullable Long termId) {
    permissions.requireSchool(schoolId);
    Long staffId = permissions.current().staffId();
    boolean teachesIt = staffId != null && permissions.can(schoolId, Permission.VIEW_OWN_PUPILS)
        && organisation.classesOf(staffId).contains(classId);
    if (!teachesIt) {
      permissions.require(schoolId, Permission.VIEW_ALL_PUPILS);
    }
    Term term = requireTerm(schoolId, termId);
    ProvisionMap map = build(schoolId, term, g -> !g.pupils().isEmpty(),
        p -> p.classId() != null && p.classId() == classId);
    audit.record(AuditAction.VIEW, "provision-map", term.id(), schoolId, "class " + classId + ", "
        + term.academicYear() + " " + term.name());
    return map;
  }

  /**
   * The map over a term: the groups running in it (kept when {@code groupFilter} holds once their pupils are
   * narrowed by {@code pupilFilter}), with staff, pupils and the cost of the sessions delivered in the term.
   */
  private ProvisionMap build(long schoolId, Term term, java.util.function.Predicate<MapEntry> groupFilter,
      java.util.function.Predicate<ProvisionReports.MapPupil> pupilFilter) {
    LocalDate start = term.startsOn();
    LocalDate end = term.endsOn();
    List<ProvisionReports.MapGroup> groups = reports.groupsInTerm(schoolId, start, end);
    Map<Long, List<ProvisionReports.MapPupil>> pupils =
        ProvisionReports.byGroup(reports.pupilsInTerm(schoolId, start, end), ProvisionReports.MapPupil::groupId);
    Map<Long, List<ProvisionReports.StaffRow>> staff =
        ProvisionReports.byGroup(reports.staffInTerm(schoolId, start, end), ProvisionReports.StaffRow::groupId);
    BigDecimal total = new BigDecimal("0.00");
    java.util.Set<Long> distinctPupils = new java.util.HashSet<>();
    List<MapEntry> entries = new java.util.ArrayList<>();
    for (ProvisionReports.MapGroup g : groups) {
      List<ProvisionReports.StaffRow> groupStaff = staff.getOrDefault(g.groupId(), List.of());
      List<ProvisionReports.MapPupil> allPupils = pupils.getOrDefault(g.groupId(), List.of());
      List<ProvisionReports.MapPupil> groupPupils = allPupils.stream().filter(pupilFilter).toList();
      boolean startedInTerm = !g.startDate().isBefore(start) && !g.startDate().isAfter(end);
      BigDecimal cost = ProvisionCost.actual(g.deliveredMinutes(),
          groupStaff.stream().map(ProvisionReports.StaffRow::pencePerHour).toList(),
          startedInTerm ? g.resourcesPence() : 0);
      BigDecimal perPupil = ProvisionCost.perPupil(cost, allPupils.size());
      MapEntry entry = new MapEntry(g.groupId(), g.intervention(), g.areaOfNeed(), g.startDate(), g.endDate(),
          g.room(), g.sessionsPerWeek(), g.minutesPerSession(), staffJson(groupStaff),
          groupPupils.stream().map(p -> new MapPupilJson(p.pupilId(), p.name(), p.yearGroup())).toList(),
          g.deliveredSessions(), cost, perPupil, g.slots().isEmpty() ? null : g.slots().getFirst().dayOfWeek(),
          g.slots().isEmpty() ? null : g.slots().getFirst().startTime(), g.slots(), g.kind(), g.lessons());
      if (!groupFilter.test(entry)) {
        continue;
      }
      // A class's share of a group is what its pupils' places cost; the school's is the whole group.
      total = total.add(groupPupils.size() == allPupils.size() ? cost
          : perPupil.multiply(BigDecimal.valueOf(groupPupils.size())));
      groupPupils.forEach(p -> distinctPupils.add(p.pupilId()));
      entries.add(entry);
    }
    return new ProvisionMap(schoolId, term.id(), term.name(), term.academicYear(), start, end, entries,
        distinctPupils.size(), total);
  }

  private static List<StaffJson> staffJson(List<ProvisionReports.StaffRow> rows) {
    return rows.stream().map(s -> new StaffJson(s.staffId(), s.name(), s.role().name())).toList();
  }
}
