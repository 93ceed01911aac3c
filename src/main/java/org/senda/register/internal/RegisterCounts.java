package org.senda.register.internal;

import java.util.Map;
import org.senda.register.BroadArea;

/**
 * Counts over the pupils a list shows (all pages), for the top of the register.
 *
 * @param byArea pupils on the register (K or E) by the broad area of their primary need
 */
record RegisterCounts(long total, long senSupport, long ehcPlans, long monitoring, Map<BroadArea, Long> byArea) {

  static RegisterCounts empty() {
    return new RegisterCounts(0, 0, 0, 0, Map.of());
  }

  public long onRegister() {
    return senSupport + ehcPlans;
  }

  public long area(BroadArea area) {
    return byArea.getOrDefault(area, 0L);
  }
}
