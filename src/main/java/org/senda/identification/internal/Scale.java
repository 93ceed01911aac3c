package org.senda.identification.internal;

/** How a subject is scored. */
enum Scale {
  /** Age-standardised scores (mean 100, standard deviation 15), e.g. from NFER or Star tests. */
  STANDARDISED,
  /** Scaled scores, e.g. the key stage tests' 80-120. */
  SCALED,
  /** The school's own ordered steps (e.g. "Working towards", "Expected", "Greater depth"), mapped to numbers. */
  STEPS
}
