package org.senda.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The cap on requests at once, in the running application: saturated, it answers 503 before any other work. */
@SendaTest
class RequestLimitIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  RequestLimit limit;

  @Value("${spring.datasource.hikari.maximum-pool-size}")
  int pool;

  @Test
  void whenSaturatedPagesAndTheApiAreAnsweredBusyButStaticFilesAndHealthChecksAreServed() {
    assertThat(limit.capacity()).isEqualTo(2 * pool);
    int capacity = limit.capacity();
    // As if every place were taken by requests still running.
    limit.resize(0);
    try {
      PageSession browser = new PageSession(port);
      PageSession.Page page = browser.get("/sign-in");
      assertThat(page.status()).isEqualTo(503);
      assertThat(page.header("Retry-After")).contains("5");
      assertThat(page.header("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body()).contains("Sorry, Senda is busy");
      // Refused before the session filter: no cookie, no database work.
      assertThat(page.header("Set-Cookie")).isEmpty();

      Api.Response api = new Api(port, "senda_whatever").get("/api/v1/me");
      assertThat(api.status()).isEqualTo(503);
      assertThat(api.contentType()).startsWith("application/problem+json");
      assertThat(api.json().get("status").asInt()).isEqualTo(503);

      assertThat(browser.get("/css/senda.css").status()).isEqualTo(200);
      assertThat(browser.get("/actuator/health/readiness").status()).isEqualTo(200);
      assertThat(browser.get("/actuator/prometheus").body()).contains("senda_http_requests_refused_total");
    } finally {
      limit.resize(capacity);
    }
    assertThat(new PageSession(port).get("/sign-in").status()).isEqualTo(200);
  }
}
