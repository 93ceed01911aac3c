package org.senda.access.internal;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The lockout policy from {@code senda.sign-in.*}. */
@Configuration(proxyBeanMethods = false)
class LockoutConfiguration {

  @Bean
  LockoutPolicy lockoutPolicy(
      @Value("${senda.sign-in.failures-before-delay:3}") int failuresBeforeDelay,
      @Value("${senda.sign-in.failures-before-lock:10}") int failuresBeforeLock,
      @Value("${senda.sign-in.lock-duration:30m}") Duration lockDuration,
      @Value("${senda.sign-in.first-delay:5s}") Duration firstDelay,
      @Value("${senda.sign-in.failures-per-address:100}") int failuresPerAddress,
      @Value("${senda.sign-in.address-window:15m}") Duration addressWindow) {
    return new LockoutPolicy(
        failuresBeforeDelay, failuresBeforeLock, lockDuration, firstDelay, failuresPerAddress, addressWindow);
  }
}
