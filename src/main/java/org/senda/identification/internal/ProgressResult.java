package org.senda.identification.internal;

import java.util.Set;
import org.senda.identification.ProgressCriterion;

/** One pupil's result for one subject: the criteria met (often none) and the numbers that decided them. */
public record ProgressResult(
    long pupilId, long schoolId, String yearGroup, Set<ProgressCriterion> criteria, ProgressExplanation explanation) {

  public boolean flagged() {
    return !criteria.isEmpty();
  }
}
