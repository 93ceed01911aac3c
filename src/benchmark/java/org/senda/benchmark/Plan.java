package org.senda.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pages of a run resolved against its data (paths, tokens, session cookies), handed to the Gatling JVM as a
 * JSON file.
 *
 * @param baseUrl Senda's address, always on 127.0.0.1
 * @param targets the pages that can run
 */
record Plan(String baseUrl, List<Target> targets) {

  /** One resolved page: a request Gatling can send as it stands. */
  record Target(String name, String method, String path, int status, boolean newVisitor,
      Map<String, String> headers) {}

  /** The pages that can run, and the reasons the others cannot. */
  record Resolution(Plan plan, Map<String, String> skipped) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  static Resolution resolve(List<Page> pages, Fixture fixture) {
    List<Target> targets = new java.util.ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    for (Page page : pages) {
      try {
        targets.add(target(page, fixture));
      } catch (MissingData e) {
        skipped.put(page.name(), e.getMessage());
      }
    }
    return new Resolution(new Plan(fixture.baseUrl(), List.copyOf(targets)), skipped);
  }

  private static Target target(Page page, Fixture fixture) {
    Map<String, String> headers = new LinkedHashMap<>();
    boolean newVisitor = false;
    switch (page.visitor()) {
      case Page.Visitor.NewVisitor() -> newVisitor = true;
      case Page.Visitor.Token(String role, Long school) ->
          headers.put("Authorization", "Bearer " + fixture.account(role, school).apiToken());
      case Page.Visitor.SignedIn(String role, Long school) ->
          headers.put("Cookie", fixture.sessionCookie(fixture.account(role, school)));
      case Page.Visitor.SignedInAt(String role, var school) ->
          headers.put("Cookie", fixture.sessionCookie(fixture.account(role, school.apply(fixture))));
    }
    String accept = page.path().apply(fixture).startsWith("/api/") ? "application/json" : "text/html";
    headers.put("Accept", accept);
    return new Target(page.name(), page.method(), page.path().apply(fixture), page.status(), newVisitor,
        Map.copyOf(headers));
  }

  void write(Path file) {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
  }

  static Plan read(Path file) {
    return JSON.readValue(file.toFile(), Plan.class);
  }
}
