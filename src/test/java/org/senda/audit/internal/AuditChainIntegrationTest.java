package org.senda.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.senda.access.AccessEvent;
import org.senda.access.Role;
import org.senda.audit.Audit;
import org.senda.audit.AuditAction;
import org.senda.audit.AuditFixture;
import org.senda.test.Api;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hash chain on the real databases: what is written in a rolled-back transaction leaves no trace, concurrent
 * writers keep one unbroken sequence, and each kind of tampering is reported at the first broken entry. Other test
 * classes write to the same log, so every tampering is undone and no absolute count is assumed.
 */
@SendaTest
class AuditChainIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  ApplicationContext context;

  @Autowired
  Audit audit;

  @Autowired
  AuditChain chain;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  ApplicationEventPublisher events;

  @Test
  void anEntryWrittenInATransactionThatRollsBackLeavesNoTrace() {
    String marker = marker();
    long headBefore = chain.head().lastSeq();

    transactions.executeWithoutResult(status -> {
      audit.record(AuditAction.VIEW, "pupil", 1, 1L, marker);
      status.setRollbackOnly();
    });

    assertThat(entriesWith(marker)).isZero();
    assertThat(chain.head().lastSeq()).isEqualTo(headBefore);
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void aReadInAReadOnlyTransactionIsStillRecorded() {
    String marker = marker();
    TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
    readOnly.setReadOnly(true);

    readOnly.executeWithoutResult(status -> audit.record(AuditAction.VIEW, "pupil", 1, 1L, marker));

    assertThat(entriesWith(marker)).isEqualTo(1);
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void concurrentWritersKeepOneContiguousIntactChain() throws Exception {
    String marker = marker();
    long before = chain.head().lastSeq();
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        writers.add(() -> {
          for (int i = 0; i < each; i++) {
            audit.recordFor("writer@audit-test.example", null, AuditAction.VIEW, "pupil", i, marker);
          }
          return null;
        });
      }
      for (Future<Void> done : pool.invokeAll(writers)) {
        done.get();
      }
    } finally {
      pool.shutdown();
    }

    long after = chain.head().lastSeq();
    assertThat(entriesWith(marker)).isEqualTo(threads * each);
    assertThat(after - before).isGreaterThanOrEqualTo(threads * each);
    long present = jdbc.sql("select count(*) from audit_entry where seq > ? and seq <= ?")
        .params(before, after).query(Long.class).single();
    assertThat(present).as("no gaps in the sequence").isEqualTo(after - before);
    assertThat(chain.verify()).isEqualTo(ChainVerification.intact(chain.head().lastSeq()));
  }

  @Test
  void anAlteredEntryIsReportedAtItsNumber() {
    long seq = write(marker());
    if (TestDatabase.postgresql()) {
      assertThatThrownBy(() -> jdbc.sql("update audit_entry set detail = 'rewritten' where seq = ?").param(seq).update())
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("audit entries cannot be changed or deleted");
      assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq = ?").param(seq).update())
          .isInstanceOf(DataAccessException.class)
          .hasMessageContaining("audit entries cannot be changed or deleted");
    }
    String original = jdbc.sql("select detail from audit_entry where seq = ?").param(seq).query(String.class).single();
    withTamperingAllowed(() -> {
      try {
        jdbc.sql("update audit_entry set detail = 'nothing to see here' where seq = ?").param(seq).update();

        ChainVerification result = chain.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(seq);
        assertThat(result.problem()).contains("Entry " + seq + " has been altered");
      } finally {
        jdbc.sql("update audit_entry set detail = ? where seq = ?").params(original, seq).update();
      }
    });
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void entriesSwappedIntoAnotherOrderAreReportedAtTheFirst() {
    long first = write(marker());
    long second = write(marker());
    withTamperingAllowed(() -> {
      try {
        swap(first, second);

        ChainVerification result = chain.verify();

        assertThat(result.firstBrokenEntry()).isEqualTo(first);
        assertThat(result.problem()).contains("altered");
      } finally {
        swap(first, second);
      }
    });
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void anEntryDeletedFromTheMiddleIsReportedAsMissing() {
    write(marker());
    long middle = write(marker());
    write(marker());
    withTamperingAllowed(() -> {
      AuditLog.Entry row = row(middle);
      try {
        jdbc.sql("delete from audit_entry where seq = ?").param(middle).update();

        ChainVerification result = chain.verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.firstBrokenEntry()).isEqualTo(middle);
        assertThat(result.problem()).isEqualTo("Entry " + middle + " is missing: it has been deleted.");
      } finally {
        restore(row);
      }
    });
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void theLastEntryDeletedIsFoundThroughTheChainHead() {
    long last = write(marker());
    withTamperingAllowed(() -> {
      AuditLog.Entry row = row(last);
      try {
        jdbc.sql("delete from audit_entry where seq = ?").param(last).update();

        ChainVerification result = chain.verify();

        assertThat(result.firstBrokenEntry()).isEqualTo(last);
        assertThat(result.entries()).isEqualTo(last - 1);
        assertThat(result.problem()).contains("They were the last entries in the log.");
      } finally {
        restore(row);
      }
    });
    assertThat(chain.verify()).isEqualTo(ChainVerification.intact(last));
  }

  @Test
  void accessEventsAreRecordedInThePublishersTransaction() {
    String email = "locked-" + marker() + "@audit-test.example";
    transactions.executeWithoutResult(status -> {
      events.publishEvent(new AccessEvent(AccessEvent.Kind.ACCOUNT_LOCKED, email, 42L, "192.0.2.7", "10 failures"));
      status.setRollbackOnly();
    });
    assertThat(jdbc.sql("select count(*) from audit_entry where actor_email = ?").param(email).query(Long.class)
        .single()).isZero();

    transactions.executeWithoutResult(status ->
        events.publishEvent(new AccessEvent(AccessEvent.Kind.ACCOUNT_LOCKED, email, 42L, "192.0.2.7", "10 failures")));

    Map<String, Object> entry = jdbc.sql("""
            select action, record_type, record_id, actor_account_id, ip_address, detail, school_id
            from audit_entry where actor_email = ?""")
        .param(email).query().singleRow();
    assertThat(entry).containsEntry("ACTION", "ACCOUNT_LOCKED").containsEntry("RECORD_TYPE", "account")
        .containsEntry("RECORD_ID", "42").containsEntry("IP_ADDRESS", "192.0.2.7")
        .containsEntry("DETAIL", "10 failures");
    assertThat(((Number) entry.get("ACTOR_ACCOUNT_ID")).longValue()).isEqualTo(42L);
    assertThat(entry.get("SCHOOL_ID")).isNull();
  }

  @Test
  void onlyTheHeadteacherAndTheTrustSendLeadMayVerifyThroughTheApi() {
    AuditFixture fixture = AuditFixture.in(context);
    for (Role role : List.of(Role.HEADTEACHER, Role.TRUST_SEND_LEAD)) {
      Api.Response response = new Api(port, fixture.account(role).apiToken()).get("/api/v1/audit/verify");
      assertThat(response.status()).as(role.name()).isEqualTo(200);
      var json = response.json();
      assertThat(json.propertyNames()).as(role.name()).containsExactly("intact", "entries");
      assertThat(json.get("intact").asBoolean()).isTrue();
      assertThat(json.get("entries").asLong()).isPositive();
      Map<String, Object> recorded = jdbc.sql("""
              select action, record_type, actor_email, detail from audit_entry
              where seq = (select max(seq) from audit_entry)""").query().singleRow();
      assertThat(recorded).containsEntry("ACTION", "VERIFY").containsEntry("RECORD_TYPE", "audit_log")
          .containsEntry("ACTOR_EMAIL", fixture.account(role).email())
          .containsEntry("DETAIL", "intact, " + json.get("entries").asLong() + " entries");
    }
    for (Role role : List.of(Role.SENCO, Role.TEACHER, Role.TEACHING_ASSISTANT, Role.DSL, Role.SCHOOL_ADMIN,
        Role.GOVERNOR)) {
      Api.Response response = new Api(port, fixture.account(role).apiToken()).get("/api/v1/audit/verify");
      assertThat(response.status()).as(role.name()).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
    Api.Response anonymous = new Api(port, null).get("/api/v1/audit/verify");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
  }

  @Test
  void theApiReportsABrokenChainWithWhereItBreaks() {
    AuditFixture fixture = AuditFixture.in(context);
    long last = write(marker());
    withTamperingAllowed(() -> {
      AuditLog.Entry row = row(last);
      try {
        jdbc.sql("delete from audit_entry where seq = ?").param(last).update();

        var json = new Api(port, fixture.account(Role.HEADTEACHER).apiToken()).get("/api/v1/audit/verify").json();

        assertThat(json.get("intact").asBoolean()).isFalse();
        assertThat(json.get("firstBrokenEntry").asLong()).isEqualTo(last);
        assertThat(json.get("entries").asLong()).isEqualTo(last - 1);
        assertThat(json.get("problem").asString()).contains("missing");
      } finally {
        // The API call appended its own entry after the gap: put the deleted one back and the chain is whole.
        restore(row);
      }
    });
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void theHeadteacherSearchesTheirSchoolAndTheTrustLeadTheTrust() {
    AuditFixture fixture = AuditFixture.in(context);
    String inSchool = "in-school-" + marker();
    String inOther = "in-other-" + marker();
    audit.record(AuditAction.VIEW, "pupil", inSchool, fixture.schoolId, null);
    audit.record(AuditAction.VIEW, "pupil", inOther, fixture.otherSchoolId, null);
    String school = "/schools/" + fixture.schoolId + "/audit";

    PageSession head = PageSession.signedIn(port, fixture.account(Role.HEADTEACHER));
    PageSession.Page found = head.get(school + "?recordId=" + inSchool);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.body()).contains("<h2 class=\"govuk-heading-m\" id=\"results\">1 entry</h2>").contains(inSchool);
    PageSession.Page notFound = head.get(school + "?recordId=" + inOther);
    assertThat(notFound.body()).contains("No entries match your search.").doesNotContain(inOther + "<");
    assertThat(head.get("/schools/" + fixture.otherSchoolId + "/audit").status()).isEqualTo(404);
    assertThat(head.get("/audit").status()).isEqualTo(403);
    Map<String, Object> viewed = jdbc.sql("""
            select action, record_type, school_id, detail from audit_entry
            where seq = (select max(seq) from audit_entry where actor_email = ?)""")
        .param(fixture.account(Role.HEADTEACHER).email()).query().singleRow();
    assertThat(viewed).containsEntry("ACTION", "VIEW").containsEntry("RECORD_TYPE", "audit_log")
        .containsEntry("DETAIL", "searched the log: record " + inOther + ", page 1");
    assertThat(((Number) viewed.get("SCHOOL_ID")).longValue()).isEqualTo(fixture.schoolId);

    PageSession lead = PageSession.signedIn(port, fixture.account(Role.TRUST_SEND_LEAD));
    assertThat(lead.get("/audit?recordId=" + inOther).body()).contains("1 entry").contains(inOther);
    assertThat(lead.get(school + "?recordId=" + inSchool).status()).isEqualTo(200);

    PageSession.Page verified = head.post(school + "/verification", Map.of());
    assertThat(verified.status()).isEqualTo(302);
    assertThat(verified.location()).endsWith(school + "#verification");
    assertThat(head.get(school).body()).contains("The log has not been altered");

    for (Role role : List.of(Role.SENCO, Role.TEACHER, Role.TEACHING_ASSISTANT, Role.DSL, Role.SCHOOL_ADMIN,
        Role.GOVERNOR)) {
      PageSession other = PageSession.signedIn(port, fixture.account(role));
      assertThat(other.get(school).status()).as(role.name()).isEqualTo(403);
      assertThat(other.get("/audit").status()).as(role.name()).isEqualTo(403);
      assertThat(other.post(school + "/verification", Map.of()).status()).as(role.name()).isEqualTo(403);
    }
  }

  @Test
  void aDateThatIsNotRealIsRefusedWithWhatWasTypedKept() {
    AuditFixture fixture = AuditFixture.in(context);
    PageSession head = PageSession.signedIn(port, fixture.account(Role.HEADTEACHER));
    PageSession.Page page = head.get("/schools/" + fixture.schoolId + "/audit?from.day=31&from.month=2&from.year=2026"
        + "&to.day=1&to.month=1&to.year=2026");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("<title>Error: Audit log - " + fixture.schoolName + " - Senda</title>")
        .contains("The start date must be a real date")
        .contains("value=\"31\"")
        .doesNotContain("id=\"results\"");
  }

  private long write(String detail) {
    audit.record(AuditAction.VIEW, "pupil", 1, null, detail);
    return jdbc.sql("select seq from audit_entry where detail = ?").param(detail).query(Long.class).single();
  }

  private long entriesWith(String detail) {
    return jdbc.sql("select count(*) from audit_entry where detail = ?").param(detail).query(Long.class).single();
  }

  private AuditLog.Entry row(long seq) {
    return jdbc.sql("select * from audit_entry where seq = ?").param(seq)
        .query(AuditChain.ENTRY)
        .single();
  }

  private void restore(AuditLog.Entry e) {
    jdbc.sql("""
            insert into audit_entry (seq, occurred_at, actor_account_id, actor_email, actor_role, school_id, action,
              record_type, record_id, detail, ip_address, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(e.seq(), e.occurredAt().atOffset(ZoneOffset.UTC), e.actorAccountId(), e.actorEmail(), e.actorRole(),
            e.schoolId(), e.action(), e.recordType(), e.recordId(), e.detail(), e.ipAddress(), e.prevHash(), e.hash())
        .update();
  }

  private void swap(long first, long second) {
    jdbc.sql("update audit_entry set seq = -1 where seq = ?").param(first).update();
    jdbc.sql("update audit_entry set seq = ? where seq = ?").params(first, second).update();
    jdbc.sql("update audit_entry set seq = ? where seq = -1").param(second).update();
  }

  /** On PostgreSQL the database refuses changes to the log; the test user is a superuser and lifts that. */
  private void withTamperingAllowed(Runnable tampering) {
    if (TestDatabase.postgresql()) {
      jdbc.sql("alter table audit_entry disable trigger audit_entry_no_update").update();
    }
    try {
      tampering.run();
    } finally {
      if (TestDatabase.postgresql()) {
        jdbc.sql("alter table audit_entry enable trigger audit_entry_no_update").update();
      }
    }
  }

  private static String marker() {
    return "audit-test-" + UUID.randomUUID();
  }
}
