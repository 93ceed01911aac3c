package org.senda.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The benchmark (./senda benchmark, ./mvnw -Pbenchmark verify): start-up of the demo trust on H2; then a
 * generated trust on a fresh PostgreSQL database, driven with Gatling (single user, standard load, capacity),
 * the SQL floor, statements per request and heap after GC; a table on the console and a section of
 * docs/benchmarks.md. Everything it talks to is on 127.0.0.1; every phase is bounded in time.
 */
public final class Benchmark {

  static final double STARTUP_TARGET_SECONDS = 15;
  static final long HEAP_TARGET_BYTES = 256L * 1024 * 1024;
  static final String SQL_STATEMENTS = "X-Senda-Sql-Statements";

  private final Path jar = Path.of(required("senda.benchmark.jar"));
  private final Path work = Path.of(required("senda.benchmark.work"));
  private final Path project = Path.of(required("senda.benchmark.project"));
  private final Path docs = Path.of(required("senda.benchmark.output"));
  private final String postgres = System.getProperty("senda.benchmark.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  private final int schools = Integer.getInteger("senda.benchmark.schools", 40);
  private final int pupils = Integer.getInteger("senda.benchmark.pupils", 24000);
  private final long seed = Long.getLong("senda.benchmark.seed", 42);
  private final boolean quick = Boolean.getBoolean("senda.benchmark.quick");

  // The conventions' sizes; quick runs (-Dsenda.benchmark.quick=true) only check that the harness works.
  private final int singleRequests = quick ? 40 : 200;
  private final int singleWarmUp = quick ? 20 : 100;
  private final int loadUsers = 20;
  private final int loadSeconds = quick ? 10 : 60;
  private final int loadWarmUpSeconds = quick ? 3 : 15;
  private final double capacityStart = 25;
  private final double capacityMax = quick ? 100 : 3200;
  private final int capacitySeconds = quick ? 5 : 15;
  private final int capacityWarmUpSeconds = quick ? 2 : 5;
  private final Duration recoveryTimeout = Duration.ofMinutes(quick ? 1 : 3);
  private final int floorRuns = quick ? 50 : 200;
  private final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(quick ? 15 : 45);

  private final Report report = new Report();
  private final List<Page> pages = Pages.ALL;

  public static void main(String[] args) throws Exception {
    new Benchmark().run();
  }

  private void run() throws Exception {
    Files.createDirectories(work);
    report.commit = commit();
    report.machine = Machine.describe();
    report.loadBefore = Machine.loadAverage();
    report.method = String.format(Locale.ROOT, "single user %d requests per page after %d warm-up; standard load %d"
            + " users, 1 s think time, %d s after %d s warm-up; capacity steps of %d s after %d s at the rate;"
            + " floor %d runs per statement%s", singleRequests, singleWarmUp, loadUsers, loadSeconds,
        loadWarmUpSeconds, capacitySeconds, capacityWarmUpSeconds, floorRuns, quick ? " (QUICK RUN: not comparable)" : "");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("No " + jar + ": build it with ./mvnw -DskipTests package");
    }
    // Whatever fails, what was measured up to then is written, with the failure beside it.
    try {
      // In memory on this JVM's one thread, before Senda starts, while nothing else of the benchmark runs.
      part("progress flags in memory", this::progressFlags);
      part("start-up with the demo trust on H2", this::demoStartup);
      part("the generated trust on PostgreSQL", this::benchmarkOnPostgres);
    } finally {
      report.loadAfter = Machine.loadAverage();
      String section = report.markdown(pages, STARTUP_TARGET_SECONDS, HEAP_TARGET_BYTES);
      System.out.println();
      System.out.println(section);
      // A quick run only checks the harness: its figures stay out of the project's record.
      Path output = quick ? work.resolve("benchmarks.md") : docs;
      report.write(output, section);
      System.out.println("Written to " + output);
    }
  }

  private interface Part {
    void run() throws Exception;
  }

  /** Runs a part of the benchmark; a failure is reported and the next part runs. */
  private void part(String name, Part part) {
    try {
      part.run();
    } catch (Exception | Error e) {
      report.problems.add(name + ": stopped by " + describe(e));
      log("  %s stopped: %s", name, describe(e));
    }
  }

  /**
   * Issue 5: the four progress tests for a school of 2,000 pupils and a trust of 40 schools, 3 subjects x 9
   * assessment points each, computed in memory on one thread (synthetic scores: reading them from the database is
   * part of the identification page).
   */
  private void progressFlags() {
    log("Progress flags in memory, one thread");
    int warmUp = quick ? 3 : 10;
    int runs = quick ? 5 : 15;
    var figures = org.senda.identification.internal.ProgressTestsBenchmark.measure(warmUp, runs);
    report.flagsSchoolMillis = figures.schoolMillis();
    report.flagsTrustMillis = figures.trustMillis();
    report.flagsMethod = "median of " + runs + " after " + warmUp + " warm-up";
    log("  school %.0f ms, trust %.0f ms", figures.schoolMillis(), figures.trustMillis());
  }

  /** Start-up as the README's ./senda demo does it: the DEMO trust on a new H2 database, default JVM options. */
  private void demoStartup() throws Exception {
    log("Start-up with the demo trust on H2");
    Path data = Files.createTempDirectory(work, "demo-h2-");
    try (SendaProcess senda = SendaProcess.start(jar, List.of(),
        List.of("--demo", "--senda.data-dir=" + data, "--senda.diagnostics.sql-statements-header=true"),
        work.resolve("senda-demo-h2.log"), Duration.ofMinutes(3))) {
      report.demoStartup = senda.startup();
      report.demoDataMillis = senda.demoDataMillis().isPresent() ? senda.demoDataMillis().getAsLong() : null;
      always("heap after start-up (DEMO size)", () -> report.demoHeap = senda.heapAfterGc());
      log("  ready in %.1f s", senda.startup().toMillis() / 1000.0);
      Fixture fixture = new Fixture(senda.baseUrl(), Fixture.readAccounts(data.resolve("demo-accounts.json")), null);
      Plan.Resolution resolution = Plan.resolve(pages, fixture);
      for (Plan.Target target : resolution.plan().targets()) {
        report.statementsDemo.put(target.name(), statements(target, senda.baseUrl()));
      }
    }
  }

  private void benchmarkOnPostgres() throws Exception {
    String database = "senda_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    execute(postgres + "postgres", "create database " + database);
    Thread dropOnExit = new Thread(() -> drop(database));
    Runtime.getRuntime().addShutdownHook(dropOnExit);
    try (Connection connection = DriverManager.getConnection(postgres + database, "postgres", "")) {
      report.database = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " on 127.0.0.1";
      measure(database, connection);
    } finally {
      drop(database);
      Runtime.getRuntime().removeShutdownHook(dropOnExit);
    }
  }

  private void measure(String database, Connection connection) throws Exception {
    log("Start-up with a generated trust of %d schools, %d pupils (seed %d) on PostgreSQL", schools, pupils, seed);
    Path data = Files.createTempDirectory(work, "postgresql-");
    List<String> arguments = List.of("--demo", "--senda.data-dir=" + data,
        "--spring.datasource.url=" + postgres + database, "--spring.datasource.username=postgres",
        "--spring.datasource.password=", "--senda.demo.schools=" + schools, "--senda.demo.pupils=" + pupils,
        "--senda.demo.seed=" + seed, "--senda.diagnostics.sql-statements-header=true");
    try (SendaProcess senda = SendaProcess.start(jar, List.of("-Xmx512m"), arguments,
        work.resolve("senda-postgresql.log"), Duration.ofMinutes(15))) {
      report.startup = senda.startup();
      report.dataMillis = senda.demoDataMillis().isPresent() ? senda.demoDataMillis().getAsLong() : null;
      always("heap after start-up", () -> report.heapAfterStart = senda.heapAfterGc());
      log("  ready in %.1f s", senda.startup().toMillis() / 1000.0);
      report.sizes = sizes(connection);

      Fixture fixture = new Fixture(senda.baseUrl(), Fixture.readAccounts(data.resolve("demo-accounts.json")),
          connection);
      Plan.Resolution resolution = Plan.resolve(pages, fixture);
      report.skipped.putAll(resolution.skipped());
      Plan plan = resolution.plan();
      if (plan.targets().isEmpty()) {
        report.problems.add("no page could run: " + resolution.skipped());
        return;
      }
      Path planFile = work.resolve("plan.json");
      plan.write(planFile);
      phase("SQL statements per request", () -> {
        for (Plan.Target target : plan.targets()) {
          report.statements.put(target.name(), statements(target, senda.baseUrl()));
        }
        return report.statements;
      });
      GatlingRun gatling = new GatlingRun(planFile, work.resolve("gatling"));

      phase("warm-up", () -> gatling.run("warm-up", Map.of("users", 4, "seconds", quick ? 5 : 20), 120));
      phase("single user", () -> {
        recover(senda, "single user");
        Map<String, GatlingRun.Figures> figures = gatling.run("single",
            Map.of("requests", singleRequests, "warm-up-requests", singleWarmUp), 600);
        report.single.putAll(figures);
        check(figures);
        return figures;
      });
      phase("SQL floor", () -> {
        for (Page page : pages) {
          if (!page.floor().isEmpty() && !report.skipped.containsKey(page.name())) {
            report.floor.put(page.name(), SqlFloor.time(connection, page.floor(), fixture, 50, floorRuns));
          }
        }
        return report.floor;
      });
      phase("standard load", () -> {
        recover(senda, "standard load");
        Map<String, GatlingRun.Figures> figures = gatling.run("load", Map.of("users", loadUsers,
            "seconds", loadSeconds, "warm-up-seconds", loadWarmUpSeconds, "pause-millis", 1000),
            loadSeconds + loadWarmUpSeconds + 60);
        report.load.putAll(figures);
        return figures;
      });
      phase("capacity", () -> {
        recover(senda, "capacity");
        capacity(gatling, senda);
        return report.capacity;
      });
      // After the pages: the import adds 1,000 pupils to the first school, so nothing measured above sees them.
      phase("pupil import", () -> {
        recover(senda, "pupil import");
        long school = fixture.schoolIds().getFirst();
        String csv = PupilImport.csv(fixture, school, seed);
        report.imports.add(PupilImport.send("import of a 1,000-pupil CSV, dry run", fixture, school, csv, true));
        report.imports.add(PupilImport.send("import of a 1,000-pupil CSV", fixture, school, csv, false));
        for (Report.Import run : report.imports) {
          log("  %s: %d in %.1f s: %s", run.what(), run.status(), run.took().toMillis() / 1000.0, run.answer());
          if (run.status() != 200) {
            report.problems.add(run.what() + ": answered " + run.status() + ": " + run.answer());
          }
        }
        return report.imports;
      });
      // Measured whatever happened before, and whether or not the benchmark's time is up.
      always("heap at rest", () -> {
        recover(senda, "heap at rest");
        Thread.sleep(5000);
        report.heapAtRest = senda.heapAfterGc();
        return report.heapAtRest;
      });
      always("resident memory at rest", () -> report.residentAtRest = senda.residentBytes());
      always("graceful shutdown", () -> report.shutdown = senda.stop());
    }
  }

  /** Waits for Senda to serve normally again before a step; the step fails when it does not. */
  private void recover(SendaProcess senda, String before) throws InterruptedException {
    Duration took = senda.awaitRecovery(recoveryTimeout);
    if (took.toMillis() > 2000) {
      report.recoveries.add(String.format(Locale.ROOT, "before %s: %.1f s", before, took.toMillis() / 1000.0));
    }
  }

  /**
   * Doubles the arrival rate from {@code capacityStart} and stops at the first step that is not held (any error,
   * or p95 over {@value Report#CAPACITY_P95_MILLIS} ms): that step is the result, not a failure of the benchmark,
   * and no heavier step follows it. Senda must serve normally again before each step.
   */
  private void capacity(GatlingRun gatling, SendaProcess senda) throws InterruptedException {
    for (double rate = capacityStart; rate <= capacityMax && timeLeft(); rate *= 2) {
      if (rate > capacityStart) {
        try {
          recover(senda, String.format(Locale.ROOT, "capacity at %.0f/s", rate));
        } catch (IllegalStateException e) {
          report.capacity.add(new Report.CapacityStep(rate, null, false, "not run: " + e.getMessage()));
          return;
        }
      }
      if (!capacityStep(gatling, rate)) {
        return;
      }
    }
  }

  private boolean capacityStep(GatlingRun gatling, double rate) {
    log("  capacity at %.0f/s", rate);
    try {
      Map<String, GatlingRun.Figures> figures = gatling.run("capacity", Map.of("rate", rate,
          "seconds", capacitySeconds, "warm-up-seconds", capacityWarmUpSeconds), capacitySeconds * 4L + 60);
      GatlingRun.Figures all = figures.get(GatlingRun.ALL);
      if (all == null) {
        report.capacity.add(new Report.CapacityStep(rate, null, false, "no measured requests"));
        return false;
      }
      boolean held = all.errors() == 0 && all.p95() <= Report.CAPACITY_P95_MILLIS;
      String why = held ? null : all.errors() > 0 ? all.errors() + " errors"
          : "p95 over " + Report.ms(Report.CAPACITY_P95_MILLIS);
      report.capacity.add(new Report.CapacityStep(rate, all, held, why));
      return held;
    } catch (Exception e) {
      // Gatling itself gave up (overloaded, out of time): the rate was not held, and that is the finding.
      report.capacity.add(new Report.CapacityStep(rate, null, false, describe(e)));
      return false;
    }
  }

  /** The statements header of three requests for this page: one figure when they agree. */
  private static String statements(Plan.Target target, String baseUrl) throws IOException, InterruptedException {
    List<String> counts = new ArrayList<>();
    try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
      for (int i = 0; i < 3; i++) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + target.path()))
            .timeout(Duration.ofSeconds(30)).method(target.method(), HttpRequest.BodyPublishers.noBody());
        target.headers().forEach(request::header);
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        counts.add(response.headers().firstValue(SQL_STATEMENTS).orElse("?")
            + (response.statusCode() == target.status() ? "" : " (status " + response.statusCode() + ")"));
      }
    }
    return counts.stream().distinct().collect(Collectors.joining(" / "));
  }

  private void check(Map<String, GatlingRun.Figures> figures) {
    figures.forEach((name, f) -> {
      if (f.errors() > 0 && !name.equals(GatlingRun.ALL)) {
        report.problems.add(name + ": " + f.errors() + " of " + f.requests() + " single-user requests failed");
      }
    });
  }

  private interface Phase {
    Object run() throws Exception;
  }

  /** Runs a phase if there is time left; a failed phase is reported and the run goes on. */
  private void phase(String name, Phase phase) {
    if (!timeLeft()) {
      report.problems.add(name + ": not run, the benchmark's time was up");
      return;
    }
    always(name, phase);
  }

  /** Runs a phase even when the time is up; a failed phase is reported and the run goes on. */
  private void always(String name, Phase phase) {
    log(name);
    try {
      phase.run();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      report.problems.add(name + ": interrupted");
    } catch (Exception | Error e) {
      report.problems.add(name + ": " + describe(e));
      log("  %s failed: %s", name, describe(e));
    }
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": "
        + e.getMessage();
  }

  private boolean timeLeft() {
    return System.nanoTime() < deadline;
  }

  private String sizes(Connection connection) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("school", "staff", "pupil")) {
      try (var statement = connection.createStatement();
          var rows = statement.executeQuery("select count(*) from " + table)) {
        rows.next();
        counts.put(table, rows.getLong(1));
      } catch (SQLException noSuchTable) {
        // A module that does not exist yet.
      }
    }
    return String.format(Locale.ROOT, "asked for %d schools, %d pupils, seed %d; generated: %s", schools, pupils, seed,
        counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey() + " rows")
            .collect(Collectors.joining(", ")));
  }

  private String commit() {
    try {
      String head = git("rev-parse", "--short=12", "HEAD").strip();
      String changes = git("status", "--porcelain", "--untracked-files=no").lines()
          .filter(line -> !line.endsWith("docs/benchmarks.md"))
          .collect(Collectors.joining());
      return changes.isEmpty() ? head : head + " with uncommitted changes";
    } catch (IOException | InterruptedException e) {
      return "unknown";
    }
  }

  private String git(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", project.toString()));
    command.addAll(List.of(arguments));
    Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(git.getInputStream().readAllBytes());
    git.waitFor(30, TimeUnit.SECONDS);
    return out;
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      connection.createStatement().execute(sql);
    }
  }

  private void drop(String database) {
    try {
      execute(postgres + "postgres", "drop database if exists " + database + " with (force)");
    } catch (SQLException e) {
      System.err.println("Could not drop " + database + ": " + e.getMessage());
    }
  }

  private static void log(String format, Object... arguments) {
    System.out.printf(Locale.ROOT, "[benchmark] " + format + "%n", arguments);
  }

  private static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is not set");
    }
    return value;
  }
}
