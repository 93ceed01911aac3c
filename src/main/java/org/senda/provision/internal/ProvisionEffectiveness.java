package org.senda.provision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.access.Permission;
import org.senda.access.Permissions;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What works, for whom, at what cost: for each intervention the school has run, the average entry-to-exit gain,
 * the share of measured pupils meeting their exit target, the cost per pupil and per unit of gain, with the group
 * and pupil counts so that a small sample shows as one. Aggregates only: no pupil is named.
 */
@Service
class ProvisionEffectiveness {

  /** Fewer groups or measured pupils than this and the figures are marked as a small sample. */
  static final int SMALL_GROUPS = 3;
  static final int SMALL_PUPILS = 10;

  /** A line of an effectiveness table or chart: what it is about (an intervention, or a school) and its figures. */
  interface Line {
    String label();

    Row figures();
  }

  record Row(long interventionId, String intervention, String areaOfNeed, int groups, int pupils,
      int pupilsMeasured, @Nullable BigDecimal averageGain, @Nullable BigDecimal shareMeetingExitTarget,
      BigDecimal totalCost, @Nullable BigDecimal costPerPupil, @Nullable BigDecimal costPerUnitOfGain,
      boolean smallSample) implements Line {

    @Override
    public String label() {
      return intervention;
    }

    @Override
    public Row figures() {
      return this;
    }
  }

  private final ProvisionReports reports;
  private final Permissions permissions;
  private final Audit audit;

  ProvisionEffectiveness(ProvisionReports reports, Permissions permissions, Audit audit) {
    this.reports = reports;
    this.permissions = permissions;
    this.audit = audit;
  }

  private static final class Totals {
    String name = "";
    String area = "";
    int groups;
    int pupils;
    int measured;
    BigDecimal gain = BigDecimal.ZERO;
    int withTarget;
    int met;
    BigDecimal cost = new BigDecimal("0.00");
  }

  @Transactional
  List<Row> forSchool(long schoolId) {
    permissions.require(schoolId, Permission.VIEW_AGGREGATES);
    Map<Long, List<ProvisionReports.StaffRow>> staff =
        ProvisionReports.byGroup(reports.staffOfSchool(schoolId), ProvisionReports.StaffRow::groupId);
    List<Row> rows = rows(reports.effectGroups(schoolId), staff);
    audit.record(AuditAction.VIEW, "intervention-effectiveness", null, schoolId, null);
    return rows;
  }

  /** One school's figures, for the comparison across a trust. */
  record SchoolRows(long schoolId, String school, List<Row> rows) {}

  /** The trust's figures for each intervention, and each school's, from a fixed number of queries. */
  record TrustEffectiveness(List<Row> trust, List<SchoolRows> schools) {

    /** One intervention's figures in each school that has run it, in the schools' order. */
    List<SchoolRow> across(long interventionId) {
      List<SchoolRow> across = new ArrayList<>();
      for (SchoolRows school : schools) {
        school.rows().stream().filter(r -> r.interventionId() == interventionId).findFirst()
            .ifPresent(r -> across.add(new SchoolRow(school.schoolId(), school.school(), r)));
      }
      return across;
    }
  }

  /** A school's figures for one intervention. */
  record SchoolRow(long schoolId, String school, Row row) implements Line {

    @Override
    public String label() {
      return school;
    }

    @Override
    public Row figures() {
      return row;
    }
  }

  @Transactional
  TrustEffectiveness forTrust(List<org.senda.organisation.SchoolSummary> schools) {
    permissions.requireAcrossTrust(Permission.VIEW_AGGREGATES);
    List<Long> ids = schools.stream().map(org.senda.organisation.SchoolSummary::id).toList();
    Map<Long, List<ProvisionReports.StaffRow>> staff =
        ProvisionReports.byGroup(reports.staffOfSchools(ids), ProvisionReports.StaffRow::groupId);
    List<ProvisionReports.EffectGroup> groups = reports.effectGroups(ids);
    Map<Long, List<ProvisionReports.EffectGroup>> bySchool =
        ProvisionReports.byGroup(groups, ProvisionReports.EffectGroup::schoolId);
    List<SchoolRows> perSchool = schools.stream()
        .map(s -> new SchoolRows(s.id(), s.name(), rows(bySchool.getOrDefault(s.id(), List.of()), staff)))
        .toList();
    audit.record(AuditAction.VIEW, "intervention-effectiveness", null, null, "trust");
    return new TrustEffectiveness(rows(groups, staff), perSchool);
  }

  static List<Row> rows(List<ProvisionReports.EffectGroup> groups,
      Map<Long, List<ProvisionReports.StaffRow>> staff) {
    Map<Long, Totals> byIntervention = new LinkedHashMap<>();
    for (ProvisionReports.EffectGroup g : groups) {
      Totals t = byIntervention.computeIfAbsent(g.interventionId(), k -> new Totals());
      t.name = g.intervention();
      t.area = g.areaOfNeed();
      t.groups++;
      t.pupils += g.pupils();
      t.measured += g.measured();
      if (g.gainTotal() != null) {
        t.gain = t.gain.add(g.gainTotal());
      }
      t.withTarget += g.withTarget();
      t.met += g.metTarget();
      t.cost = t.cost.add(ProvisionCost.actual(g.deliveredMinutes(), staff.getOrDefault(g.groupId(), List.of())
          .stream().map(ProvisionReports.StaffRow::pencePerHour).toList(), g.resourcesPence()));
    }
    List<Row> rows = new ArrayList<>();
    byIntervention.forEach((id, t) -> {
      BigDecimal averageGain = t.measured == 0 ? null
          : t.gain.divide(BigDecimal.valueOf(t.measured), 2, RoundingMode.HALF_UP);
      BigDecimal share = t.withTarget == 0 ? null
          : BigDecimal.valueOf(t.met).divide(BigDecimal.valueOf(t.withTarget), 2, RoundingMode.HALF_UP);
      BigDecimal perPupil = t.pupils == 0 ? null
          : t.cost.divide(BigDecimal.valueOf(t.pupils), 2, RoundingMode.HALF_UP);
      BigDecimal perGain = perPupil == null || averageGain == null || averageGain.signum() <= 0 ? null
          : perPupil.divide(averageGain, 2, RoundingMode.HALF_UP);
      rows.add(new Row(id, t.name, t.area, t.groups, t.pupils, t.measured, averageGain, share, t.cost, perPupil,
          perGain, t.groups < SMALL_GROUPS || t.measured < SMALL_PUPILS));
    });
    rows.sort(java.util.Comparator.comparing(Row::intervention, String.CASE_INSENSITIVE_ORDER));
    return rows;
  }
}
