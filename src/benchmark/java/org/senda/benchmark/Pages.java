package org.senda.benchmark;

import java.util.List;

/**
 * The pages and API calls the benchmark drives, one line each. A page whose demo account or data does not exist
 * yet is reported as skipped, with the reason. Later features add their pages here.
 */
final class Pages {

  static final List<Page> ALL = List.of(
      Page.get("GET /sign-in", "/sign-in").asNewVisitor().targets(10, 20),
      Page.get("GET /api/v1/schools", "/api/v1/schools").withToken("TRUST_SEND_LEAD", null).targets(10, 20));

  private Pages() {}
}
