package org.senda.web;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * The day a letter to a parent was posted, as the school records it: a real date, not in the future, and not before
 * the earliest day the letter can have gone in the post (the day it was written, or the day what it copies was
 * sent). The SEN support notice and the parents' copy of a referral are both recorded this way.
 *
 * @param earliestIs how the message names the earliest day, e.g. "the day the referral was sent"
 */
public record PostedDate(LocalDate today, @Nullable LocalDate earliest, String earliestIs) {

  static final String WHAT = "the date the letter was posted";

  /** The GOV.UK message for a date typed that cannot be the day the letter was posted, or empty for one that can. */
  public Optional<String> problem(@Nullable DateParts typed) {
    DateParts parts = typed == null ? DateParts.of(null) : typed;
    Optional<String> notADate = parts.problem(WHAT);
    if (notADate.isPresent()) {
      return notADate;
    }
    LocalDate postedOn = parts.toDate().orElseThrow();
    if (postedOn.isAfter(today)) {
      return Optional.of("The date the letter was posted must be today or in the past");
    }
    if (earliest != null && postedOn.isBefore(earliest)) {
      return Optional.of("The date the letter was posted must be on or after " + earliestIs);
    }
    return Optional.empty();
  }

  /** The day the form says the letter was posted, or empty with the problem rejected on its {@code postedOn}. */
  public Optional<LocalDate> check(LetterPostedForm form, Errors errors) {
    Optional<String> problem = problem(form.postedOn());
    if (problem.isPresent()) {
      errors.rejectValue("postedOn", "postedOn", problem.get());
      return Optional.empty();
    }
    return Optional.ofNullable(form.postedOn()).flatMap(DateParts::toDate);
  }
}
