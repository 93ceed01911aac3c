package org.senda.support.internal;

import java.util.Optional;
import org.senda.register.CurrentPlans;
import org.springframework.stereotype.Component;

/** The register's "without a current plan" filter: a pupil has a current plan when one of theirs is active. */
@Component
class SupportCurrentPlans implements CurrentPlans {

  @Override
  public Optional<String> hasCurrentPlan(String pupilIdColumn) {
    if (!pupilIdColumn.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
      throw new IllegalArgumentException("Not a column: " + pupilIdColumn);
    }
    return Optional.of("exists (select 1 from support_plan current_plan where current_plan.pupil_id = "
        + pupilIdColumn + " and current_plan.status = 'ACTIVE')");
  }
}
