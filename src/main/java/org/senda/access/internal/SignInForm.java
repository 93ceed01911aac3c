package org.senda.access.internal;

import jakarta.validation.constraints.NotBlank;

/** The sign-in form: email address, password and the code from the authenticator app (or a recovery code). */
record SignInForm(
    @NotBlank(message = "Enter your email address") String email,
    @NotBlank(message = "Enter your password") String password,
    String code) {

  static SignInForm empty() {
    return new SignInForm("", "", "");
  }
}
