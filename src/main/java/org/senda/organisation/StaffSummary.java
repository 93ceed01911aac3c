package org.senda.organisation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;

/** A member of staff and their roles in one school (or trust-wide). */
public record StaffSummary(long id, String email, String givenName, String familyName, @Nullable String jobTitle,
    List<Role> roles) {

  public String name() {
    return givenName + " " + familyName;
  }
}
