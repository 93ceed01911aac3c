package org.senda.audit;

/** What was done to a record. */
public enum AuditAction {
  VIEW,
  CREATE,
  UPDATE,
  DELETE,
  EXPORT,
  IMPORT,
  SIGN_IN,
  SIGN_IN_FAILED,
  ACCOUNT_LOCKED,
  SIGN_OUT_EVERYWHERE,
  PASSWORD_RESET,
  MFA_ENROLLED,
  API_TOKEN_ISSUED,
  API_TOKEN_REVOKED
}
