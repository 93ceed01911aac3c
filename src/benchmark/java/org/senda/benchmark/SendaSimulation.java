package org.senda.benchmark;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.Cookie;
import static io.gatling.javaapi.http.HttpDsl.addCookie;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's scenarios over the pages of a {@link Plan}, one per Gatling run, chosen by system properties
 * that {@link GatlingRun} sets: {@code warm-up}, {@code single} (one user, no think time), {@code load} (concurrent
 * users with think time) and {@code capacity} (a fixed arrival rate). Warm-up requests are named
 * {@value #WARM_UP}&lt;page&gt; and left out of the figures, which {@link Samples} keeps from the measured
 * responses (Gatling's own HTML report is written beside them).
 */
public class SendaSimulation extends Simulation {

  static final String WARM_UP = "warm-up ";

  private final List<Plan.Target> targets;

  public SendaSimulation() {
    Plan plan = Plan.read(Path.of(System.getProperty("senda.benchmark.plan")));
    targets = plan.targets();
    if (!plan.baseUrl().startsWith("http://127.0.0.1:")) {
      throw new IllegalArgumentException("The benchmark only talks to 127.0.0.1, not " + plan.baseUrl());
    }
    HttpProtocolBuilder protocol = http.baseUrl(plan.baseUrl())
        .disableWarmUp()
        .shareConnections()
        .disableFollowRedirect()
        .disableCaching()
        .userAgentHeader("senda-benchmark");
    String mode = System.getProperty("senda.benchmark.mode");
    long limit = Long.getLong("senda.benchmark.max-seconds", 600);
    PopulationBuilder population = switch (mode) {
      case "warm-up" -> scenario("warm-up")
          .exec(anyPage(WARM_UP))
          .injectClosed(constantConcurrentUsers(intProperty("users")).during(intProperty("seconds")));
      case "single" -> singleUser().injectOpen(atOnceUsers(1));
      case "load" -> standardLoad().injectOpen(rampUsers(intProperty("users")).during(Duration.ofSeconds(1)));
      case "capacity" -> scenario("capacity warm-up")
          .exec(anyPage(WARM_UP))
          .injectOpen(constantUsersPerSec(doubleProperty("rate")).during(intProperty("warm-up-seconds")))
          .andThen(scenario("capacity")
              .exec(anyPage(""))
              .injectOpen(constantUsersPerSec(doubleProperty("rate")).during(intProperty("seconds")).randomized()));
      default -> throw new IllegalArgumentException("Unknown benchmark mode " + mode);
    };
    setUp(population).protocols(protocol).maxDuration(Duration.ofSeconds(limit));
  }

  /** Each page in turn: warm-up requests, then the measured ones, back to back. */
  private ScenarioBuilder singleUser() {
    int warmUp = intProperty("warm-up-requests");
    int requests = intProperty("requests");
    ScenarioBuilder scenario = scenario("single user");
    for (Plan.Target target : targets) {
      scenario = scenario.repeat(warmUp).on(visit(target, WARM_UP)).repeat(requests).on(visit(target, ""));
    }
    return scenario;
  }

  /** Each user: a random page, a pause, again; first for the warm-up time, then for the measured time. */
  private ScenarioBuilder standardLoad() {
    Duration pause = Duration.ofMillis(intProperty("pause-millis"));
    return scenario("standard load")
        .during(Duration.ofSeconds(intProperty("warm-up-seconds"))).on(exec(anyPage(WARM_UP)).pause(pause))
        .during(Duration.ofSeconds(intProperty("seconds"))).on(exec(anyPage("")).pause(pause));
  }

  private ChainBuilder anyPage(String prefix) {
    if (targets.size() == 1) {
      return visit(targets.getFirst(), prefix);
    }
    return exec(uniformRandomSwitch().on(targets.stream().map(target -> visit(target, prefix)).toList()));
  }

  private static ChainBuilder visit(Plan.Target target, String prefix) {
    String name = prefix + target.name();
    HttpRequestActionBuilder request = http(name)
        .httpRequest(target.method(), target.path())
        .check(responseTimeInMillis().saveAs("millis"), status().is(target.status()));
    ChainBuilder visit = target.newVisitor() ? exec(flushCookieJar()) : exec(session -> session);
    for (Map.Entry<String, String> header : target.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("Cookie")) {
        // Into the user's cookie jar, replacing any cookie of the same name that an earlier page set (a Cookie
        // header beside the jar's cookies would send both, and the server would read the earlier one).
        for (String cookie : header.getValue().split(";\\s*")) {
          int equals = cookie.indexOf('=');
          visit = visit.exec(addCookie(Cookie(cookie.substring(0, equals), cookie.substring(equals + 1)).withPath("/")));
        }
      } else {
        request = request.header(header.getKey(), header.getValue());
      }
    }
    visit = visit.exec(session -> session.remove("millis")).exec(request);
    if (!prefix.isEmpty()) {
      return visit;
    }
    return visit.exec(session -> {
      Samples.record(name, session.contains("millis") ? session.getInt("millis") : null, !session.isFailed());
      return session.markAsSucceeded();
    });
  }

  @Override
  public void after() {
    Samples.write(Path.of(required("samples")));
  }

  private static int intProperty(String name) {
    return Integer.parseInt(required(name));
  }

  private static double doubleProperty(String name) {
    return Double.parseDouble(required(name));
  }

  private static String required(String name) {
    String value = System.getProperty("senda.benchmark." + name);
    if (value == null) {
      throw new IllegalArgumentException("senda.benchmark." + name + " is not set");
    }
    return value;
  }
}
