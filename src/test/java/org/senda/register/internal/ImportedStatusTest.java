package org.senda.register.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.senda.register.SendStatus;

class ImportedStatusTest {

  @ParameterizedTest(name = "{0} is recorded as {1}")
  @CsvSource({
    "N, N, ",
    "k, K, ",
    "E, E, ",
    "S, E, 'Imported as S (statement of SEN); recorded as E (education, health and care plan)'",
    "A, K, Imported as A (School Action); recorded as K (SEN support)",
    "P, K, Imported as P (School Action Plus); recorded as K (SEN support)",
  })
  void mapsCurrentAndHistoricCodes(String code, SendStatus status, @Nullable String note) {
    ImportedStatus imported = ImportedStatus.read(code).orElseThrow();

    assertThat(imported.status()).isEqualTo(status);
    assertThat(imported.note()).isEqualTo(note);
  }

  @ParameterizedTest
  @CsvSource({"X", "EK", "' '"})
  void refusesOtherCodes(String code) {
    assertThat(ImportedStatus.read(code)).isEmpty();
  }
}
