package org.senda.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Gatling run of {@link SendaSimulation} in a JVM of its own (modest heap, same class path), and the figures
 * of its report per request name.
 */
final class GatlingRun {

  /** Gatling's figures for one request name (times in milliseconds). */
  record Figures(long requests, long ok, long errors, double p50, double p95, double p99, double mean, double max,
      double throughput) {}

  /** The figures of all measured requests together. */
  static final String ALL = "all requests";

  private final Path plan;
  private final Path results;
  private int runs;

  GatlingRun(Path plan, Path results) {
    this.plan = plan;
    this.results = results;
  }

  /**
   * Runs one scenario; {@code settings} become {@code senda.benchmark.*} system properties. Returns the figures per
   * measured request name (warm-up requests left out) and, under {@code "all"}, for all measured requests.
   */
  Map<String, Figures> run(String mode, Map<String, Object> settings, long maxSeconds)
      throws IOException, InterruptedException {
    Path folder = results.resolve(String.format("%02d-%s", ++runs, mode));
    Files.createDirectories(folder);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseParallelGC");
    // As Gatling's own launchers start it: its stats writer reads String internals.
    command.add("--add-opens=java.base/java.lang=ALL-UNNAMED");
    command.add("-XX:MaxInlineLevel=20");
    command.add("-XX:MaxTrivialSize=12");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dgatling.data.enableAnalytics=false");
    command.add("-Dgatling.http.warmUpUrl=");
    command.add("-Dsenda.benchmark.plan=" + plan);
    command.add("-Dsenda.benchmark.mode=" + mode);
    command.add("-Dsenda.benchmark.max-seconds=" + maxSeconds);
    Path samples = folder.resolve("figures.json");
    command.add("-Dsenda.benchmark.samples=" + samples);
    settings.forEach((name, value) -> command.add("-Dsenda.benchmark." + name + "=" + value));
    command.add("io.gatling.app.Gatling");
    command.add("-s");
    command.add(SendaSimulation.class.getName());
    command.add("-rf");
    command.add(folder.toAbsolutePath().toString());
    command.add("-rd");
    command.add(mode + " " + settings);
    Path log = folder.resolve("gatling.log");
    Process gatling = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!gatling.waitFor(maxSeconds + 120, TimeUnit.SECONDS)) {
      gatling.destroyForcibly();
      throw new IllegalStateException("Gatling did not finish in time; see " + log);
    }
    if (gatling.exitValue() != 0) {
      throw new IllegalStateException("Gatling failed (exit " + gatling.exitValue() + "); see " + log);
    }
    if (!Files.isRegularFile(samples)) {
      throw new IllegalStateException("Gatling measured nothing; see " + log);
    }
    return figures(samples);
  }

  private static Map<String, Figures> figures(Path samples) {
    JsonNode root = JsonMapper.builder().build().readTree(samples.toFile());
    Map<String, Figures> figures = new LinkedHashMap<>();
    root.properties().forEach(entry -> figures.put(entry.getKey(),
        JsonMapper.builder().build().treeToValue(entry.getValue(), Figures.class)));
    return figures;
  }
}
