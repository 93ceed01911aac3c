package org.senda.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * That a letter to a parent was posted, as typed: the day it went in the post and the version of the letter the
 * person saw (optimistic locking). Checked by {@link PostedDate}.
 */
public record LetterPostedForm(@Nullable DateParts postedOn, int version) {

  /** The form for a letter: the day it was recorded as posted, or today for one not posted yet. */
  public static LetterPostedForm of(@Nullable LocalDate postedOn, LocalDate today, int version) {
    return new LetterPostedForm(DateParts.of(postedOn != null ? postedOn : today), version);
  }
}
