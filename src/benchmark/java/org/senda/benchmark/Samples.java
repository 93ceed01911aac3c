package org.senda.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every measured response of a Gatling run (its time as Gatling measured it, and whether it was right), kept in the
 * Gatling JVM and summed up into {@link GatlingRun.Figures} per request name when the run ends.
 */
final class Samples {

  private static final class Series {
    private final List<Long> millis = new ArrayList<>();
    private long requests;
    private long errors;
    private long first = Long.MAX_VALUE;
    private long last = Long.MIN_VALUE;

    synchronized void add(@Nullable Integer responseMillis, boolean ok, long now) {
      if (responseMillis != null) {
        millis.add(responseMillis.longValue());
        first = Math.min(first, now - responseMillis);
      } else {
        first = Math.min(first, now);
      }
      last = Math.max(last, now);
      requests++;
      if (!ok) {
        errors++;
      }
    }
  }

  private static final Map<String, Series> SERIES = new ConcurrentHashMap<>();
  private static final Series ALL = new Series();

  private Samples() {}

  static void record(String name, @Nullable Integer responseMillis, boolean ok) {
    long now = System.currentTimeMillis();
    SERIES.computeIfAbsent(name, n -> new Series()).add(responseMillis, ok, now);
    ALL.add(responseMillis, ok, now);
  }

  static void write(Path file) {
    Map<String, GatlingRun.Figures> figures = new LinkedHashMap<>();
    SERIES.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> figures.put(entry.getKey(), figures(entry.getValue())));
    if (!SERIES.isEmpty()) {
      figures.put(GatlingRun.ALL, figures(ALL));
    }
    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), figures);
  }

  private static GatlingRun.Figures figures(Series series) {
    synchronized (series) {
      long[] sorted = series.millis.stream().mapToLong(Long::longValue).sorted().toArray();
      long total = series.requests;
      double seconds = Math.max(0.001, (series.last - series.first) / 1000.0);
      return new GatlingRun.Figures(
          total,
          total - series.errors,
          series.errors,
          sorted.length == 0 ? Double.NaN : SqlFloor.percentile(sorted, 50),
          sorted.length == 0 ? Double.NaN : SqlFloor.percentile(sorted, 95),
          sorted.length == 0 ? Double.NaN : SqlFloor.percentile(sorted, 99),
          Arrays.stream(sorted).average().orElse(Double.NaN),
          sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1],
          total / seconds);
    }
  }
}
