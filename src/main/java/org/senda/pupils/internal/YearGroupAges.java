package org.senda.pupils.internal;

import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which dates of birth belong to a year group in an academic year, in England: a child starts Reception in the
 * September after their fourth birthday, so Reception in the year starting 1 September Y holds the children born
 * from 1 September Y-5 to 31 August Y-4, Year 1 those a year older, and so on (School Admissions Code 2021,
 * 2.17; compulsory school age from the term after the fifth birthday).
 */
public final class YearGroupAges {

  private static final Pattern YEAR = Pattern.compile("(?:Y|YEAR|NC|NCY)?\\s*(\\d{1,2})");

  private YearGroupAges() {}

  /** The first day of the academic year that contains the date (1 September). */
  public static LocalDate academicYearStart(LocalDate date) {
    int year = date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
    return LocalDate.of(year, Month.SEPTEMBER, 1);
  }

  /**
   * Years above Reception: Reception 0, Year 1 1 ... Year 13 13, nursery -1 (N2, the year before Reception) and -2
   * (N1), read from a year group code such as "R", "Y3", "N2", "13".
   */
  public static Optional<Integer> offset(String code) {
    String value = code.trim().toUpperCase(Locale.ROOT);
    switch (value) {
      case "R", "REC", "RECEPTION", "YR", "0" -> {
        return Optional.of(0);
      }
      case "N", "N2", "NURSERY", "NURSERY 2", "E2" -> {
        return Optional.of(-1);
      }
      case "N1", "NURSERY 1", "E1" -> {
        return Optional.of(-2);
      }
      default -> {
        Matcher matcher = YEAR.matcher(value);
        if (matcher.matches()) {
          int year = Integer.parseInt(matcher.group(1));
          return year >= 1 && year <= 14 ? Optional.of(year) : Optional.empty();
        }
        return Optional.empty();
      }
    }
  }

  /** The earliest date of birth in the year group in the academic year that contains {@code today}. */
  public static LocalDate bornFrom(int offset, LocalDate today) {
    return academicYearStart(today).minusYears(5L + offset);
  }

  /** The latest date of birth in the year group in the academic year that contains {@code today}. */
  public static LocalDate bornTo(int offset, LocalDate today) {
    return bornFrom(offset, today).plusYears(1).minusDays(1);
  }
}
