package org.senda.register;

import java.util.Locale;
import java.util.Optional;

/**
 * SEN provision as the school census records it ("SENprovision", CBDS): every pupil is exactly one of these
 * (E + K + N = all pupils). A pupil being monitored after leaving the register is N.
 */
public enum SendStatus {
  N("No special educational needs"),
  K("SEN support"),
  E("Education, health and care plan");

  private final String title;

  SendStatus(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** Whether the pupil is on the SEND register (K or E). */
  public boolean onRegister() {
    return this != N;
  }

  /** A current code, ignoring case and spaces. */
  public static Optional<SendStatus> of(String code) {
    try {
      return Optional.of(valueOf(code.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
