package org.senda.access;

import org.jspecify.annotations.Nullable;

/**
 * Something happened to an account: the audit module records each of these. Published synchronously, inside the
 * transaction that changed the account when there is one.
 *
 * @param email the account's email, or what was typed when no account matched
 * @param accountId the account, when one matched
 * @param ipAddress where the request came from
 * @param detail a short note (never a password or code)
 */
public record AccessEvent(Kind kind, String email, @Nullable Long accountId, @Nullable String ipAddress,
    @Nullable String detail) {

  public enum Kind {
    SIGNED_IN,
    SIGN_IN_FAILED,
    ACCOUNT_LOCKED,
    SIGNED_OUT_EVERYWHERE,
    PASSWORD_RESET_REQUESTED,
    PASSWORD_CHANGED,
    MFA_ENROLLED,
    RECOVERY_CODE_USED,
    API_TOKEN_ISSUED,
    API_TOKEN_REVOKED,
    EMAIL_CHANGED
  }
}
