package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpnCheckTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(textBlock = """
      # weights 2..13 over 123456789012: 2+6+12+20+30+42+56+72+90+0+12+26 = 368; 368 mod 23 = 0 -> A
      digits,                       A123456789012, ''
      # the temporary letter A counts 0: 368 - 2*13 = 342; 342 mod 23 = 20 -> X
      temporary letter,             X12345678901A, ''
      lower case is accepted,       x12345678901a, ''
      wrong check letter,           B123456789012, The UPN check letter is wrong
      too short,                    A12345678901,  A UPN must be 13 characters long
      too long,                     A1234567890123, A UPN must be 13 characters long
      letter I cannot be a check,   I123456789012, A UPN must start with a check letter
      letter inside,                A1234A6789012, Characters 2 to 12 of a UPN must be numbers
      letter O at the end,          A12345678901O, 'The last character of a UPN must be a number or a letter other than I, O or S'
      """, commentCharacter = '#')
  void checksUpns(String why, String upn, String problem) {
    assertThat(UpnCheck.problem(upn).orElse("")).isEqualTo(problem);
    assertThat(UpnCheck.isValid(upn)).isEqualTo(problem.isEmpty());
  }

  @ParameterizedTest
  @CsvSource({"123456789012, A", "12345678901A, X", "000000000000, A", "999999999999, ''"})
  void computesTheCheckLetter(String body, String letter) {
    // 9 * (2+...+13) = 9 * 90 = 810; 810 mod 23 = 5 -> F
    String expected = letter.isEmpty() ? "F" : letter;
    assertThat(String.valueOf(UpnCheck.checkLetter(body))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"A12345678901A, false", "X12345678901A, true", "A123456789012, false"})
  void knowsTemporaryUpns(String upn, boolean temporary) {
    assertThat(UpnCheck.isTemporary(upn)).isEqualTo(temporary);
  }

  @ParameterizedTest
  @CsvSource({"-1, 2001, 24, 1", "1000, 2001, 24, 1", "881, 10000, 24, 1", "881, 2001, 24, 1000"})
  void refusesToGenerateOutOfRange(int la, int establishment, int year, int serial) {
    assertThatThrownBy(() -> UpnCheck.generate(la, establishment, year, serial))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Property
  void everyGeneratedUpnIsValidAndCarriesItsParts(
      @ForAll @IntRange(min = 0, max = 999) int la,
      @ForAll @IntRange(min = 0, max = 9999) int establishment,
      @ForAll @IntRange(min = 2000, max = 2099) int year,
      @ForAll @IntRange(min = 0, max = 999) int serial) {
    String upn = UpnCheck.generate(la, establishment, year, serial);
    assertThat(upn).hasSize(13);
    assertThat(UpnCheck.problem(upn)).isEmpty();
    assertThat(Integer.parseInt(upn.substring(1, 4))).isEqualTo(la);
    assertThat(Integer.parseInt(upn.substring(4, 8))).isEqualTo(establishment);
    assertThat(Integer.parseInt(upn.substring(8, 10))).isEqualTo(year % 100);
    assertThat(Integer.parseInt(upn.substring(10, 13))).isEqualTo(serial);
  }

  /** 23 is prime and the weights 2..13 are below it, so changing any one character always changes the letter. */
  @Property
  void anySingleCharacterChangeIsCaught(
      @ForAll("validUpns") String upn, @ForAll @IntRange(min = 1, max = 12) int position,
      @ForAll @IntRange(min = 1, max = 9) int shift) {
    char[] chars = upn.toCharArray();
    chars[position] = (char) ('0' + (chars[position] - '0' + shift) % 10);
    assertThat(UpnCheck.isValid(new String(chars))).isFalse();
  }

  /** Swapping two different neighbouring digits changes the sum by their difference, never by a multiple of 23. */
  @Property
  void swappedNeighboursAreCaught(@ForAll("validUpns") String upn, @ForAll @IntRange(min = 1, max = 11) int position) {
    char[] chars = upn.toCharArray();
    if (chars[position] == chars[position + 1]) {
      return;
    }
    char kept = chars[position];
    chars[position] = chars[position + 1];
    chars[position + 1] = kept;
    assertThat(UpnCheck.isValid(new String(chars))).isFalse();
  }

  @Property
  void onlyOneCheckLetterFitsAnyBody(@ForAll("bodies") String body) {
    long valid = UpnCheck.ALPHABET.chars().filter(c -> UpnCheck.isValid((char) c + body)).count();
    assertThat(valid).isEqualTo(1);
  }

  @Provide
  Arbitrary<String> validUpns() {
    return Arbitraries.strings().numeric().ofLength(12).map(body -> UpnCheck.checkLetter(body) + body);
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofLength(11);
    Arbitrary<String> last = Arbitraries.of((UpnCheck.ALPHABET + "0123456789").chars()
        .mapToObj(c -> String.valueOf((char) c)).toList());
    return digits.flatMap(d -> last.map(l -> d + l));
  }
}
