package org.senda.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Senda started from its jar on 127.0.0.1 and a free port, as an operator starts it: the time until it is ready
 * (readiness probe up, demo data seeded), its heap after a full collection, and a graceful stop.
 */
final class SendaProcess implements AutoCloseable {

  private static final Pattern DEMO_SEEDED = Pattern.compile("Demo trust seeded .* in (\\d+) ms");
  private static final Pattern HEAP_USED = Pattern.compile(
      "(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.Ee+-]+)$");
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final Path log;
  private final int port;
  private final Duration startup;

  private SendaProcess(Process process, Path log, int port, Duration startup) {
    this.process = process;
    this.log = log;
    this.port = port;
    this.startup = startup;
  }

  /** Starts the jar with these JVM options and arguments and waits until it is ready (at most the timeout). */
  static SendaProcess start(Path jar, List<String> jvmOptions, List<String> arguments, Path log, Duration timeout)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(arguments);
    command.add("--server.port=" + port);
    command.add("--server.address=127.0.0.1");
    long started = System.nanoTime();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
    long deadline = started + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Senda stopped while starting (exit " + process.exitValue() + "); see " + log);
      }
      try {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
            .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
          return new SendaProcess(process, log, port, Duration.ofNanos(System.nanoTime() - started));
        }
      } catch (IOException notListeningYet) {
        // Not listening yet.
      }
      Thread.sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("Senda was not ready within " + timeout + "; see " + log);
  }

  int port() {
    return port;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /** From starting the JVM to the readiness probe answering UP (the demo data seeded). */
  Duration startup() {
    return startup;
  }

  /** How long seeding the demo data took, as Senda logged it. */
  OptionalLong demoDataMillis() throws IOException {
    Matcher matcher = DEMO_SEEDED.matcher(Files.readString(log));
    return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
  }

  /**
   * Waits until Senda serves again after a heavy step: its readiness probe answers UP and a page (which, unlike the
   * probe, waits its turn under the cap on requests at once) answers quickly, three times in a row. Returns how
   * long that took; throws when Senda has stopped or does not recover within the timeout.
   */
  Duration awaitRecovery(Duration timeout) throws InterruptedException {
    long started = System.nanoTime();
    long deadline = started + timeout.toNanos();
    int healthy = 0;
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Senda is no longer running (exit " + process.exitValue() + "); see " + log);
      }
      try {
        HttpResponse<String> ready = get("/actuator/health/readiness", "application/json", Duration.ofSeconds(2));
        HttpResponse<String> page = ready.statusCode() == 200
            ? get("/sign-in", "text/html", Duration.ofSeconds(2)) : ready;
        boolean up = ready.statusCode() == 200 && ready.body().contains("\"UP\"") && page.statusCode() == 200;
        healthy = up ? healthy + 1 : 0;
        last = "readiness " + ready.statusCode() + ", sign-in page " + page.statusCode();
        if (healthy >= 3) {
          return Duration.ofNanos(System.nanoTime() - started);
        }
      } catch (IOException e) {
        healthy = 0;
        last = e.getClass().getSimpleName() + ": " + e.getMessage();
      }
      Thread.sleep(healthy > 0 ? 100 : 500);
    }
    throw new IllegalStateException("Senda did not recover within " + timeout.toSeconds() + " s (last: " + last
        + "); see " + log);
  }

  /** Heap in use right after a full collection: {@code jcmd GC.run}, then the heap pools from Prometheus. */
  long heapAfterGc() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        Long.toString(process.pid()), "GC.run").redirectErrorStream(true).start();
    String output = new String(jcmd.getInputStream().readAllBytes());
    if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd GC.run failed: " + output);
    }
    Matcher matcher = HEAP_USED.matcher(get("/actuator/prometheus", "text/plain").body());
    double bytes = 0;
    int pools = 0;
    while (matcher.find()) {
      bytes += Double.parseDouble(matcher.group(1));
      pools++;
    }
    if (pools == 0) {
      throw new IllegalStateException("No heap pools in /actuator/prometheus");
    }
    return (long) bytes;
  }

  /** Resident memory of the process (VmRSS), in bytes. */
  long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }

  HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
    return get(path, accept, Duration.ofSeconds(30));
  }

  HttpResponse<String> get(String path, String accept, Duration timeout) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(timeout)
        .header("Accept", accept).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Stops Senda as an orchestrator does (SIGTERM, graceful shutdown) and returns how long it took. */
  Duration stop() throws InterruptedException {
    long started = System.nanoTime();
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
