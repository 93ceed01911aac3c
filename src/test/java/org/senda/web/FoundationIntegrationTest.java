package org.senda.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.SendaTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SendaTest
class FoundationIntegrationTest {

  @LocalServerPort
  int port;

  @Test
  void healthIsUpWithoutSigningIn() {
    Api.Response health = new Api(port, null).get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asString()).isEqualTo("UP");
  }

  @Test
  void apiWithoutTokenIsRefusedAsProblemDetails() {
    Api.Response response = new Api(port, null).get("/api/v1/schools");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("status").asInt()).isEqualTo(401);
  }

  @Test
  void apiWithUnknownTokenIsRefused() {
    Api.Response response = new Api(port, "senda_not-a-real-token").get("/api/v1/schools");
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }
}
