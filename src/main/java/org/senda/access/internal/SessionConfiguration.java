package org.senda.access.internal;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * The session repository the session filter and Senda use: the JDBC one Spring Boot sets up, wrapped so that a
 * request does not read back the session it has just saved, and the filter that keeps what it remembers to one
 * request.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

  /** Wraps the repository once it is set up (declaring one would turn Spring Boot's JDBC sessions off). */
  @Bean
  static BeanPostProcessor requestSessionRepository() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof JdbcIndexedSessionRepository database ? new RequestSessionRepository<>(database) : bean;
      }
    };
  }

  /** Just outside Spring Session's filter, so that both of its saves and its look-ups fall within it. */
  @Bean
  FilterRegistrationBean<RequestSessionRepository.Forget> forgetSavedSession() {
    FilterRegistrationBean<RequestSessionRepository.Forget> registration =
        new FilterRegistrationBean<>(new RequestSessionRepository.Forget());
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    registration.setName("forgetSavedSession");
    return registration;
  }
}
