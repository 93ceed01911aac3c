package org.senda.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.senda.register.SendStatus;

class MonitoringTest {

  static final LocalDate LEFT = LocalDate.of(2026, 3, 31);

  @Test
  void monitorsForTheChosenPeriodAfterLeaving() {
    LocalDate until = Monitoring.until(LEFT, 6);

    assertThat(until).isEqualTo(LocalDate.of(2026, 9, 30));
    assertThat(Monitoring.monitoring(SendStatus.N, until, LocalDate.of(2026, 9, 30))).isTrue();
    assertThat(Monitoring.monitoring(SendStatus.N, until, LocalDate.of(2026, 10, 1))).isFalse();
  }

  @Test
  void aPupilBackOnTheRegisterIsNotMonitoring() {
    assertThat(Monitoring.monitoring(SendStatus.K, Monitoring.until(LEFT, 6), LEFT.plusMonths(1))).isFalse();
    assertThat(Monitoring.monitoring(SendStatus.N, null, LEFT)).isFalse();
  }
}
