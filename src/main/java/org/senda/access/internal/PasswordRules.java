package org.senda.access.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a new password must be, after NCSC password guidance: long rather than complex (12 characters or more, no
 * rules about symbols), and not one of the passwords that attackers try first (a list shipped with Senda).
 */
final class PasswordRules {

  static final int MINIMUM = 12;
  static final int MAXIMUM = 256;
  private static final Set<String> COMMON = load();

  private PasswordRules() {}

  /** The GOV.UK message for a password that will not do, or null when it will. */
  static @Nullable String problem(@Nullable String password, @Nullable String email) {
    if (password == null || password.isEmpty()) {
      return "Enter a new password";
    }
    if (password.length() < MINIMUM) {
      return "Password must be " + MINIMUM + " characters or more";
    }
    if (password.length() > MAXIMUM) {
      return "Password must be " + MAXIMUM + " characters or fewer";
    }
    String lower = password.toLowerCase(Locale.ROOT);
    if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
      return "Password is too easy to guess. Choose a different password, such as three random words";
    }
    if (email != null && lower.contains(email.toLowerCase(Locale.ROOT).split("@")[0])
        && email.split("@")[0].length() >= 4) {
      return "Password must not contain your email address. Choose a different password";
    }
    return null;
  }

  private static Set<String> load() {
    Set<String> words = new HashSet<>();
    try (var in = PasswordRules.class.getResourceAsStream("/access/common-passwords.txt")) {
      if (in == null) {
        throw new IllegalStateException("access/common-passwords.txt is missing");
      }
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .forEach(words::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Set.copyOf(words);
  }
}
