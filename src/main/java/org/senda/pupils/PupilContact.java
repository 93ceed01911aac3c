package org.senda.pupils;

import org.jspecify.annotations.Nullable;

/**
 * A parent or carer of a pupil, in the order the school contacts them, with the postal address letters to them go
 * to (null when none is recorded).
 */
public record PupilContact(
    long id,
    long pupilId,
    String name,
    String relationship,
    boolean parentalResponsibility,
    @Nullable String phone,
    @Nullable String email,
    @Nullable String preferredLanguage,
    @Nullable PostalAddress address,
    int order) {

  /**
   * A parent as a letter to them is addressed, from the name and relationship the letter kept: the name and, where
   * known, how they are related to the pupil ("Sam Lee (Father)").
   */
  public static String addressee(String name, @Nullable String relationship) {
    return relationship == null || relationship.isBlank() ? name : name + " (" + relationship + ")";
  }
}
