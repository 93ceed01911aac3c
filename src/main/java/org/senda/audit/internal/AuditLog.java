package org.senda.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.access.Role;
import org.senda.access.SendaUser;
import org.senda.audit.AuditAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only log. Each entry's hash covers its own fields and the previous entry's hash, so altering or
 * deleting any entry breaks the chain from that point. Writers lock the chain head row, so entries are chained
 * in one order however many nodes write.
 */
@Component
public class AuditLog {

  /** The previous hash of the first entry. */
  static final String GENESIS = "0".repeat(64);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final TransactionTemplate separateTransaction;

  AuditLog(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.separateTransaction = new TransactionTemplate(transactions);
    this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** An entry as stored; {@link #canonical()} is what the hash covers. */
  public record Entry(
      long seq, Instant occurredAt, @Nullable Long actorAccountId, @Nullable String actorEmail,
      @Nullable String actorRole, @Nullable Long schoolId, String action, String recordType,
      @Nullable String recordId, @Nullable String detail, @Nullable String ipAddress, String prevHash, String hash) {

    /**
     * The exact text the hash covers. Every field is written as its length, a colon and its characters (or a
     * single {@code -} when empty), so no value can imitate a separator: "a|b" in one field and "a", "b" in two
     * give different text, and so do a missing value and the word "null". The time is a count of microseconds,
     * so it does not depend on how an instant happens to be formatted.
     */
    String canonical() {
      StringBuilder text = new StringBuilder(256).append("senda-audit-v2");
      field(text, String.valueOf(seq));
      field(text, String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt)));
      field(text, actorAccountId == null ? null : String.valueOf(actorAccountId));
      field(text, actorEmail);
      field(text, actorRole);
      field(text, schoolId == null ? null : String.valueOf(schoolId));
      field(text, action);
      field(text, recordType);
      field(text, recordId);
      field(text, detail);
      field(text, ipAddress);
      field(text, prevHash);
      return text.toString();
    }

    private static void field(StringBuilder text, @Nullable String value) {
      if (value == null) {
        text.append('-');
      } else {
        text.append(value.length()).append(':').append(value);
      }
    }

    /** Whether the stored hash is the hash of the stored fields. */
    boolean hashMatches() {
      return MessageDigest.isEqual(
          hash.getBytes(StandardCharsets.US_ASCII), AuditLog.hash(this).getBytes(StandardCharsets.US_ASCII));
    }
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void append(
      AuditAction action, String recordType, @Nullable String recordId, @Nullable Long schoolId,
      @Nullable String detail) {
    SendaUser user = currentUser();
    String role = user == null ? null : roleOf(user, schoolId);
    write(user == null ? null : user.accountId(), user == null ? null : user.email(), role, schoolId, action,
        recordType, recordId, detail, clientAddress());
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void appendFor(
      String actorEmail, @Nullable Long accountId, AuditAction action, String recordType, @Nullable String recordId,
      @Nullable String detail) {
    write(accountId, actorEmail, null, null, action, recordType, recordId, detail, clientAddress());
  }

  /** For events that carry where they came from (sign-in attempts), rather than the current request. */
  @Transactional(propagation = Propagation.REQUIRED)
  void appendFor(
      String actorEmail, @Nullable Long accountId, AuditAction action, String recordType, @Nullable String recordId,
      @Nullable String detail, @Nullable String ipAddress) {
    write(accountId, actorEmail, null, null, action, recordType, recordId, detail, ipAddress);
  }

  private void write(
      @Nullable Long accountId, @Nullable String email, @Nullable String role, @Nullable Long schoolId,
      AuditAction action, String recordType, @Nullable String recordId, @Nullable String detail,
      @Nullable String ipAddress) {
    if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
      // A read-only transaction (a page that only reads) cannot insert on PostgreSQL. The read has happened, so
      // its entry is committed on its own rather than lost or failing the page.
      separateTransaction.executeWithoutResult(status ->
          insert(accountId, email, role, schoolId, action, recordType, recordId, detail, ipAddress));
    } else {
      insert(accountId, email, role, schoolId, action, recordType, recordId, detail, ipAddress);
    }
  }

  private void insert(
      @Nullable Long accountId, @Nullable String email, @Nullable String role, @Nullable Long schoolId,
      AuditAction action, String recordType, @Nullable String recordId, @Nullable String detail,
      @Nullable String ipAddress) {
    // Lock the head of the chain: the next entry's number and previous hash come from it.
    var head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
        .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
        .single();
    long seq = head.lastSeq() + 1;
    // Microsecond precision survives a round trip through both databases, so the hash can be recomputed.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Entry entry = new Entry(seq, now, accountId, clip(email, 254), clip(role, 200), schoolId, action.name(),
        clip(recordType, 60), clip(recordId, 60), clip(detail, 1000), clip(ipAddress, 45), head.lastHash(), "");
    String hash = hash(entry);
    jdbc.sql("""
            insert into audit_entry (seq, occurred_at, actor_account_id, actor_email, actor_role, school_id, action,
              record_type, record_id, detail, ip_address, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        // An offset date-time in UTC, not a java.sql.Timestamp: a Timestamp goes through the JVM's time zone and
        // an instant in the hour that repeats when clocks go back could be stored as the other one.
        .params(seq, now.atOffset(ZoneOffset.UTC), accountId, entry.actorEmail(), entry.actorRole(), schoolId,
            entry.action(), entry.recordType(), entry.recordId(), entry.detail(), entry.ipAddress(),
            entry.prevHash(), hash)
        .update();
    jdbc.sql("update audit_chain_head set last_seq = ?, last_hash = ? where id = 1").params(seq, hash).update();
  }

  public static String hash(Entry entry) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(entry.canonical().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What is stored must be what was hashed, so a value is cut to its column's length here rather than by the
   * database, never in the middle of a character, and without control characters (PostgreSQL refuses NUL).
   */
  static @Nullable String clip(@Nullable String value, int max) {
    if (value == null) {
      return null;
    }
    String clean = value.codePoints()
        .map(c -> Character.isISOControl(c) ? ' ' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
    if (clean.length() <= max) {
      return clean;
    }
    int end = Character.isLowSurrogate(clean.charAt(max)) ? max - 1 : max;
    return clean.substring(0, end);
  }

  private static @Nullable SendaUser currentUser() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof SendaUser user ? user : null;
  }

  /** The role that gave access: the person's roles in the school, or their trust-wide roles. */
  private static @Nullable String roleOf(SendaUser user, @Nullable Long schoolId) {
    Set<Role> roles = schoolId == null ? user.trustRoles() : user.rolesIn(schoolId);
    if (roles.isEmpty()) {
      roles = user.schoolRoles().values().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }
    return roles.isEmpty() ? null : roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
  }

  private static @Nullable String clientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
