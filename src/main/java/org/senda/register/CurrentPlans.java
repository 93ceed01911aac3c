package org.senda.register;

import java.util.Optional;

/**
 * Which pupils have a current support plan, for the register's "without a current plan" filter. The module that
 * keeps plans provides it; until one does, the register says that no plans are recorded in Senda.
 */
public interface CurrentPlans {

  /**
   * An SQL condition that is true when the pupil whose id is in {@code pupilIdColumn} has a current plan, put
   * into the register's own query so that the list stays one statement; empty when no plans are recorded.
   */
  Optional<String> hasCurrentPlan(String pupilIdColumn);
}
