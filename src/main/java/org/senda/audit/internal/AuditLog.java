package org.senda.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only log. Each entry's hash covers its own fields and the previous entry's hash, so altering or
 * deleting any entry breaks the chain from that point. Writers lock the chain head row, so entries are chained
 * in one order however many nodes write.
 */
@Component
public class AuditLog {

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** An entry as stored; {@link #canonical()} is what the hash covers. */
  public record Entry(
      long seq, Instant occurredAt, @Nullable Long actorAccountId, @Nullable String actorEmail,
      @Nullable String actorRole, @Nullable Long schoolId, String action, String recordType,
      @Nullable String recordId, @Nullable String detail, @Nullable String ipAddress, String prevHash, String hash) {

    String canonical() {
      return String.join("|", String.valueOf(seq), occurredAt.toString(), String.valueOf(actorAccountId),
          String.valueOf(actorEmail), String.valueOf(actorRole), String.valueOf(schoolId), action, recordType,
          String.valueOf(recordId), String.valueOf(detail), String.valueOf(ipAddress), prevHash);
    }
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void append(
      AuditAction action, String recordType, @Nullable String recordId, @Nullable Long schoolId,
      @Nullable String detail) {
    SendaUser user = currentUser();
    String role = user == null ? null : roleOf(user, schoolId);
    write(user == null ? null : user.accountId(), user == null ? null : user.email(), role, schoolId, action,
        recordType, recordId, detail);
  }

  @Transactional(propagation = Propagation.REQUIRED)
  public void appendFor(
      String actorEmail, @Nullable Long accountId, AuditAction action, String recordType, @Nullable String recordId,
      @Nullable String detail) {
    write(accountId, actorEmail, null, null, action, recordType, recordId, detail);
  }

  private void write(
      @Nullable Long accountId, @Nullable String email, @Nullable String role, @Nullable Long schoolId,
      AuditAction action, String recordType, @Nullable String recordId, @Nullable String detail) {
    // Lock the head of the chain: the next entry's number and previous hash come from it.
    var head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
        .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
        .single();
    long seq = (long) head[0] + 1;
    String prevHash = (String) head[1];
    // Microsecond precision survives a round trip through both databases, so the hash can be recomputed.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Entry entry = new Entry(seq, now, accountId, email, role, schoolId, action.name(), recordType, recordId,
        truncate(detail), clientAddress(), prevHash, "");
    String hash = hash(entry);
    jdbc.sql("""
            insert into audit_entry (seq, occurred_at, actor_account_id, actor_email, actor_role, school_id, action,
              record_type, record_id, detail, ip_address, prev_hash, hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(seq, Timestamp.from(now), accountId, email, role, schoolId, entry.action(), recordType, recordId,
            entry.detail(), entry.ipAddress(), prevHash, hash)
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

  private static @Nullable String truncate(@Nullable String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
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
