package org.senda.support.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether text for parents and pupils is easy to read (Code of Practice 6.65 and 6.71: plans are shared "in clear,
 * ordinary language"). Two measures:
 *
 * <ul>
 *   <li><b>Flesch reading ease</b>: 206.835 - 1.015 x (words / sentences) - 84.6 x (syllables / words). 60-70 is
 *       plain English for most adults; above 80 suits younger readers; below 50 is hard. Sentences end at
 *       {@code . ! ?}, a line break, or the end of the text.
 *   <li><b>Jargon</b>: terms from the glossary found in the text (whole words, any case), each with a plain
 *       alternative, in the order they first appear; the longest term wins where terms overlap
 *       ("EHC needs assessment" rather than "EHC").
 * </ul>
 *
 * <p>Syllables are estimated, not looked up: a word's syllables are its groups of consecutive vowels (a, e, i, o,
 * u, y), less one for a silent final "e" (but not "-le" after a consonant, as in "table"), plus one for "ia" said as two vowels
 * ("differentiation", but not "special"), less one for each "-es"/"-ed" ending that adds no sound ("makes", "jumped"), and at least one per word. A word of capitals (an
 * acronym such as SENCO or SLCN) counts as one syllable per letter, as it is read letter by letter unless it has
 * vowels to say. The estimate is within a syllable for most English words, which is close enough for a score that
 * is read in bands.
 */
final class PlainLanguage {

  record Term(String term, String suggestion) {}

  record Result(double readingEase, int words, int sentences, int syllables, List<Term> jargon) {

    /** The band the score falls in, as a plain description. */
    public String band() {
      if (words == 0) {
        return "No text to check";
      }
      if (readingEase >= 80) {
        return "Very easy to read";
      }
      if (readingEase >= 60) {
        return "Easy to read";
      }
      if (readingEase >= 50) {
        return "Fairly hard to read";
      }
      return "Hard to read";
    }
  }

  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019-][\\p{L}\\p{N}]+)*");
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+|\\n\\s*\\n|\\n");
  private static final Pattern VOWEL_GROUPS = Pattern.compile("[aeiouy]+");

  private PlainLanguage() {}

  static Result check(String text, List<Term> glossary) {
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(text);
    while (m.find()) {
      words.add(m.group());
    }
    int sentences = 0;
    for (String part : SENTENCE_END.split(text)) {
      if (WORD.matcher(part).find()) {
        sentences++;
      }
    }
    int syllables = words.stream().mapToInt(PlainLanguage::syllables).sum();
    double ease = words.isEmpty() ? 0
        : 206.835 - 1.015 * ((double) words.size() / Math.max(1, sentences))
            - 84.6 * ((double) syllables / words.size());
    return new Result(Math.round(ease * 10) / 10.0, words.size(), sentences, syllables, jargon(text, glossary));
  }

  static int syllables(String word) {
    String w = word.replace("\u2019", "'");
    if (w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) && w.chars().allMatch(Character::isLetter)) {
      // An acronym: read letter by letter (SLCN, EHCP) unless it can be said as a word (SENCO, CAMHS).
      return w.length() <= 4 || !VOWEL_GROUPS.matcher(w.toLowerCase(Locale.ROOT)).find() ? w.length()
          : countGroups(w.toLowerCase(Locale.ROOT));
    }
    String lower = w.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    if (lower.isEmpty()) {
      return 1; // a number
    }
    if (lower.length() <= 3) {
      return 1;
    }
    int count = countGroups(lower);
    // "ia" is usually said as two vowels (ti-a-tion, me-di-a), except in -cial, -tial and -cian.
    Matcher hiatus = Pattern.compile("ia(?!l|n\\b)").matcher(lower);
    while (hiatus.find()) {
      count++;
    }
    if (lower.endsWith("e") && !lower.endsWith("le") && !lower.endsWith("ee") && count > 1) {
      count--;
    } else if (lower.endsWith("le") && lower.length() > 2 && isVowel(lower.charAt(lower.length() - 3)) && count > 1) {
      count--;
    }
    if ((lower.endsWith("es") || lower.endsWith("ed")) && count > 1 && lower.length() > 4) {
      char before = lower.charAt(lower.length() - 3);
      boolean sounded = lower.endsWith("ed") ? before == 't' || before == 'd'
          : before == 's' || before == 'x' || before == 'z' || lower.endsWith("ches") || lower.endsWith("shes")
              || lower.endsWith("ges") || lower.endsWith("ces");
      if (!sounded) {
        count--;
      }
    }
    return Math.max(1, count);
  }

  private static int countGroups(String lower) {
    int count = 0;
    Matcher m = VOWEL_GROUPS.matcher(lower);
    while (m.find()) {
      count++;
    }
    return count;
  }

  private static boolean isVowel(char c) {
    return "aeiouy".indexOf(c) >= 0;
  }

  private static List<Term> jargon(String text, List<Term> glossary) {
    record Hit(int start, int end, Term term) {}
    List<Hit> hits = new ArrayList<>();
    for (Term t : glossary) {
      Pattern p = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(t.term()) + "(?![\\p{L}\\p{N}])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
      Matcher m = p.matcher(text);
      while (m.find()) {
        hits.add(new Hit(m.start(), m.end(), t));
      }
    }
    hits.sort(Comparator.comparingInt(Hit::start).thenComparing(h -> -(h.end() - h.start())));
    Map<String, Term> found = new LinkedHashMap<>();
    int covered = -1;
    for (Hit h : hits) {
      if (h.start() < covered) {
        continue; // inside a longer term already found
      }
      covered = h.end();
      found.putIfAbsent(h.term().term().toLowerCase(Locale.ROOT), h.term());
    }
    return List.copyOf(found.values());
  }
}
