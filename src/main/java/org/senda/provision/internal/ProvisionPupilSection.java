package org.senda.provision.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.senda.pupils.PupilPageSection;
import org.senda.pupils.PupilSummary;
import org.springframework.stereotype.Component;

/** "Provision" on the pupil page: the groups the pupil is in now and the latest impact recorded, in one query. */
@Component
class ProvisionPupilSection implements PupilPageSection {

  private final ProvisionReports reports;
  private final Clock clock;

  ProvisionPupilSection(ProvisionReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public int order() {
    return 300;
  }

  @Override
  public String heading() {
    return "Provision";
  }

  @Override
  public String fragment() {
    return "provision/pupil-section :: section";
  }

  @Override
  public Map<String, Object> model(PupilSummary pupil) {
    LocalDate today = LocalDate.now(clock);
    List<ProvisionReports.HistoryRow> rows = reports.historyForPupilPage(pupil.id());
    List<ProvisionReports.HistoryRow> current = rows.stream()
        .filter(r -> !r.startDate().isAfter(today) && !r.endDate().isBefore(today)).toList();
    List<ProvisionReports.HistoryRow> latestImpact = rows.stream()
        .filter(r -> r.exitMeasure() != null || r.impactSummary() != null)
        .sorted(java.util.Comparator.comparing(ProvisionReports.HistoryRow::endDate).reversed())
        .limit(1).toList();
    return Map.of("schoolId", pupil.schoolId(), "pupilId", pupil.id(), "current", current, "latest", latestImpact,
        "total", rows.size());
  }
}
