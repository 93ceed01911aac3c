package org.senda.web.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One clock for the whole application, in the time zone of English schools; tests replace it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  static final ZoneId SCHOOLS = ZoneId.of("Europe/London");

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(SCHOOLS);
  }
}
