package org.senda.diagnostics.internal;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The statement counter on the data source and the filter that reports it per request. */
@Configuration(proxyBeanMethods = false)
class DiagnosticsConfiguration {

  private static final SqlStatementCounter COUNTER = new SqlStatementCounter();

  /** Static: a post-processor must exist before the beans it processes, without the rest of this configuration. */
  @Bean
  static CountingDataSourcePostProcessor countingDataSourcePostProcessor() {
    return new CountingDataSourcePostProcessor(COUNTER);
  }

  /**
   * Outermost, before the session and security filters, so that loading and saving the session counts as part of
   * the request.
   */
  @Bean
  FilterRegistrationBean<SqlStatementsFilter> sqlStatementsFilter(
      ObjectProvider<MeterRegistry> registry,
      @Value("${senda.diagnostics.sql-statements-header:false}") boolean header) {
    FilterRegistrationBean<SqlStatementsFilter> registration =
        new FilterRegistrationBean<>(new SqlStatementsFilter(registry.getIfAvailable(), header));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.setName("sqlStatementsFilter");
    return registration;
  }
}
