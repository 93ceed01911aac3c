package org.senda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;

class PostedDateTest {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
  static final LocalDate WRITTEN = LocalDate.of(2026, 11, 20);
  static final PostedDate RULE = new PostedDate(TODAY, WRITTEN, "20 November 2026, the day the letter was written");

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
    "posted today,                         26, 11, 2026, -",
    "posted the day it was written,        20, 11, 2026, -",
    "blank,                                '', '', '',   Enter the date the letter was posted",
    "no day,                               '', 11, 2026, The date the letter was posted must include a day",
    "two-digit year,                       26, 11, 26,   Year must include 4 numbers",
    "not a real date,                      31, 11, 2026, The date the letter was posted must be a real date",
    "tomorrow,                             27, 11, 2026, The date the letter was posted must be today or in the past",
    "the day before it was written,        19, 11, 2026, 'The date the letter was posted must be on or after 20 November 2026, the day the letter was written'",
  })
  void acceptsDaysFromTheDayTheLetterWasWrittenToToday(String why, String day, String month, String year,
      String problem) {
    assertThat(RULE.problem(new DateParts(day, month, year))).as(why).isEqualTo(Optional.ofNullable(problem));
  }

  @Test
  void withoutAnEarliestDayAnyDayUpToTodayWillDo() {
    PostedDate rule = new PostedDate(TODAY, null, "the day the referral was sent");
    assertThat(rule.problem(DateParts.of(LocalDate.of(2020, 1, 6)))).isEmpty();
    assertThat(rule.problem(null)).hasValue("Enter the date the letter was posted");
  }

  @Test
  void theCheckGivesTheDayOrRejectsTheFieldWithTheProblem() {
    LetterPostedForm good = LetterPostedForm.of(null, TODAY, 3);
    Errors none = new BeanPropertyBindingResult(good, "postedForm");
    assertThat(RULE.check(good, none)).hasValue(TODAY);
    assertThat(none.hasErrors()).isFalse();

    LetterPostedForm early = new LetterPostedForm(DateParts.of(WRITTEN.minusDays(1)), 3);
    Errors errors = new BeanPropertyBindingResult(early, "postedForm");
    assertThat(RULE.check(early, errors)).isEmpty();
    assertThat(errors.getFieldError("postedOn")).isNotNull()
        .satisfies(e -> assertThat(e.getDefaultMessage()).endsWith("the day the letter was written"));
  }
}
