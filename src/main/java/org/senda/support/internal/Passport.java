package org.senda.support.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A version of a pupil passport (one-page profile) in the pupil's own words.
 *
 * @param number the version: 1 for the first, one more for each save
 * @param pupilContributedOn the day the pupil last said what goes in it
 */
record Passport(long id, long pupilId, long schoolId, int number, @Nullable String likedAndAdmired,
    @Nullable String importantToMe, @Nullable String howBestToSupportMe, @Nullable String findHard,
    @Nullable String hopes, @Nullable LocalDate pupilContributedOn, Instant createdAt, String createdBy,
    List<Image> images) {

  record Image(long id, String altText, String contentType) {}

  /** The passport's five sections, as headed on the page and the PDF. */
  public List<Section> sections() {
    return List.of(
        new Section("likedAndAdmired", "What people like and admire about me", likedAndAdmired),
        new Section("importantToMe", "What is important to me", importantToMe),
        new Section("howBestToSupportMe", "How best to support me", howBestToSupportMe),
        new Section("findHard", "What I find hard", findHard),
        new Section("hopes", "My hopes", hopes));
  }

  record Section(String field, String heading, @Nullable String text) {}
}
