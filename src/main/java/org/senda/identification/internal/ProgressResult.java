package org.senda.identification.internal;

import java.util.Set;
import org.senda.identification.ProgressCriterion;

/** One pupil's result for one subject: the criteria met (often none) and the numbers that decided them. */
public record ProgressResult(
    long pupilId,
    long schoolId,
    String yearGroup,
    String subject,
    Set<ProgressCriterion> criteria,
    ProgressExplanation explanation) {

  /** The same result, labelled with the subject it was computed for. */
  public ProgressResult inSubject(String subjectCode) {
    return new ProgressResult(pupilId, schoolId, yearGroup, subjectCode, criteria, explanation);
  }

  public boolean flagged() {
    return !criteria.isEmpty();
  }
}
