package org.senda.agencies.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.web.DateParts;

/**
 * The parents' consent as typed. {@code contact} is the id of one of the pupil's contacts with parental
 * responsibility, or "OTHER" with the name and relationship typed.
 */
record ConsentForm(@Nullable String contact, @Nullable String givenBy, @Nullable String relationship,
    @Nullable DateParts givenOn, @Nullable String how, @Nullable List<String> scope, int version) {

  static final String OTHER = "OTHER";

  public List<String> scopeOrEmpty() {
    return scope == null ? List.of() : scope;
  }
}
