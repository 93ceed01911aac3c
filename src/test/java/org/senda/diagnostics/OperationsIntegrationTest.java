package org.senda.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.SendaTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a load balancer, an orchestrator and a metrics scraper see, none of them signed in. */
@SendaTest
class OperationsIntegrationTest {

  /** The timer of completed requests to the health check (the active-requests gauge carries the uri earlier). */
  private static final Pattern HEALTH_TIMED =
      Pattern.compile("http_server_requests_seconds_count\\{[^}]*uri=\"/actuator/health\"");

  @LocalServerPort
  int port;

  @Test
  void livenessAndReadinessProbesAreUp() {
    Api anonymous = new Api(port, null);
    for (String probe : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
      Api.Response response = anonymous.get(probe);
      assertThat(response.status()).as(probe).isEqualTo(200);
      assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
    }
  }

  @Test
  void healthShowsNoDetailsToAnonymousCallers() {
    Api.Response health = new Api(port, null).get("/actuator/health");
    assertThat(health.json().has("components")).isFalse();
    assertThat(health.body()).doesNotContain("jdbc:", "diskSpace");
  }

  @Test
  void prometheusScrapesTheTextFormat() {
    new Api(port, null).get("/actuator/health");

    // A request is timed as its exchange completes, just after the client has the answer: the first scrape may be
    // a moment early for it.
    HttpResponse<String> metrics = await().atMost(Duration.ofSeconds(10)).until(() -> scrape(port),
        scraped -> HEALTH_TIMED.matcher(scraped.body()).find());

    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type")).get(InstanceOfAssertFactories.STRING)
        .startsWith("text/plain");
    assertThat(metrics.body())
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .containsPattern("jvm_memory_used_bytes\\{[^}]*area=\"heap\"")
        .containsPattern(HEALTH_TIMED)
        .containsPattern("hikaricp_connections_active\\{")
        .contains("application=\"senda\"");
  }

  /** Scrapes as Prometheus does: plain text, no session, no token. */
  static HttpResponse<String> scrape(int port) {
    try (HttpClient client = HttpClient.newHttpClient()) {
      return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
          .header("Accept", "text/plain;version=0.0.4;q=0.5,*/*;q=0.1")
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void otherActuatorEndpointsNeedSigningIn() {
    Api anonymous = new Api(port, null);
    assertThat(anonymous.get("/actuator/metrics").status()).isIn(302, 401);
    assertThat(anonymous.get("/actuator/modulith").status()).isIn(302, 401);
  }
}
