package org.senda.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TotpTest {

  // RFC 6238 appendix B, SHA-1, secret "12345678901234567890". The RFC prints 8-digit codes; a 6-digit code is
  // the same truncated value modulo 10^6, i.e. the last six of those digits.
  private static final String RFC_SECRET = Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

  @ParameterizedTest
  @CsvSource({
    "59,          94287082",
    "1111111109,  07081804",
    "1111111111,  14050471",
    "1234567890,  89005924",
    "2000000000,  69279037",
    "20000000000, 65353130",
  })
  void matchesTheRfc6238TestVectors(long unixSeconds, String eightDigits) {
    String expected = eightDigits.substring(2);
    assertThat(Totp.code(RFC_SECRET, Totp.stepAt(Instant.ofEpochSecond(unixSeconds)))).isEqualTo(expected);
  }

  @Test
  void base32RoundTripsAndMatchesTheRfcEncoding() {
    assertThat(RFC_SECRET).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    assertThat(new String(Totp.fromBase32(RFC_SECRET), StandardCharsets.US_ASCII)).isEqualTo("12345678901234567890");
  }

  @Test
  void acceptsOneStepEitherSideAndNeverTheSameStepTwice() {
    Instant now = Instant.ofEpochSecond(1_111_111_111L);
    long step = Totp.stepAt(now);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, Long.MIN_VALUE)).hasValue(step - 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now, Long.MIN_VALUE)).hasValue(step + 1);
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now, Long.MIN_VALUE)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "050 471", now, Long.MIN_VALUE)).hasValue(step);
    // The step used last time cannot be used again, nor an earlier one.
    assertThat(Totp.verify(RFC_SECRET, "050471", now, step)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now, step)).isEmpty();
  }

  @Test
  void refusesCodesThatAreNotSixDigits() {
    Instant now = Instant.ofEpochSecond(1_111_111_111L);
    assertThat(Totp.verify(RFC_SECRET, "14050471", now, Long.MIN_VALUE)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "", now, Long.MIN_VALUE)).isEmpty();
    assertThat(Totp.verify(RFC_SECRET, "abcdef", now, Long.MIN_VALUE)).isEmpty();
  }

  @Test
  void provisioningUriNamesIssuerAndAccount() {
    assertThat(Totp.provisioningUri("Senda", "a.b@school.example", RFC_SECRET))
        .isEqualTo("otpauth://totp/Senda:a.b%40school.example?secret=" + RFC_SECRET
            + "&issuer=Senda&algorithm=SHA1&digits=6&period=30");
  }
}
