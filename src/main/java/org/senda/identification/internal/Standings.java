package org.senda.identification.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.senda.identification.PlanReviews;
import org.senda.register.SendStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the pupils of a school stand beyond their scores: on the SEND register or not, what the latest review of
 * their current support plan found, and their open cause for concern. These change without changing a flag, so the
 * identification page reads them on every view, in one query for the whole school.
 */
@Component
class Standings {

  /** One pupil's standing; {@code review} is null when no module records support plans. */
  record Standing(SendStatus status, PlanReviews.@Nullable Finding review, @Nullable Long openConcern) {

    /** A pupil with no row: not on the register, no cause for concern open. */
    static final Standing NONE = new Standing(SendStatus.N, null, null);

    /** The finding for a pupil on the register, to show beside their status; null when off it. */
    public PlanReviews.@Nullable Finding planReview() {
      return status.onRegister() ? review : null;
    }
  }

  private final JdbcClient jdbc;
  private final List<PlanReviews> reviews;

  Standings(JdbcClient jdbc, List<PlanReviews> reviews) {
    this.jdbc = jdbc;
    this.reviews = reviews;
  }

  /**
   * The pupils of the school on the register or with an open cause for concern (the most recently raised when they
   * have several), by pupil id: one query. Every other pupil stands as {@link Standing#NONE}.
   */
  Map<Long, Standing> of(long schoolId) {
    Map<Long, Standing> standings = new HashMap<>();
    Map<Long, Long> concerns = new HashMap<>();
    jdbc.sql(sql(reviews.isEmpty() ? "cast(null as varchar(20))" : reviews.getFirst().finding("r.pupil_id")))
        .params(schoolId, schoolId)
        .query(rs -> {
          long pupilId = rs.getLong("pupil_id");
          String status = rs.getString("status");
          if (status != null) {
            String review = rs.getString("plan_review");
            standings.put(pupilId, new Standing(SendStatus.valueOf(status),
                review == null ? null : PlanReviews.Finding.valueOf(review), null));
          } else {
            concerns.put(pupilId, rs.getLong("concern_id"));
          }
        });
    concerns.forEach((pupilId, concernId) -> standings.merge(pupilId, new Standing(SendStatus.N, null, concernId),
        (onRegister, concern) -> new Standing(onRegister.status(), onRegister.review(), concernId)));
    return standings;
  }

  /** The query, with the plan review finding over {@code r.pupil_id}; ordered so that the latest concern is last. */
  static String sql(String planReview) {
    return """
        select r.pupil_id, r.status, %s as plan_review, cast(null as bigint) as concern_id,
          cast(null as date) as raised_on
        from register_entry r where r.school_id = ? and r.status in ('K', 'E')
        union all
        select c.pupil_id, null, null, c.id, c.raised_on from concern c where c.school_id = ? and c.status <> 'DECIDED'
        order by 5, 4""".formatted(planReview);
  }
}
