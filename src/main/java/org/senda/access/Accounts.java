package org.senda.access;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.senda.access.internal.AccountStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sign-in accounts, as other modules (staff administration, the demo trust) create and manage them. */
@Service
@Transactional
public class Accounts {

  private final AccountStore store;
  private final Clock clock;

  Accounts(AccountStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
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

  /** Email addresses are compared without regard to case. */
  public static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }
}
