package org.senda.support.internal;

import java.time.LocalDate;
import java.util.List;
import org.senda.pupils.PupilSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the SENCO should chase: reviews past their date and pupils overdue a meeting with parents. */
@Repository
class OverdueQueries {

  record OverdueReview(long planId, long pupilId, String name, String yearGroup, int cycle, LocalDate reviewDate,
      long daysOverdue) {}

  record OverdueMeeting(long pupilId, String name, String yearGroup, long planId, int held, int required,
      @org.jspecify.annotations.Nullable LocalDate lastHeld, @org.jspecify.annotations.Nullable LocalDate missed,
      @org.jspecify.annotations.Nullable LocalDate next) {}

  private final JdbcClient jdbc;
  private final MeetingStore meetings;

  OverdueQueries(JdbcClient jdbc, MeetingStore meetings) {
    this.jdbc = jdbc;
    this.meetings = meetings;
  }

  /** Active plans whose current cycle's review date has passed without a review, longest overdue first. */
  List<OverdueReview> reviews(long schoolId, LocalDate today) {
    return jdbc.sql("""
            select sp.id, p.id, p.legal_forename, p.legal_surname, p.preferred_forename, p.preferred_surname, y.name,
              c.number, c.review_date
            from support_plan sp
            join support_plan_cycle c on c.plan_id = sp.id and c.number = sp.current_cycle
            join pupil p on p.id = sp.pupil_id
            join year_group y on y.id = p.year_group_id
            where sp.school_id = :school and sp.status = 'ACTIVE' and c.closed_on is null
              and c.review_date < :today and (p.leaving_date is null or p.leaving_date > :today)
            order by c.review_date, sp.id""")
        .param("school", schoolId).param("today", today)
        .query((rs, n) -> {
          LocalDate reviewDate = rs.getObject(9, LocalDate.class);
          return new OverdueReview(rs.getLong(1), rs.getLong(2),
              PupilSummary.displayName(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
              rs.getString(7), rs.getInt(8), reviewDate,
              java.time.temporal.ChronoUnit.DAYS.between(reviewDate, today));
        })
        .list();
  }

  /**
   * Pupils with an active plan who have had fewer meetings with parents in the last twelve months than the school
   * requires (in proportion for a first plan less than a year old), or whose scheduled meeting has passed without
   * being recorded.
   */
  List<OverdueMeeting> meetings(long schoolId, int meetingsPerYear, LocalDate today) {
    return meetings.meetingRows(schoolId, today).stream()
        .map(r -> new OverdueMeeting(r.pupilId(), r.name(), r.yearGroup(), r.planId(), r.held(),
            MeetingSchedule.required(meetingsPerYear, r.firstPlanOpened(), today), r.lastHeld(), r.missed(),
            r.next()))
        .filter(m -> m.held() < m.required() || m.missed() != null)
        .toList();
  }
}
