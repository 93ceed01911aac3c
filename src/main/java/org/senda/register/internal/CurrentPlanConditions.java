package org.senda.register.internal;

import java.util.List;
import java.util.Optional;
import org.senda.register.CurrentPlans;
import org.springframework.stereotype.Component;

/**
 * The "has a current plan" condition from the module that keeps plans, when one is installed. Until then no plans
 * are recorded in Senda, and the register says so rather than pretending to filter.
 */
@Component
class CurrentPlanConditions {

  private final List<CurrentPlans> providers;

  CurrentPlanConditions(List<CurrentPlans> providers) {
    this.providers = providers;
  }

  /** Whether any module records plans. */
  boolean recorded() {
    return !providers.isEmpty();
  }

  /** The condition over a pupil id column, when plans are recorded. */
  Optional<String> hasCurrentPlan(String pupilIdColumn) {
    return providers.stream().findFirst().flatMap(p -> p.hasCurrentPlan(pupilIdColumn));
  }
}
