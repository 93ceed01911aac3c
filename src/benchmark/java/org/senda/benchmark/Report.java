package org.senda.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Everything one run measured, printed as a table and written as a section of docs/benchmarks.md. */
final class Report {

  /**
   * One step of the capacity search: its figures (none when Gatling itself gave up), whether the rate was held,
   * and if not, why.
   */
  record CapacityStep(double rate, GatlingRun.@Nullable Figures figures, boolean held, @Nullable String why) {}

  /** A target and what was measured against it. */
  record Check(String what, String target, String measured, boolean pass) {}

  static final double CAPACITY_P95_MILLIS = 100;
  /** Issue 5: the four progress tests for a whole school, and for a 40-school trust, single-threaded. */
  static final double FLAGS_SCHOOL_MILLIS = 1000;
  static final double FLAGS_TRUST_MILLIS = 10_000;
  /** Issue 4: a 1,000-pupil CSV imported (and checked in a dry run) within 5 s. */
  static final double IMPORT_SECONDS = 5;

  /** One timed pupil import: the file's rows, the time to the answer, the answer's status and counts. */
  record Import(String what, int rows, Duration took, int status, String answer) {}

  final Instant date = Instant.now();
  String commit = "unknown";
  String machine = "";
  String loadBefore = "";
  String loadAfter = "";
  String database = "";
  String sizes = "";
  String method = "";

  @Nullable Duration demoStartup;
  @Nullable Long demoDataMillis;
  @Nullable Long demoHeap;
  @Nullable Duration startup;
  @Nullable Long dataMillis;
  @Nullable Long heapAfterStart;
  @Nullable Long heapAtRest;
  @Nullable Long residentAtRest;
  @Nullable Duration shutdown;

  final Map<String, String> skipped = new LinkedHashMap<>();
  final Map<String, String> statementsDemo = new LinkedHashMap<>();
  final Map<String, String> statements = new LinkedHashMap<>();
  final Map<String, GatlingRun.Figures> single = new LinkedHashMap<>();
  final Map<String, GatlingRun.Figures> load = new LinkedHashMap<>();
  final Map<String, SqlFloor.Timing> floor = new LinkedHashMap<>();
  final List<CapacityStep> capacity = new ArrayList<>();
  /** Median single-threaded time of the progress tests in memory (ProgressTestsBenchmark), in milliseconds. */
  @Nullable Double flagsSchoolMillis;
  @Nullable Double flagsTrustMillis;
  String flagsMethod = "";
  final List<Import> imports = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  /** Waits for Senda to serve normally again that took more than a moment. */
  final List<String> recoveries = new ArrayList<>();

  List<Check> checks(List<Page> pages, double startupTarget, long heapTargetBytes) {
    List<Check> checks = new ArrayList<>();
    for (Page page : pages) {
      GatlingRun.Figures one = single.get(page.name());
      if (page.singleUserP95() != null && one != null) {
        checks.add(new Check(page.name() + ": single-user p95", "≤ " + ms(page.singleUserP95()), ms(one.p95()),
            one.p95() <= page.singleUserP95() && one.errors() == 0));
      }
      GatlingRun.Figures loaded = load.get(page.name());
      if (page.standardLoadP95() != null && loaded != null) {
        checks.add(new Check(page.name() + ": standard-load p95", "≤ " + ms(page.standardLoadP95()),
            ms(loaded.p95()), loaded.p95() <= page.standardLoadP95()));
      }
      SqlFloor.Timing sql = floor.get(page.name());
      if (page.floorRatio() != null && one != null && sql != null && sql.p95() > 0) {
        // The ratio means something only when the floor has every statement the page runs.
        String counted = steady(statements.getOrDefault(page.name(), "?"));
        boolean complete = counted.equals(Integer.toString(sql.statements()));
        checks.add(new Check(page.name() + ": single-user p95 / SQL floor p95",
            "≤ " + ratio(page.floorRatio()) + ", floor of every statement",
            ratio(one.p95() / sql.p95()) + " (" + ms(one.p95()) + " / " + ms(sql.p95()) + "; floor " + sql.statements()
                + " of " + counted + " statements)",
            complete && one.p95() <= page.floorRatio() * sql.p95() && one.errors() == 0));
      }
      String small = statementsDemo.get(page.name());
      String large = statements.get(page.name());
      if (small != null && large != null) {
        checks.add(new Check(page.name() + ": SQL statements per request", "same for small and large data",
            small + " (DEMO) / " + large + " (benchmark size)", steady(small).equals(steady(large))
                && steady(small).matches("\\d+")));
      }
    }
    if (flagsSchoolMillis != null) {
      checks.add(new Check("progress flags, a school of 2,000 pupils x 3 subjects x 9 points (in memory, 1 thread)",
          "≤ " + ms(FLAGS_SCHOOL_MILLIS), ms(flagsSchoolMillis), flagsSchoolMillis <= FLAGS_SCHOOL_MILLIS));
    }
    if (flagsTrustMillis != null) {
      checks.add(new Check("progress flags, a trust of 40 schools, 24,000 pupils (in memory, 1 thread)",
          "≤ " + ms(FLAGS_TRUST_MILLIS), ms(flagsTrustMillis), flagsTrustMillis <= FLAGS_TRUST_MILLIS));
    }
    for (Import run : imports) {
      checks.add(new Check(run.what(), "≤ " + seconds(IMPORT_SECONDS) + ", 200",
          seconds(run.took().toMillis() / 1000.0) + ", " + run.status(),
          run.status() == 200 && run.took().toMillis() <= IMPORT_SECONDS * 1000));
    }
    GatlingRun.Figures all = load.get(GatlingRun.ALL);
    if (all != null) {
      checks.add(new Check("standard load: errors", "0", Long.toString(all.errors()), all.errors() == 0));
    }
    if (demoStartup != null) {
      checks.add(new Check("start-up with demo data (DEMO size, H2)", "≤ " + seconds(startupTarget),
          seconds(demoStartup.toMillis() / 1000.0), demoStartup.toMillis() <= startupTarget * 1000));
    }
    if (heapAtRest != null) {
      checks.add(new Check("heap after GC at rest (after the load)", "≤ " + mb(heapTargetBytes), mb(heapAtRest),
          heapAtRest <= heapTargetBytes));
    }
    return checks;
  }

  @Nullable Double capacityHeld() {
    return capacity.stream().filter(CapacityStep::held).map(CapacityStep::rate).max(Double::compare).orElse(null);
  }

  String markdown(List<Page> pages, double startupTarget, long heapTargetBytes) {
    StringBuilder md = new StringBuilder();
    String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC).format(date);
    md.append("## ").append(when).append(", commit ").append(commit).append("\n\n");
    md.append("- Machine: ").append(machine).append("; load average (1 min) ").append(loadBefore)
        .append(" at the start, ").append(loadAfter).append(" at the end").append('\n');
    md.append("- Database: ").append(database).append('\n');
    md.append("- Data: ").append(sizes).append('\n');
    md.append("- Method: ").append(method).append("\n\n");

    List<Check> checks = checks(pages, startupTarget, heapTargetBytes);
    long failed = checks.stream().filter(c -> !c.pass()).count();
    md.append("### Targets (").append(checks.size() - failed).append(" of ").append(checks.size())
        .append(" met)\n\n");
    md.append("| what | target | measured | |\n| --- | --- | --- | --- |\n");
    for (Check check : checks) {
      md.append("| ").append(check.what()).append(" | ").append(check.target()).append(" | ")
          .append(check.measured()).append(" | ").append(check.pass() ? "pass" : "**FAIL**").append(" |\n");
    }

    md.append("\n### Single user (one user, no think time)\n\n");
    md.append("| page | requests | errors | p50 | p95 | p99 | max | SQL statements | SQL floor p50 | page p50 / floor"
        + " p50 | SQL floor p95 | page p95 / floor p95 |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    for (Page page : pages) {
      GatlingRun.Figures f = single.get(page.name());
      if (f == null) {
        continue;
      }
      SqlFloor.Timing sql = floor.get(page.name());
      md.append("| ").append(page.name()).append(" | ").append(f.requests()).append(" | ").append(f.errors())
          .append(" | ").append(ms(f.p50())).append(" | ").append(ms(f.p95())).append(" | ").append(ms(f.p99()))
          .append(" | ").append(ms(f.max())).append(" | ").append(statements.getOrDefault(page.name(), "-"))
          .append(" | ").append(sql == null ? "-" : ms(sql.p50()))
          .append(" | ").append(sql == null || sql.p50() <= 0 ? "-" : ratio(f.p50() / sql.p50()))
          .append(" | ").append(sql == null ? "-" : ms(sql.p95()))
          .append(" | ").append(sql == null || sql.p95() <= 0 ? "-" : ratio(f.p95() / sql.p95())).append(" |\n");
    }
    md.append("\nThe SQL floor is the page's statements run over JDBC with the same parameters, each timed on its own"
        + " (the session's save, which writes back the values it has, with its commit; other writes, such as the"
        + " audit entry, inside a transaction rolled back afterwards); floor p50 and p95 are the sums of the"
        + " statements' medians and 95th percentiles. A page with a target against its floor lists every statement"
        + " it runs.\n");

    md.append("\n### Standard load (concurrent users with think time, pages mixed)\n\n");
    md.append("| page | requests | errors | p50 | p95 | p99 | max | throughput |\n");
    md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
    List<String> names = new ArrayList<>(pages.stream().map(Page::name).filter(load::containsKey).toList());
    names.add(GatlingRun.ALL);
    for (String name : names) {
      GatlingRun.Figures f = load.get(name);
      if (f == null) {
        continue;
      }
      md.append("| ").append(name).append(" | ").append(f.requests()).append(" | ").append(f.errors())
          .append(" | ").append(ms(f.p50())).append(" | ").append(ms(f.p95())).append(" | ").append(ms(f.p99()))
          .append(" | ").append(ms(f.max())).append(" | ").append(rate(f.throughput())).append(" |\n");
    }

    md.append("\n### Capacity (arrival rate raised until p95 passes ").append(ms(CAPACITY_P95_MILLIS))
        .append(", pages mixed)\n\n");
    md.append("| arrival rate | achieved | requests | errors | p50 | p95 | p99 | held |\n");
    md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
    for (CapacityStep step : capacity) {
      GatlingRun.Figures f = step.figures();
      String held = step.held() ? "yes" : "no" + (step.why() == null ? "" : ": " + cell(step.why()));
      if (f == null) {
        md.append("| ").append(rate(step.rate())).append(" | - | - | - | - | - | - | ").append(held).append(" |\n");
        continue;
      }
      md.append("| ").append(rate(step.rate())).append(" | ").append(rate(f.throughput())).append(" | ")
          .append(f.requests()).append(" | ").append(f.errors()).append(" | ").append(ms(f.p50())).append(" | ")
          .append(ms(f.p95())).append(" | ").append(ms(f.p99())).append(" | ").append(held).append(" |\n");
    }
    Double held = capacityHeld();
    md.append("\nHighest arrival rate held: **").append(held == null ? "none of the rates tried" : rate(held))
        .append("**");
    capacity.stream().filter(step -> !step.held()).findFirst().ifPresent(step -> md.append(" (the search stopped at ")
        .append(rate(step.rate())).append(", the first rate not held)"));
    md.append('\n');
    if (!recoveries.isEmpty()) {
      md.append("\nWaits for Senda to serve normally again: ").append(String.join("; ", recoveries)).append('\n');
    }

    if (flagsSchoolMillis != null || flagsTrustMillis != null || !imports.isEmpty()) {
      md.append("\n### Progress flags and pupil import\n\n| what | measured |\n| --- | ---: |\n");
      row(md, "progress flags in memory, one thread, a school of 2,000 pupils x 3 subjects x 9 points ("
          + flagsMethod + ")", flagsSchoolMillis == null ? null : ms(flagsSchoolMillis));
      row(md, "progress flags in memory, one thread, 40 schools of 600 pupils x 3 subjects x 9 points ("
          + flagsMethod + ")", flagsTrustMillis == null ? null : ms(flagsTrustMillis));
      for (Import run : imports) {
        row(md, run.what() + " (" + run.rows() + " rows): " + cell(run.answer()),
            seconds(run.took().toMillis() / 1000.0));
      }
    }

    md.append("\n### Start-up and memory\n\n| what | measured |\n| --- | ---: |\n");
    row(md, "start-up to ready, DEMO size on H2 (as `./senda demo`)", demoStartup == null ? null
        : seconds(demoStartup.toMillis() / 1000.0));
    row(md, "of which demo data (DEMO size)", demoDataMillis == null ? null : seconds(demoDataMillis / 1000.0));
    row(md, "heap after GC just after start-up (DEMO size, H2)", demoHeap == null ? null : mb(demoHeap));
    row(md, "start-up to ready, benchmark size on PostgreSQL", startup == null ? null
        : seconds(startup.toMillis() / 1000.0));
    row(md, "of which demo data (benchmark size)", dataMillis == null ? null : seconds(dataMillis / 1000.0));
    row(md, "heap after GC just after start-up (benchmark size)", heapAfterStart == null ? null : mb(heapAfterStart));
    row(md, "heap after GC at rest after the load (benchmark size)", heapAtRest == null ? null : mb(heapAtRest));
    row(md, "resident memory at rest after the load", residentAtRest == null ? null : mb(residentAtRest));
    row(md, "graceful shutdown (SIGTERM to exit)", shutdown == null ? null : seconds(shutdown.toMillis() / 1000.0));

    if (!skipped.isEmpty()) {
      md.append("\n### Pages skipped\n\n");
      skipped.forEach((page, reason) -> md.append("- ").append(page).append(": ").append(reason).append('\n'));
    }
    if (!problems.isEmpty()) {
      md.append("\n### Problems in this run\n\n");
      problems.forEach(problem -> md.append("- ").append(problem.replace('\n', ' ')).append('\n'));
    }
    return md.toString();
  }

  /** Puts this run's section first under the introduction, replacing an earlier run of the same commit. */
  void write(Path file, String section) throws IOException {
    String begin = "<!-- run " + commit + " -->";
    String end = "<!-- end of run -->";
    String block = begin + "\n" + section + end + "\n";
    String existing = Files.isRegularFile(file) ? Files.readString(file) : INTRODUCTION;
    Matcher same = Pattern.compile(Pattern.quote(begin) + ".*?" + Pattern.quote(end) + "\n?", Pattern.DOTALL)
        .matcher(existing);
    String updated;
    if (same.find()) {
      updated = existing.substring(0, same.start()) + block + existing.substring(same.end());
    } else {
      int first = existing.indexOf("<!-- run ");
      updated = first < 0
          ? existing.stripTrailing() + "\n\n" + block
          : existing.substring(0, first) + block + "\n" + existing.substring(first);
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, updated);
  }

  static final String INTRODUCTION = """
      # Benchmarks

      Written by `./senda benchmark` (`./mvnw -Pbenchmark verify`), newest run first; a run of a commit that is
      already here replaces its section. The rules are DESIGN.md's benchmark conventions: a generated trust on
      PostgreSQL; single user (one virtual user, no think time); standard load (concurrent users who each wait 1 s
      between requests, pages mixed); capacity (the arrival rate raised until p95 passes 100 ms); the floor (the
      SQL behind a page timed over JDBC in the same run); SQL statements per request from Senda's own counter
      (`X-Senda-Sql-Statements`); heap after a full GC. Gatling, Senda and PostgreSQL share the machine, so compare
      ratios measured in one run, not absolute times across runs.
      """;

  /** Text that is safe inside a table cell: one line, no column separators. */
  static String cell(String text) {
    String line = text.replace('\n', ' ').replace("|", "/");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static void row(StringBuilder md, String what, @Nullable String value) {
    if (value != null) {
      md.append("| ").append(what).append(" | ").append(value).append(" |\n");
    }
  }

  /**
   * The count once the page is warm: the last of the figures a page gave over three requests ("6 / 5" when the
   * first request also recorded when an API token was last used, at most once per LAST_USED_RESOLUTION of ApiTokens).
   */
  static String steady(String counts) {
    String[] each = counts.split(" / ");
    return each[each.length - 1];
  }

  static String ms(double millis) {
    return millis < 10 ? String.format(Locale.ROOT, "%.1f ms", millis) : String.format(Locale.ROOT, "%.0f ms", millis);
  }

  static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.0f MB", bytes / 1024.0 / 1024.0);
  }

  static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.0f/s", perSecond);
  }

  static String ratio(double ratio) {
    return String.format(Locale.ROOT, "%.1f", ratio);
  }
}
