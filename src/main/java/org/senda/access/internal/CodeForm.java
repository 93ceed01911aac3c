package org.senda.access.internal;

import org.jspecify.annotations.Nullable;

/** One field: a code from the authenticator app (or, where allowed, a recovery code). */
record CodeForm(@Nullable String code) {

  static CodeForm empty() {
    return new CodeForm("");
  }

  /** The GOV.UK message for a code from the app that is missing or not 6 numbers, or null when it looks right. */
  @Nullable String appCodeProblem() {
    String typed = code == null ? "" : code.replaceAll("\\s", "");
    if (typed.isEmpty()) {
      return "Enter the 6-digit code from your authenticator app";
    }
    if (!typed.matches("\\d{6}")) {
      return "The security code must be 6 numbers";
    }
    return null;
  }

  String typed() {
    return code == null ? "" : code.strip();
  }
}
