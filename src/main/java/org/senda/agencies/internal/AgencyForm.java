package org.senda.agencies.internal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A professional or service in the directory, as typed. */
record AgencyForm(
    @NotBlank(message = "Select the type of service") @Nullable String serviceType,
    @NotBlank(message = "Enter the name of the service")
        @Size(max = 200, message = "The name of the service must be 200 characters or fewer") @Nullable String serviceName,
    @Size(max = 200, message = "The professional's name must be 200 characters or fewer") @Nullable String professionalName,
    @Size(max = 200, message = "The role must be 200 characters or fewer") @Nullable String professionalRole,
    @Email(message = "Enter an email address in the correct format, like name@example.com")
        @Size(max = 254, message = "The email address must be 254 characters or fewer") @Nullable String email,
    @Pattern(regexp = "^[0-9 +()\\-]{0,40}$", message = "Enter a telephone number, like 01632 960 001")
        @Nullable String phone,
    @Size(max = 500, message = "The address must be 500 characters or fewer") @Nullable String address,
    @Size(max = 2000, message = "Notes must be 2000 characters or fewer") @Nullable String notes,
    @Nullable Boolean shared,
    int version) {

  static AgencyForm empty() {
    return new AgencyForm(null, null, null, null, null, null, null, null, false, 0);
  }

  /** Whether the entry is shared by every school of the trust (an unticked box sends nothing). */
  boolean sharedWithTrust() {
    return Boolean.TRUE.equals(shared);
  }

  static AgencyForm of(AgencyDirectory.Agency a) {
    return new AgencyForm(a.serviceType().name(), a.serviceName(), a.professionalName(), a.professionalRole(),
        a.email(), a.phone(), a.address(), a.notes(), a.shared(), a.version());
  }
}
