package org.senda.support.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When to meet parents in a plan cycle, and whether a pupil is overdue a meeting (Code of Practice 6.65: schools
 * should meet parents at least three times each year). A first cycle opens with a meeting to agree the plan; every
 * cycle ends with the review meeting; mid-cycle meetings are added, evenly spaced, when the gap between meetings
 * would otherwise be longer than a year divided by the school's number of meetings a year. Meetings fall on
 * weekdays (a weekend date moves to the Friday before).
 */
final class MeetingSchedule {

  record Planned(MeetingPurpose purpose, LocalDate on) {}

  private MeetingSchedule() {}

  static List<Planned> forCycle(int cycleNumber, LocalDate openedOn, LocalDate reviewDate, int meetingsPerYear) {
    List<Planned> meetings = new ArrayList<>();
    if (cycleNumber == 1) {
      meetings.add(new Planned(MeetingPurpose.PLAN_START, weekday(openedOn)));
    }
    long length = ChronoUnit.DAYS.between(openedOn, reviewDate);
    if (length > 0) {
      long gap = 365 / Math.max(1, meetingsPerYear);
      long parts = (length + gap - 1) / gap;
      for (long i = 1; i < parts; i++) {
        meetings.add(new Planned(MeetingPurpose.MID_CYCLE, weekday(openedOn.plusDays(length * i / parts))));
      }
    }
    meetings.add(new Planned(MeetingPurpose.REVIEW, weekday(reviewDate)));
    return meetings;
  }

  /**
   * How many meetings a pupil should have had in the last twelve months: the school's number a year, in
   * proportion for a pupil whose first plan began less than a year ago (rounded down, so nobody is overdue in
   * their first weeks).
   */
  static int required(int meetingsPerYear, LocalDate firstPlanOpened, LocalDate today) {
    LocalDate yearAgo = today.minusYears(1);
    if (!firstPlanOpened.isAfter(yearAgo)) {
      return meetingsPerYear;
    }
    long days = Math.max(0, ChronoUnit.DAYS.between(firstPlanOpened, today));
    return (int) (meetingsPerYear * days / ChronoUnit.DAYS.between(yearAgo, today));
  }

  static LocalDate weekday(LocalDate date) {
    return switch (date.getDayOfWeek()) {
      case SATURDAY -> date.minusDays(1);
      case SUNDAY -> date.minusDays(2);
      default -> date;
    };
  }

  static boolean isWeekend(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
  }
}
