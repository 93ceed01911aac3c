package org.senda.pupils;

import java.util.Locale;
import java.util.Optional;

/**
 * The DfE unique pupil number: 13 characters, a check letter then twelve characters. Characters 2-4 are the local
 * authority's code, 5-8 the establishment number, 9-10 the year of allocation, 11-13 a serial number; a letter in
 * position 13 marks a temporary UPN. The check letter is the sum of characters 2-13, each multiplied by its
 * position (2..13), modulo 23, as an index into {@link #ALPHABET} (DfE, "Unique pupil numbers (UPN)" guidance,
 * annex on the check letter algorithm). A letter in position 13 counts by its index in the same alphabet.
 */
public final class UpnCheck {

  /** The 23 letters the DfE uses: I, O and S are left out so they are not mistaken for 1, 0 and 5. */
  public static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";

  private UpnCheck() {}

  /** Why a UPN is not valid, or empty when it is. */
  public static Optional<String> problem(String upn) {
    String value = upn.trim().toUpperCase(Locale.ROOT);
    if (value.length() != 13) {
      return Optional.of("A UPN must be 13 characters long");
    }
    if (ALPHABET.indexOf(value.charAt(0)) < 0) {
      return Optional.of("A UPN must start with a check letter");
    }
    for (int i = 1; i < 12; i++) {
      if (!isDigit(value.charAt(i))) {
        return Optional.of("Characters 2 to 12 of a UPN must be numbers");
      }
    }
    char last = value.charAt(12);
    if (!isDigit(last) && ALPHABET.indexOf(last) < 0) {
      return Optional.of("The last character of a UPN must be a number or a letter other than I, O or S");
    }
    if (checkLetter(value.substring(1)) != value.charAt(0)) {
      return Optional.of("The UPN check letter is wrong");
    }
    return Optional.empty();
  }

  public static boolean isValid(String upn) {
    return problem(upn).isEmpty();
  }

  /** Whether the UPN is a valid temporary one (a letter in position 13). */
  public static boolean isTemporary(String upn) {
    return isValid(upn) && Character.isLetter(upn.trim().charAt(12));
  }

  /**
   * The check letter for the twelve characters after it.
   *
   * @throws IllegalArgumentException when {@code body} is not 11 digits followed by a digit or an alphabet letter
   */
  public static char checkLetter(String body) {
    if (body.length() != 12) {
      throw new IllegalArgumentException("A UPN has 12 characters after the check letter");
    }
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      char c = Character.toUpperCase(body.charAt(i));
      int value;
      if (isDigit(c)) {
        value = c - '0';
      } else if (i == 11 && ALPHABET.indexOf(c) >= 0) {
        value = ALPHABET.indexOf(c);
      } else {
        throw new IllegalArgumentException("Not a UPN character at position " + (i + 2) + ": " + c);
      }
      sum += value * (i + 2);
    }
    return ALPHABET.charAt(sum % 23);
  }

  /**
   * A permanent UPN.
   *
   * @param laCode the local authority code (3 digits)
   * @param establishment the establishment number (4 digits)
   * @param year the year of allocation (its last two digits are used)
   * @param serial 0-999
   */
  public static String generate(int laCode, int establishment, int year, int serial) {
    if (laCode < 0 || laCode > 999 || establishment < 0 || establishment > 9999 || serial < 0 || serial > 999) {
      throw new IllegalArgumentException("LA code, establishment number or serial out of range");
    }
    String body = String.format(Locale.ROOT, "%03d%04d%02d%03d", laCode, establishment, Math.floorMod(year, 100),
        serial);
    return checkLetter(body) + body;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
