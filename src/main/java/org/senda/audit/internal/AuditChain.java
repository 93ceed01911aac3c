package org.senda.audit.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Verifies the whole chain from the database, a page of entries at a time (keyset pagination on the sequence
 * number), so memory stays the same however long the log grows.
 */
@Component
class AuditChain {

  static final int PAGE_SIZE = 2000;

  /** An entry exactly as stored: the time read as an offset date-time, so no time zone can shift it. */
  static final RowMapper<AuditLog.Entry> ENTRY = (rs, n) -> new AuditLog.Entry(
      rs.getLong("seq"),
      rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
      rs.getObject("actor_account_id", Long.class),
      rs.getString("actor_email"),
      rs.getString("actor_role"),
      rs.getObject("school_id", Long.class),
      rs.getString("action"),
      rs.getString("record_type"),
      rs.getString("record_id"),
      rs.getString("detail"),
      rs.getString("ip_address"),
      rs.getString("prev_hash"),
      rs.getString("hash"));

  private final JdbcClient jdbc;

  AuditChain(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Checks every entry up to the head as it is when the check begins. Entries appended meanwhile are left for the
   * next check: the head is only ever moved in the transaction that inserts its entry, so every entry up to it has
   * been committed.
   */
  ChainVerification verify() {
    ChainHead head = head();
    AuditVerification verification = new AuditVerification();
    long after = 0;
    while (true) {
      List<AuditLog.Entry> page = page(after, head.lastSeq());
      page.forEach(verification::check);
      if (page.size() < PAGE_SIZE) {
        return verification.result(head);
      }
      after = page.getLast().seq();
    }
  }

  ChainHead head() {
    return jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
        .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
        .single();
  }

  private List<AuditLog.Entry> page(long after, long upTo) {
    return jdbc.sql("""
            select seq, occurred_at, actor_account_id, actor_email, actor_role, school_id, action, record_type,
              record_id, detail, ip_address, prev_hash, hash
            from audit_entry where seq > ? and seq <= ? order by seq fetch first %d rows only"""
            .formatted(PAGE_SIZE))
        .params(after, upTo)
        .query(ENTRY)
        .list();
  }
}
