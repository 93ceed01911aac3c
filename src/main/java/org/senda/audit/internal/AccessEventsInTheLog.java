package org.senda.audit.internal;

import org.senda.access.AccessEvent;
import org.senda.audit.AuditAction;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins, failures, locks and other account events. Listens synchronously, inside the transaction that
 * published the event: a lock and its entry in the log are committed together or not at all, and an entry that
 * cannot be written stops the change rather than leaving it unrecorded.
 */
@Component
class AccessEventsInTheLog {

  private final AuditLog log;

  AccessEventsInTheLog(AuditLog log) {
    this.log = log;
  }

  @EventListener
  void on(AccessEvent event) {
    log.appendFor(event.email(), event.accountId(), actionOf(event.kind()), "account",
        event.accountId() == null ? null : String.valueOf(event.accountId()), event.detail(), event.ipAddress());
  }

  static AuditAction actionOf(AccessEvent.Kind kind) {
    return switch (kind) {
      case SIGNED_IN -> AuditAction.SIGN_IN;
      case SIGN_IN_FAILED -> AuditAction.SIGN_IN_FAILED;
      case ACCOUNT_LOCKED -> AuditAction.ACCOUNT_LOCKED;
      case SIGNED_OUT_EVERYWHERE -> AuditAction.SIGN_OUT_EVERYWHERE;
      case PASSWORD_RESET_REQUESTED -> AuditAction.PASSWORD_RESET_REQUESTED;
      case PASSWORD_CHANGED -> AuditAction.PASSWORD_CHANGED;
      case MFA_ENROLLED -> AuditAction.MFA_ENROLLED;
      case RECOVERY_CODE_USED -> AuditAction.RECOVERY_CODE_USED;
      case API_TOKEN_ISSUED -> AuditAction.API_TOKEN_ISSUED;
      case API_TOKEN_REVOKED -> AuditAction.API_TOKEN_REVOKED;
      case EMAIL_CHANGED -> AuditAction.UPDATE;
    };
  }
}
