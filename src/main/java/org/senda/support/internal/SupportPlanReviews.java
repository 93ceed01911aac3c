package org.senda.support.internal;

import org.senda.identification.PlanReviews;
import org.springframework.stereotype.Component;

/**
 * The identification page's "plan not working": what the latest review of the pupil's active plan found. A review
 * closes a cycle and opens the next, so the latest review of a plan is the one of the cycle before its current one.
 * It found the plan not working when it recorded an outcome as not achieved, or decided to ask for specialist
 * advice or to consider an EHC needs assessment: the steps the Code of Practice sets out where a pupil continues
 * to make less than expected progress despite SEN support (6.58-6.63).
 */
@Component
class SupportPlanReviews implements PlanReviews {

  @Override
  public String finding(String pupilIdColumn) {
    if (!pupilIdColumn.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?")) {
      throw new IllegalArgumentException("Not a column: " + pupilIdColumn);
    }
    return """
        coalesce((select case when latest_review.id is null then 'NO_REVIEW_YET'
            when latest_review.decision in ('ADD_SPECIALIST_ADVICE', 'CONSIDER_EHC_NEEDS_ASSESSMENT')
              or exists (select 1 from support_review_outcome not_met where not_met.review_id = latest_review.id
                and not_met.result = 'NOT_ACHIEVED') then 'NOT_WORKING'
            else 'WORKING' end
          from support_plan current_plan
          left join support_plan_cycle reviewed_cycle on reviewed_cycle.plan_id = current_plan.id
            and reviewed_cycle.number = current_plan.current_cycle - 1
          left join support_review latest_review on latest_review.cycle_id = reviewed_cycle.id
          where current_plan.pupil_id = %s and current_plan.status = 'ACTIVE'
          order by current_plan.id desc fetch first 1 rows only), 'NO_CURRENT_PLAN')"""
        .formatted(pupilIdColumn);
  }
}
