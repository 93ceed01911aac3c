package org.senda.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.mock.web.MockHttpServletResponse;

/** The cap on requests at once, with real threads holding the places. */
class RequestLimitTest {

  private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
  private final CountDownLatch release = new CountDownLatch(1);
  private final Counter refused = new SimpleMeterRegistry().counter("refused");

  @AfterEach
  void stop() {
    release.countDown();
    threads.shutdownNow();
  }

  @Test
  void whenEveryPlaceIsTakenAPageIsAnsweredBusyWithRetryAfterAndThenServedOnceAPlaceIsFree() throws Exception {
    RequestLimit limit = new RequestLimit(2, Duration.ofMillis(50), Duration.ofSeconds(5), refused);
    CountDownLatch inside = new CountDownLatch(2);
    Future<MockHttpServletResponse> first = threads.submit(() -> call(limit, "/schools/1", holding(inside)));
    Future<MockHttpServletResponse> second = threads.submit(() -> call(limit, "/api/v1/me", holding(inside)));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(limit.inFlight()).isEqualTo(2);

    MockHttpServletResponse page = call(limit, "/schools/1", served());
    assertThat(page.getStatus()).isEqualTo(503);
    assertThat(page.getHeader("Retry-After")).isEqualTo("5");
    assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(page.getContentType()).startsWith("text/html");
    assertThat(page.getContentAsString()).contains("<h1 class=\"govuk-heading-l\">Sorry, Senda is busy</h1>")
        .contains("/css/senda.css").doesNotContain("<script").doesNotContain("style=");

    MockHttpServletResponse api = call(limit, "/api/v1/schools", served());
    assertThat(api.getStatus()).isEqualTo(503);
    assertThat(api.getContentType()).startsWith("application/problem+json");
    assertThat(api.getContentAsString()).contains("\"status\":503").contains("\"title\":\"Service Unavailable\"");
    assertThat(refused.count()).isEqualTo(2);

    // Style sheets and health checks are never held back.
    assertThat(call(limit, "/css/senda.css", served()).getStatus()).isEqualTo(200);
    assertThat(call(limit, "/actuator/health/readiness", served()).getStatus()).isEqualTo(200);

    release.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(second.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(limit.inFlight()).isZero();
    assertThat(call(limit, "/schools/1", served()).getStatus()).isEqualTo(200);
  }

  @Test
  void aRequestWaitsBrieflyForAPlaceBeforeBeingRefused() throws Exception {
    RequestLimit limit = new RequestLimit(1, Duration.ofSeconds(5), Duration.ofSeconds(1), refused);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch holdBriefly = new CountDownLatch(1);
    Future<MockHttpServletResponse> first = threads.submit(() -> call(limit, "/", (request, response) -> {
      inside.countDown();
      try {
        holdBriefly.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    Future<MockHttpServletResponse> waiting = threads.submit(() -> call(limit, "/", served()));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (limit.waiting() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(limit.waiting()).isEqualTo(1);
    holdBriefly.countDown();
    assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(refused.count()).isZero();
  }

  @Test
  void theCapacityCanChangeWhileRequestsHoldPlaces() throws Exception {
    RequestLimit limit = new RequestLimit(3, Duration.ZERO, Duration.ofSeconds(1), refused);
    CountDownLatch inside = new CountDownLatch(2);
    threads.submit(() -> call(limit, "/", holding(inside)));
    threads.submit(() -> call(limit, "/", holding(inside)));
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

    limit.resize(1);
    assertThat(call(limit, "/", served()).getStatus()).isEqualTo(503);
    release.countDown();
    // Both earlier requests finish; one place is then free again.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (limit.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(limit.inFlight()).isZero();
    assertThat(call(limit, "/", served()).getStatus()).isEqualTo(200);
    limit.resize(0);
    assertThat(call(limit, "/", served()).getStatus()).isEqualTo(503);
  }

  @Test
  void aRequestThatFindsNoDatabaseConnectionIsAnsweredBusyNotFailed() throws Exception {
    RequestLimit limit = new RequestLimit(4, Duration.ofMillis(50), Duration.ofSeconds(7), refused);
    var hikariTimeout = new SQLTransientConnectionException(
        "HikariPool-1 - Connection is not available, request timed out after 2000ms");
    // As thrown through the servlet from a page's transaction, and straight from a filter's statement.
    FilterChain pageTransaction = (request, response) -> {
      throw new ServletException("Request processing failed",
          new CannotCreateTransactionException("Could not open JDBC Connection for transaction", hikariTimeout));
    };
    FilterChain sessionLoad = (request, response) -> {
      throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", hikariTimeout);
    };

    MockHttpServletResponse page = call(limit, "/schools/1", pageTransaction);
    assertThat(page.getStatus()).isEqualTo(503);
    assertThat(page.getHeader("Retry-After")).isEqualTo("7");
    assertThat(page.getContentType()).startsWith("text/html");
    assertThat(page.getContentAsString()).contains("Sorry, Senda is busy");

    MockHttpServletResponse api = call(limit, "/api/v1/schools", sessionLoad);
    assertThat(api.getStatus()).isEqualTo(503);
    assertThat(api.getHeader("Retry-After")).isEqualTo("7");
    assertThat(api.getContentType()).startsWith("application/problem+json");
    assertThat(api.getContentAsString()).contains("\"status\":503");
    assertThat(limit.inFlight()).isZero();

    // Any other failure is left to the error pages.
    FilterChain broken = (request, response) -> {
      throw new ServletException("Request processing failed", new IllegalStateException("a bug"));
    };
    assertThatThrownBy(() -> call(limit, "/schools/1", broken)).isInstanceOf(ServletException.class);
    assertThatThrownBy(() -> call(limit, "/schools/1", (request, response) -> {
      throw new CannotCreateTransactionException("Could not open JDBC Connection",
          new java.sql.SQLException("password authentication failed"));
    })).isInstanceOf(CannotCreateTransactionException.class);
    assertThat(limit.inFlight()).isZero();
  }

  @Test
  void anApiCallThatFindsNoDatabaseConnectionIsAProblemWithRetryAfter() {
    ApiProblems problems = new ApiProblems(Duration.ofSeconds(7));
    var busy = problems.unexpected(new CannotCreateTransactionException("Could not open JDBC Connection",
        new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms")));
    assertThat(busy.getStatusCode().value()).isEqualTo(503);
    assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("7");
    assertThat(busy.getBody().getStatus()).isEqualTo(503);
    assertThat(busy.getBody().getDetail()).contains("Retry-After");

    var failed = problems.unexpected(new IllegalStateException("a bug"));
    assertThat(failed.getStatusCode().value()).isEqualTo(500);
    assertThat(failed.getHeaders().getFirst("Retry-After")).isNull();
  }

  private FilterChain holding(CountDownLatch inside) {
    return (request, response) -> {
      inside.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
  }

  private static FilterChain served() {
    return (request, response) -> ((jakarta.servlet.http.HttpServletResponse) response).setStatus(200);
  }

  private static MockHttpServletResponse call(RequestLimit limit, String path, FilterChain chain) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, chain);
    return response;
  }
}
