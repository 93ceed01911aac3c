package org.senda.web.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The cap on requests handled at once ({@link RequestLimit}). Unless {@code senda.http.max-concurrent-requests}
 * says otherwise, it is twice the database pool: nearly every page holds a connection for most of its time, so
 * more requests than that at once would only wait for a connection, while a few more than the pool keep every
 * connection busy.
 */
@Configuration(proxyBeanMethods = false)
class RequestLimitConfiguration {

  @Bean
  RequestLimit requestLimit(
      @Value("${senda.http.max-concurrent-requests:0}") int configured,
      @Value("${spring.datasource.hikari.maximum-pool-size:10}") int pool,
      @Value("${senda.http.max-wait:500ms}") Duration wait,
      @Value("${senda.http.retry-after:5s}") Duration retryAfter,
      ObjectProvider<MeterRegistry> registry) {
    int capacity = configured > 0 ? configured : 2 * pool;
    MeterRegistry meters = registry.getIfAvailable();
    Counter refused = meters == null ? null : Counter.builder("senda.http.requests.refused")
        .description("Requests answered 503 because Senda was handling as many as it may at once")
        .register(meters);
    RequestLimit limit = new RequestLimit(capacity, wait, retryAfter, refused);
    if (meters != null) {
      Gauge.builder("senda.http.requests.in.flight", limit, RequestLimit::inFlight)
          .description("Requests being handled now (static files and health checks not counted)")
          .register(meters);
    }
    return limit;
  }

  /** Before the session and security filters: a refused request costs no database work at all. */
  @Bean
  FilterRegistrationBean<RequestLimit> requestLimitFilter(RequestLimit limit) {
    FilterRegistrationBean<RequestLimit> registration = new FilterRegistrationBean<>(limit);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
    registration.setName("requestLimit");
    return registration;
  }
}
