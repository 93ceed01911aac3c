package org.senda.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.senda.access.internal.AccountChanges;
import org.senda.access.internal.AccountStore;
import org.senda.access.internal.PasswordLinkRequested;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in accounts, as other modules (staff administration, the demo trust) create and manage them. */
@Service
@Transactional
public class Accounts {

  private final AccountStore store;
  private final AccountChanges changes;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Accounts(AccountStore store, AccountChanges changes, Clock clock, ApplicationEventPublisher events) {
    this.store = store;
    this.changes = changes;
    this.clock = clock;
    this.events = events;
  }

  /** Creates the sign-in account of a staff member; the person enrols in MFA at first sign-in. */
  public long createForStaff(long staffId, String email, String password) {
    return store.create(staffId, normalise(email), password, clock.instant());
  }

  /**
   * Creates the sign-in accounts of many staff at once, all with one password hashed once, each enrolled in TOTP
   * MFA with a fresh random secret that nobody is told: for generated trusts, where hashing a password per
   * person (Argon2id, tens of milliseconds each) would dominate the time taken. Such accounts are used after a
   * password reset and MFA enrolment.
   *
   * @param emailsByStaffId each staff member's email address, by staff id
   */
  public void createForStaffInBulk(java.util.Map<Long, String> emailsByStaffId, String password) {
    java.util.Map<Long, String> normalised = new java.util.LinkedHashMap<>();
    emailsByStaffId.forEach((staffId, email) -> normalised.put(staffId, normalise(email)));
    store.createInBulk(normalised, password, clock.instant());
  }

  /** Enrols an account in TOTP MFA with a known secret (demo accounts publish theirs). */
  public void enrolTotp(long accountId, String base32Secret) {
    store.enrolTotp(accountId, base32Secret, clock.instant());
  }

  /** Issues a personal API token; the value is returned once and only its hash is kept. */
  public String issueApiToken(long accountId, String name, Duration lifetime) {
    return store.issueApiToken(accountId, name, lifetime);
  }

  /**
   * Emails the person a link to choose their password (valid for 7 days), for staff whose account an
   * administrator has just created. Sent after the caller's transaction commits, through the outbox.
   */
  public void invite(long accountId) {
    events.publishEvent(new PasswordLinkRequested(accountId, PasswordLinkRequested.Purpose.INVITE));
  }

  /**
   * Whether someone other than this member of staff already signs in with the email address (an account's email
   * is unique: it is what the person types to sign in).
   */
  @Transactional(readOnly = true)
  public boolean emailInUse(String email, long exceptStaffId) {
    return changes.emailInUse(normalise(email), exceptStaffId);
  }

  /**
   * The staff member's email changed: their sign-in account follows, and their signed-in sessions carry on under
   * the new address. Check {@link #emailInUse} first; the database refuses a duplicate regardless.
   */
  public void staffEmailChanged(long staffId, String email) {
    changes.changeEmail(staffId, normalise(email));
  }

  /**
   * The staff member's roles changed (added, removed, or all ended by deactivation): once the caller's transaction
   * commits, every signed-in session of theirs holds the new roles, so a removed role stops working on the next
   * request. API tokens need nothing: they look the roles up on every call.
   */
  public void staffRolesChanged(long staffId) {
    changes.rolesChanged(staffId);
  }

  /** Signs the member of staff out of every session once the caller's transaction commits. */
  public void endSessionsOfStaff(long staffId) {
    changes.endSessions(staffId);
  }

  /** Email addresses are compared without regard to case. */
  public static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
