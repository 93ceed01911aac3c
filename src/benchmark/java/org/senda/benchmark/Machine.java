package org.senda.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a run measured on: cores, memory, processor, operating system and JDK. */
final class Machine {

  private Machine() {}

  /** The load average over the last minute, as /proc/loadavg gives it (other work on the machine skews figures). */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException | RuntimeException notLinux) {
      return "unknown";
    }
  }

  static String describe() {
    String cpu = "unknown processor";
    long memoryKb = 0;
    try {
      cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst().orElse(cpu);
      memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
          .filter(line -> line.startsWith("MemTotal:"))
          .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
          .findFirst().orElse(0);
    } catch (IOException notLinux) {
      // Leave what is unknown unknown.
    }
    return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB memory, %s %s, Java %s",
        Runtime.getRuntime().availableProcessors(), cpu, memoryKb / 1024.0 / 1024.0, System.getProperty("os.name"),
        System.getProperty("os.version"), System.getProperty("java.version"));
  }
}
