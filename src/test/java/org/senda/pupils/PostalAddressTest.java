package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalAddressTest {

  @ParameterizedTest
  @CsvSource({"sw1a1aa, SW1A 1AA", "M1 1AE, M1 1AE", "b33 8th, B33 8TH", "CR2  6XH, CR2 6XH", "DN55 1PT, DN55 1PT",
      "' le11 3ab ', LE11 3AB"})
  void aPostcodeIsWrittenTheStandardWay(String typed, String written) {
    assertThat(PostalAddress.postcode(typed)).isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {"LS1", "12345", "ABC 123", "SW1A 1A", "LS1 4AB X", "1LS 4AB", ""})
  void anythingElseIsNotAPostcode(String typed) {
    assertThat(PostalAddress.postcode(typed)).isNull();
  }

  @org.junit.jupiter.api.Test
  void theLinesLeaveOutAnEmptySecondLine() {
    assertThat(new PostalAddress("12 Elm Road", null, "Leeds", "LS1 4AB").lines())
        .containsExactly("12 Elm Road", "Leeds", "LS1 4AB");
    assertThat(new PostalAddress("Flat 2", "12 Elm Road", "Leeds", "LS1 4AB").oneLine())
        .isEqualTo("Flat 2, 12 Elm Road, Leeds, LS1 4AB");
  }
}
