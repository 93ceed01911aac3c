package org.senda.audit;

/** What was done to a record, with the words the audit log page shows for it. */
public enum AuditAction {
  VIEW("Viewed"),
  CREATE("Created"),
  UPDATE("Changed"),
  DELETE("Deleted"),
  EXPORT("Exported"),
  IMPORT("Imported"),
  SIGN_IN("Signed in"),
  SIGN_IN_FAILED("Sign-in failed"),
  ACCOUNT_LOCKED("Account locked"),
  SIGN_OUT_EVERYWHERE("Signed out everywhere"),
  PASSWORD_RESET("Password reset"),
  PASSWORD_RESET_REQUESTED("Asked to reset password"),
  PASSWORD_CHANGED("Password changed"),
  MFA_ENROLLED("Set up security codes"),
  RECOVERY_CODE_USED("Used a recovery code"),
  API_TOKEN_ISSUED("API token created"),
  API_TOKEN_REVOKED("API token revoked"),
  /** Someone checked that the audit log has not been altered. */
  VERIFY("Checked the log");

  private final String title;

  AuditAction(String title) {
    this.title = title;
  }

  /** How the audit log page names the action. */
  public String title() {
    return title;
  }
}
