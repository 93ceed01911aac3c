package org.senda.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class AuditVerificationTest {

  private static final Instant START = Instant.parse("2026-11-25T09:00:00.123456Z");

  @Test
  void anUntouchedChainIsIntact() {
    List<AuditLog.Entry> chain = chain(5);
    assertThat(verify(chain, headOf(chain))).isEqualTo(ChainVerification.intact(5));
  }

  @Test
  void anEmptyLogIsIntact() {
    assertThat(verify(List.of(), new ChainHead(0, AuditLog.GENESIS))).isEqualTo(ChainVerification.intact(0));
  }

  @Test
  void anAlteredFieldIsReportedAtThatEntry() {
    List<AuditLog.Entry> chain = chain(5);
    ChainHead head = headOf(chain);
    AuditLog.Entry third = chain.get(2);
    chain.set(2, copy(third, 3, "someone else's note", third.prevHash(), third.hash()));

    ChainVerification result = verify(chain, head);

    assertThat(result.intact()).isFalse();
    assertThat(result.entries()).isEqualTo(5);
    assertThat(result.firstBrokenEntry()).isEqualTo(3);
    assertThat(result.problem()).isEqualTo(
        "Entry 3 has been altered: what it records no longer matches the fingerprint taken when it was written.");
  }

  @Test
  void aDeletedEntryInTheMiddleIsReportedAsMissing() {
    List<AuditLog.Entry> chain = chain(5);
    ChainHead head = headOf(chain);
    chain.remove(1);

    ChainVerification result = verify(chain, head);

    assertThat(result.firstBrokenEntry()).isEqualTo(2);
    assertThat(result.entries()).isEqualTo(4);
    assertThat(result.problem()).isEqualTo("Entry 2 is missing: it has been deleted.");
  }

  @Test
  void severalDeletedEntriesAreNamedAsARange() {
    List<AuditLog.Entry> chain = chain(6);
    ChainHead head = headOf(chain);
    chain.subList(1, 4).clear();

    assertThat(verify(chain, head).problem()).isEqualTo("Entries 2 to 4 are missing: they have been deleted.");
  }

  @Test
  void deletingTheFirstEntryIsDetected() {
    List<AuditLog.Entry> chain = chain(3);
    ChainHead head = headOf(chain);
    chain.removeFirst();

    assertThat(verify(chain, head).firstBrokenEntry()).isEqualTo(1);
  }

  @Test
  void entriesDeletedAndTheRestRenumberedWithFreshHashesBreakTheLinkToThePreviousEntry() {
    List<AuditLog.Entry> chain = chain(5);
    ChainHead head = headOf(chain);
    // Entry 3 removed; entries 4 and 5 renumbered 3 and 4 with hashes recomputed over their new numbers.
    AuditLog.Entry four = resealed(copy(chain.get(3), 3, chain.get(3).detail(), chain.get(3).prevHash(), ""));
    AuditLog.Entry five = resealed(copy(chain.get(4), 4, chain.get(4).detail(), four.hash(), ""));
    List<AuditLog.Entry> forged = new ArrayList<>(List.of(chain.get(0), chain.get(1), four, five));

    ChainVerification result = verify(forged, new ChainHead(4, five.hash()));

    assertThat(result.firstBrokenEntry()).isEqualTo(3);
    assertThat(result.problem()).startsWith("Entry 3 does not follow on from the entry before it");
    assertThat(verify(forged, head).intact()).isFalse();
  }

  @Test
  void entriesPutInAnotherOrderAreReportedAtTheFirstMovedEntry() {
    List<AuditLog.Entry> chain = chain(5);
    ChainHead head = headOf(chain);
    AuditLog.Entry second = chain.get(1);
    AuditLog.Entry fourth = chain.get(3);
    chain.set(1, copy(fourth, 2, fourth.detail(), fourth.prevHash(), fourth.hash()));
    chain.set(3, copy(second, 4, second.detail(), second.prevHash(), second.hash()));

    ChainVerification result = verify(chain, head);

    assertThat(result.firstBrokenEntry()).isEqualTo(2);
    assertThat(result.problem()).contains("altered");
  }

  @Test
  void entriesDeletedFromTheEndAreFoundThroughTheHead() {
    List<AuditLog.Entry> chain = chain(5);
    ChainHead head = headOf(chain);
    chain.subList(3, 5).clear();

    ChainVerification result = verify(chain, head);

    assertThat(result.firstBrokenEntry()).isEqualTo(4);
    assertThat(result.entries()).isEqualTo(3);
    assertThat(result.problem())
        .isEqualTo("Entries 4 to 5 are missing: they have been deleted. They were the last entries in the log.");
  }

  @Test
  void aLastEntryReplacedWithAValidLookingOneDoesNotMatchTheHead() {
    List<AuditLog.Entry> chain = chain(3);
    ChainHead head = headOf(chain);
    AuditLog.Entry last = chain.getLast();
    chain.set(2, resealed(copy(last, last.seq(), "rewritten", last.prevHash(), "")));

    ChainVerification result = verify(chain, head);

    assertThat(result.firstBrokenEntry()).isEqualTo(3);
    assertThat(result.problem()).contains("not the entry the log last wrote");
  }

  @Test
  void theCanonicalFormCannotBeImitatedByMovingSeparatorsBetweenFields() {
    AuditLog.Entry split = entry(1, "pupil", "12|VIEW", null, AuditLog.GENESIS);
    AuditLog.Entry joined = entry(1, "pupil|12", "VIEW", null, AuditLog.GENESIS);
    assertThat(split.canonical()).isNotEqualTo(joined.canonical());
    assertThat(AuditLog.hash(split)).isNotEqualTo(AuditLog.hash(joined));
  }

  @Test
  void aMissingValueIsNotTheWordNull() {
    AuditLog.Entry missing = entry(1, "pupil", null, null, AuditLog.GENESIS);
    AuditLog.Entry word = entry(1, "pupil", "null", null, AuditLog.GENESIS);
    assertThat(AuditLog.hash(missing)).isNotEqualTo(AuditLog.hash(word));
  }

  @Test
  void valuesAreClippedToTheirColumnWithoutSplittingACharacterOrKeepingControlCharacters() {
    assertThat(AuditLog.clip("abc\u0000d\ne", 100)).isEqualTo("abc d e");
    assertThat(AuditLog.clip("ab\uD83D\uDE00", 3)).isEqualTo("ab");
    assertThat(AuditLog.clip("abcdef", 4)).isEqualTo("abcd");
    assertThat(AuditLog.clip(null, 4)).isNull();
  }

  private static ChainVerification verify(List<AuditLog.Entry> entries, ChainHead head) {
    AuditVerification verification = new AuditVerification();
    entries.forEach(verification::check);
    return verification.result(head);
  }

  private static List<AuditLog.Entry> chain(int length) {
    List<AuditLog.Entry> chain = new ArrayList<>();
    String previous = AuditLog.GENESIS;
    for (int seq = 1; seq <= length; seq++) {
      AuditLog.Entry entry = resealed(entry(seq, "pupil", String.valueOf(seq), "entry " + seq, previous));
      chain.add(entry);
      previous = entry.hash();
    }
    return chain;
  }

  private static AuditLog.Entry entry(
      long seq, String recordType, @Nullable String recordId, @Nullable String detail, String prevHash) {
    return new AuditLog.Entry(seq, START.plusSeconds(seq), 7L, "head@example.org", "HEADTEACHER", 1L, "VIEW",
        recordType, recordId, detail, "127.0.0.1", prevHash, "");
  }

  private static AuditLog.Entry copy(AuditLog.Entry e, long seq, @Nullable String detail, String prevHash,
      String hash) {
    return new AuditLog.Entry(seq, e.occurredAt(), e.actorAccountId(), e.actorEmail(), e.actorRole(), e.schoolId(),
        e.action(), e.recordType(), e.recordId(), detail, e.ipAddress(), prevHash, hash);
  }

  private static AuditLog.Entry resealed(AuditLog.Entry e) {
    return copy(e, e.seq(), e.detail(), e.prevHash(), AuditLog.hash(e));
  }

  private static ChainHead headOf(List<AuditLog.Entry> chain) {
    return new ChainHead(chain.getLast().seq(), chain.getLast().hash());
  }
}
