package org.senda.provision.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.support.ReviewEvidence;
import org.senda.support.ReviewEvidenceItem;
import org.springframework.stereotype.Component;

/**
 * The measured impact of the interventions a pupil took part in, for their next plan review (Code of Practice
 * 6.54: the review evaluates the effectiveness of the support and interventions and their impact on progress).
 * A group counts from the day its impact was reviewed or, without a review, the day it ended with measures.
 */
@Component
class ProvisionReviewEvidence implements ReviewEvidence {

  private final ProvisionReports reports;

  ProvisionReviewEvidence(ProvisionReports reports) {
    this.reports = reports;
  }

  @Override
  public List<ReviewEvidenceItem> since(long pupilId, LocalDate since) {
    return reports.history(pupilId).stream()
        .filter(r -> r.impactReviewedOn() != null || r.exitMeasure() != null)
        .filter(r -> !on(r).isBefore(since))
        .sorted(Comparator.comparing(ProvisionReviewEvidence::on))
        .map(r -> new ReviewEvidenceItem(r.intervention() + ": " + result(r),
            evidence(r), on(r),
            r.impactSummary(), null))
        .toList();
  }

  /** "One-to-one provision", "Provision group of 4" or "In-class support in English and maths". */
  static String evidence(ProvisionReports.HistoryRow r) {
    return switch (r.kind()) {
      case ONE_TO_ONE -> "One-to-one provision";
      case GROUP -> "Provision group of " + r.pupils();
      case IN_CLASS -> "In-class support" + (r.lessons() == null ? "" : " in " + r.lessons());
    };
  }

  private static LocalDate on(ProvisionReports.HistoryRow r) {
    return r.impactReviewedOn() != null ? r.impactReviewedOn() : r.endDate();
  }

  /** "Reading age (months) 84 to 91 (target 90, met); 18 of 20 sessions attended". */
  static String result(ProvisionReports.HistoryRow r) {
    StringBuilder text = new StringBuilder();
    if (r.entryMeasure() != null && r.exitMeasure() != null) {
      text.append(r.measure() == null ? "Measure" : r.measure()).append(' ')
          .append(plain(r.entryMeasure())).append(" to ").append(plain(r.exitMeasure()));
      if (r.exitTarget() != null) {
        text.append(" (target ").append(plain(r.exitTarget()))
            .append(r.exitMeasure().compareTo(r.exitTarget()) >= 0 ? ", met)" : ", not met)");
      }
      text.append("; ");
    } else {
      text.append("no exit measure; ");
    }
    text.append(r.attended()).append(" of ").append(r.deliveredSessions()).append(" sessions attended");
    return text.toString();
  }

  private static String plain(java.math.@Nullable BigDecimal value) {
    return value == null ? "" : value.stripTrailingZeros().toPlainString();
  }
}
