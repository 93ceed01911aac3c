package org.senda.support.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlainLanguageTest {

  private static final List<PlainLanguage.Term> GLOSSARY = List.of(
      new PlainLanguage.Term("SLCN", "speech, language and communication needs"),
      new PlainLanguage.Term("wave 3", "one-to-one help from a specialist"),
      new PlainLanguage.Term("EHC", "education, health and care"),
      new PlainLanguage.Term("EHC needs assessment", "a check by the council"),
      new PlainLanguage.Term("differentiation", "changing work so that it suits your child"),
      new PlainLanguage.Term("TA", "teaching assistant"));

  @ParameterizedTest(name = "{0} has {1}")
  @CsvSource({
      "cat, 1", "reading, 2", "table, 2", "whale, 1", "make, 1", "makes, 1", "jumped, 1", "wanted, 2",
      "these, 1", "support, 2", "phonological, 5", "differentiation, 6", "special, 2", "media, 3", "SLCN, 4", "SENCO, 2", "EHCP, 4",
      "I, 1", "2026, 1", "teacher, 2", "assistant, 3", "wednesday, 3",
  })
  void estimatesSyllables(String word, int syllables) {
    assertThat(PlainLanguage.syllables(word)).isEqualTo(syllables);
  }

  @Test
  void shortWordsInShortSentencesAreEasy() {
    PlainLanguage.Result result = PlainLanguage.check("Sam likes to read. He reads with his mum each night.",
        List.of());
    assertThat(result.words()).isEqualTo(11);
    assertThat(result.sentences()).isEqualTo(2);
    assertThat(result.readingEase()).isGreaterThan(80);
    assertThat(result.band()).isEqualTo("Very easy to read");
  }

  @Test
  void theFleschFormulaIsAppliedToTheCounts() {
    // 8 words, 1 sentence, 13 syllables: 206.835 - 1.015 * 8 - 84.6 * 13/8 = 61.2
    PlainLanguage.Result result = PlainLanguage.check("Differentiation helps Sam to read the first words.",
        List.of());
    assertThat(result.words()).isEqualTo(8);
    assertThat(result.syllables()).isEqualTo(13);
    assertThat(result.readingEase()).isCloseTo(206.835 - 1.015 * 8 - 84.6 * 13 / 8.0, within(0.06));
  }

  @Test
  void longSentencesOfLongWordsAreHard() {
    PlainLanguage.Result result = PlainLanguage.check("The implementation of individualised differentiation "
        + "strategies facilitates phonological awareness development within quality-first pedagogical "
        + "environments.", List.of());
    assertThat(result.readingEase()).isLessThan(30);
    assertThat(result.band()).isEqualTo("Hard to read");
  }

  @Test
  void findsJargonAsWholeWordsInAnyCaseOncePreferringTheLongestTerm() {
    PlainLanguage.Result result = PlainLanguage.check("Ali has SLCN and gets wave 3 support from a TA. "
        + "We may ask for an EHC needs assessment. slcn is common. Take a TAXI; differentiation helps.", GLOSSARY);
    assertThat(result.jargon()).extracting(PlainLanguage.Term::term)
        .containsExactly("SLCN", "wave 3", "TA", "EHC needs assessment", "differentiation");
  }

  @Test
  void emptyTextScoresNothing() {
    PlainLanguage.Result result = PlainLanguage.check("  ", GLOSSARY);
    assertThat(result.words()).isZero();
    assertThat(result.jargon()).isEmpty();
    assertThat(result.band()).isEqualTo("No text to check");
  }
}
