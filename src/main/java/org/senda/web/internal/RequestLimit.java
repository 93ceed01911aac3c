package org.senda.web.internal;

import io.micrometer.core.instrument.Counter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps Senda answering when more people ask at once than it can serve: at most {@code capacity} requests are
 * handled at a time; one more waits briefly for a place and is otherwise answered at once with 503 Service
 * Unavailable and a Retry-After, instead of queueing without bound for a database connection until nothing
 * answers at all. Style sheets, scripts, health checks and metrics are never held back: they use no database
 * connection and the people running Senda need them most when it is busy.
 *
 * <p>A request admitted that still finds no free database connection in time (the pool is exhausted, or the
 * database is not answering) gets the same busy answer instead of an error page.
 */
final class RequestLimit extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestLimit.class);

  /** Paths that are always served: static files, and what load balancers and monitoring ask for. */
  static final List<String> ALWAYS_SERVED = List.of("/css/", "/js/", "/assets/", "/favicon.ico",
      "/actuator/health", "/actuator/prometheus");

  static final String BUSY_PAGE = """
      <!DOCTYPE html>
      <html lang="en" class="govuk-template">
      <head>
        <meta charset="utf-8">
        <title>Sorry, Senda is busy - Senda</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
        <link rel="stylesheet" href="/css/senda.css">
      </head>
      <body class="govuk-template__body">
      <header class="govuk-template__header">
        <div class="govuk-generic-header">
          <div class="govuk-generic-header__container govuk-width-container">
            <div class="govuk-generic-header__logo">
              <a href="/" class="govuk-generic-header__homepage-link">Senda</a>
            </div>
          </div>
        </div>
      </header>
      <div class="govuk-width-container">
        <main class="govuk-main-wrapper" id="main-content">
          <h1 class="govuk-heading-l">Sorry, Senda is busy</h1>
          <p class="govuk-body">Too many people are using Senda at the moment. Try again in a minute.</p>
          <p class="govuk-body">If you were saving something, it has not been saved. Go back and save it again.</p>
        </main>
      </div>
      </body>
      </html>
      """;

  static final String BUSY_PROBLEM = """
      {"type":"about:blank","title":"Service Unavailable","status":503,\
      "detail":"Senda is busy. Try again after the number of seconds in the Retry-After header."}""";

  /** A semaphore whose number of places can be changed while requests hold some of them. */
  private static final class Places extends Semaphore {
    Places(int permits) {
      super(permits);
    }

    void remove(int permits) {
      reducePermits(permits);
    }
  }

  private final Places places;
  private final long waitNanos;
  private final String retryAfterSeconds;
  private final @Nullable Counter refused;
  private int capacity;

  RequestLimit(int capacity, Duration wait, Duration retryAfter, @Nullable Counter refused) {
    if (capacity < 1) {
      throw new IllegalArgumentException("senda.http.max-concurrent-requests must be at least 1");
    }
    this.places = new Places(capacity);
    this.capacity = capacity;
    this.waitNanos = wait.toNanos();
    this.retryAfterSeconds = String.valueOf(Math.max(1, retryAfter.toSeconds()));
    this.refused = refused;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (alwaysServed(request)) {
      chain.doFilter(request, response);
      return;
    }
    boolean admitted;
    try {
      admitted = places.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      refuse(request, response);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      if (!databaseBusy(e)) {
        throw e;
      }
      log.warn("No database connection free in time for {} {}: answered busy", request.getMethod(),
          request.getRequestURI());
      answerBusy(request, response);
    } finally {
      places.release();
    }
  }

  /**
   * Whether the failure is (or was caused by) waiting in vain for a database connection: Hikari's timeout, or
   * Spring's wrapping of it when a transaction or statement could not get a connection.
   */
  static boolean databaseBusy(@Nullable Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException || t instanceof CannotGetJdbcConnectionException) {
        return true;
      }
    }
    return false;
  }

  /** How many requests are being handled now. */
  synchronized int inFlight() {
    return capacity - places.availablePermits();
  }

  /** How many requests are waiting for a place now. */
  int waiting() {
    return places.getQueueLength();
  }

  synchronized int capacity() {
    return capacity;
  }

  /** Changes how many requests may be handled at once; requests already admitted carry on. */
  synchronized void resize(int newCapacity) {
    if (newCapacity < 0) {
      throw new IllegalArgumentException("capacity " + newCapacity);
    }
    int change = newCapacity - capacity;
    if (change > 0) {
      places.release(change);
    } else if (change < 0) {
      places.remove(-change);
    }
    capacity = newCapacity;
  }

  private static boolean alwaysServed(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    for (String prefix : ALWAYS_SERVED) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (refused != null) {
      refused.increment();
    }
    answerBusy(request, response);
  }

  private void answerBusy(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", retryAfterSeconds);
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/") || path.startsWith("/v3/")) {
      response.setContentType("application/problem+json");
      response.getWriter().write(BUSY_PROBLEM);
    } else {
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write(BUSY_PAGE);
    }
  }
}
