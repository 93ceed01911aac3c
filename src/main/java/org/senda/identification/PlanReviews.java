package org.senda.identification;

/**
 * What the latest review of a pupil's current support plan found, for the identification page: a flagged pupil on
 * SEN support whose plan is not working is the SENCO's next question (Code of Practice 6.58). The module that keeps
 * support plans provides it; until one does, the page shows the pupils' SEN status alone.
 */
public interface PlanReviews {

  /** What the latest review of a pupil's current plan found. */
  enum Finding {
    NO_CURRENT_PLAN("No current plan"),
    NO_REVIEW_YET("No review yet"),
    WORKING("Plan working at its latest review"),
    NOT_WORKING("Plan not working at its latest review");

    private final String title;

    Finding(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }
  }

  /**
   * An SQL expression giving the name of the {@link Finding} for the pupil whose id is in {@code pupilIdColumn},
   * put into the identification page's own query so that the page reads it without a statement of its own.
   */
  String finding(String pupilIdColumn);
}
