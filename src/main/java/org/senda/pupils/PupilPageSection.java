package org.senda.pupils;

import java.util.Map;

/**
 * A section another module contributes to the pupil page, e.g. "SEND status and needs", "Current plan",
 * "Provision". The page shows sections in {@link #order()}; each renders a Thymeleaf fragment with its model
 * under the variable {@code section}. A section runs at most two SQL statements, so the page stays bounded.
 */
public interface PupilPageSection {

  /** Where the section sits: lower first (register 100, support 200, provision 300). */
  int order();

  /** The section's h2. */
  String heading();

  /** The fragment to render, e.g. {@code "register/pupil-section :: send"}. */
  String fragment();

  /** The values the fragment needs for this pupil, read with at most two queries; the pupil is already checked. */
  Map<String, Object> model(PupilSummary pupil);
}
