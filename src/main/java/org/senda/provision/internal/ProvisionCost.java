package org.senda.provision.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.senda.access.Role;
import org.senda.organisation.SchoolCalendar;

/**
 * What provision costs. Staff time is costed at an hourly rate per role, which each school sets; until it does, the
 * defaults below apply (typical 2025/26 hourly employment costs, including on-costs, a school is expected to edit):
 * teaching assistant £15.50, school administrator £14.00, teacher £38.00, designated safeguarding lead £40.00,
 * SENCO £45.00, headteacher £55.00.
 *
 * <p>The cost of a group is the delivered sessions x minutes / 60 x the hourly cost of each member of staff, plus the
 * intervention's resources; per pupil it is the group's cost divided by its pupils (for one-to-one, the whole
 * cost). The planned cost counts the time the schedule allows: the minutes a week of the group's weekly times (see
 * {@link #weeklyMinutes}) x the school weeks between the start and end dates, a school week being one with at least
 * one school day (a weekday in term and not in a holiday).
 * Arithmetic is exact in pence and rounded half up to a whole penny only at the end.
 */
final class ProvisionCost {

  static final Map<Role, Long> DEFAULT_PENCE_PER_HOUR = new EnumMap<>(Role.class);

  static {
    DEFAULT_PENCE_PER_HOUR.put(Role.TEACHING_ASSISTANT, 1550L);
    DEFAULT_PENCE_PER_HOUR.put(Role.SCHOOL_ADMIN, 1400L);
    DEFAULT_PENCE_PER_HOUR.put(Role.TEACHER, 3800L);
    DEFAULT_PENCE_PER_HOUR.put(Role.DSL, 4000L);
    DEFAULT_PENCE_PER_HOUR.put(Role.SENCO, 4500L);
    DEFAULT_PENCE_PER_HOUR.put(Role.HEADTEACHER, 5500L);
  }

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private ProvisionCost() {}

  /** Whether staff in this role can deliver provision (and so have an hourly cost). */
  static boolean delivers(Role role) {
    return DEFAULT_PENCE_PER_HOUR.containsKey(role);
  }

  /** The cost in pounds (scale 2) of {@code minutes} of staff time at these hourly rates, plus resources. */
  static BigDecimal cost(long minutes, Collection<Long> staffPencePerHour, long resourcesPence) {
    long ratesPerHour = staffPencePerHour.stream().mapToLong(Long::longValue).sum();
    BigDecimal pence = BigDecimal.valueOf(minutes).multiply(BigDecimal.valueOf(ratesPerHour))
        .divide(SIXTY, 10, RoundingMode.HALF_UP)
        .add(BigDecimal.valueOf(resourcesPence))
        .setScale(0, RoundingMode.HALF_UP);
    return pence.divide(HUNDRED, 2, RoundingMode.UNNECESSARY);
  }

  /** The actual cost: delivered sessions x minutes per session of each member of staff, plus resources. */
  static BigDecimal actual(long deliveredMinutes, Collection<Long> staffPencePerHour, long resourcesPence) {
    return cost(deliveredMinutes, staffPencePerHour, resourcesPence);
  }

  /** The planned cost of the schedule. */
  static BigDecimal planned(int sessionsPerWeek, int minutesPerSession, LocalDate start, LocalDate end,
      SchoolCalendar calendar, Collection<Long> staffPencePerHour, long resourcesPence) {
    long sessions = (long) sessionsPerWeek * schoolWeeks(start, end, calendar);
    return cost(sessions * minutesPerSession, staffPencePerHour, resourcesPence);
  }

  /** A pupil's share: the cost divided by the pupils in the group (one pupil, or none recorded: the whole cost). */
  static BigDecimal perPupil(BigDecimal cost, int pupils) {
    if (pupils <= 1) {
      return cost.setScale(2, RoundingMode.HALF_UP);
    }
    return cost.divide(BigDecimal.valueOf(pupils), 2, RoundingMode.HALF_UP);
  }

  /** The weeks (Monday to Sunday) between two dates, inclusive, that hold at least one school day in the range. */
  static int schoolWeeks(LocalDate start, LocalDate end, SchoolCalendar calendar) {
    int weeks = 0;
    for (LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        !monday.isAfter(end); monday = monday.plusWeeks(1)) {
      for (int d = 0; d < 5; d++) {
        LocalDate day = monday.plusDays(d);
        if (!day.isBefore(start) && !day.isAfter(end) && schoolDay(day, calendar)) {
          weeks++;
          break;
        }
      }
    }
    return weeks;
  }

  static boolean schoolDay(LocalDate day, SchoolCalendar calendar) {
    if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      return false;
    }
    if (calendar.isHoliday(day)) {
      return false;
    }
    return calendar.terms().isEmpty() || calendar.termOn(day).isPresent();
  }

  /** The hourly rate for a role in pence: the school's own when set, otherwise the default. */
  static long rate(Role role, Map<Role, Long> schoolRates) {
    Long own = schoolRates.get(role);
    return own != null ? own : DEFAULT_PENCE_PER_HOUR.getOrDefault(role, 0L);
  }

  /**
   * Minutes a group meets in a week: the length of each weekly time, and any sessions per week beyond its weekly
   * times (a group not yet given a time for every session) at the usual minutes per session.
   */
  static long weeklyMinutes(int sessionsPerWeek, int minutesPerSession, java.util.List<Slot> slots) {
    long timed = slots.stream().mapToLong(Slot::minutes).sum();
    return timed + (long) Math.max(0, sessionsPerWeek - slots.size()) * minutesPerSession;
  }

}
