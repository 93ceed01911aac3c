package org.senda.support;

import java.time.LocalDate;
import java.util.List;

/**
 * What another module knows that a pupil's next review should weigh: advice and reports from external agencies,
 * the measured impact of interventions the pupil took part in. The review page lists every contribution received
 * since the current plan cycle opened (Code of Practice 6.54: the review takes account of the views and evidence of
 * everyone involved). Implemented by the modules that hold the evidence, so that support depends on none of them.
 */
public interface ReviewEvidence {

  /** The evidence about the pupil dated on or after {@code since}, oldest first. */
  List<ReviewEvidenceItem> since(long pupilId, LocalDate since);
}
