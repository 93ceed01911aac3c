package org.senda.support.internal;

import java.util.List;

/** A plan or review that cannot be saved as asked; nothing was written. */
final class PlanInvalid extends RuntimeException {

  private final List<Finding> findings;

  PlanInvalid(List<Finding> findings) {
    super("Plan not valid: " + findings.stream().map(Finding::field).toList());
    this.findings = List.copyOf(findings);
  }

  List<Finding> findings() {
    return findings;
  }
}
