package org.senda.pupils.internal;

import org.jspecify.annotations.Nullable;

/** A parent or carer, as typed. */
record ContactForm(@Nullable String name, @Nullable String relationship, @Nullable String parentalResponsibility,
    @Nullable String phone, @Nullable String email, @Nullable String preferredLanguage, int version) {

  static ContactForm empty() {
    return new ContactForm("", "", "", "", "", "English", 0);
  }
}
