package org.senda.pupils.internal;

import org.jspecify.annotations.Nullable;
import org.senda.pupils.PostalAddress;

/** A parent or carer, as typed. */
record ContactForm(@Nullable String name, @Nullable String relationship, @Nullable String parentalResponsibility,
    @Nullable String phone, @Nullable String email, @Nullable String preferredLanguage,
    @Nullable String addressLine1, @Nullable String addressLine2, @Nullable String town, @Nullable String postcode,
    int version) {

  static ContactForm of(PupilRecords.ContactDetails details) {
    var c = details.contact();
    PostalAddress address = c.address();
    return new ContactForm(c.name(), c.relationship(), c.parentalResponsibility() ? "yes" : "no", c.phone(), c.email(),
        c.preferredLanguage(), address == null ? "" : address.line1(),
        address == null || address.line2() == null ? "" : address.line2(), address == null ? "" : address.town(),
        address == null ? "" : address.postcode(), details.version());
  }

  static ContactForm empty() {
    return new ContactForm("", "", "", "", "", "English", "", "", "", "", 0);
  }
}
