package org.senda.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Staff and their accounts made by the tests themselves (a trust, a school, a staff member with a role and an
 * account with a unique email), so that the access tests do not depend on the demo trust.
 */
public final class StaffAccounts {

  public record Person(long accountId, long staffId, long schoolId, long trustId, String email, String password,
      String secret) {}

  public static final String PASSWORD = "correct horse battery staple";
  private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000, 800_000));

  private final JdbcClient jdbc;
  private final Accounts accounts;

  public StaffAccounts(JdbcClient jdbc, Accounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  /** A SENCO in a new school, enrolled in MFA with a known secret. */
  public Person enrolled() {
    Person person = notEnrolled(Role.SENCO);
    String secret = Totp.newSecret();
    accounts.enrolTotp(person.accountId(), secret);
    return new Person(person.accountId(), person.staffId(), person.schoolId(), person.trustId(), person.email(),
        person.password(), secret);
  }

  /** A member of staff with a role in a new school whose account has a password but no authenticator yet. */
  public Person notEnrolled(Role role) {
    int n = NEXT.incrementAndGet();
    long trustId = insert("insert into trust (name) values (?)", "Test Trust " + n);
    long schoolId = insert("""
            insert into school (trust_id, name, urn, dfe_number, phase, local_authority) values (?, ?, ?, ?, ?, ?)""",
        trustId, "Test School " + n, String.valueOf(n), "999" + String.format("%05d", n % 100_000), "PRIMARY",
        "Testshire");
    String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    long staffId = insert("insert into staff (trust_id, email, given_name, family_name) values (?, ?, ?, ?)",
        trustId, email, "Alex", "Tester" + n);
    jdbc.sql("insert into staff_role (staff_id, school_id, role) values (?, ?, ?)")
        .params(staffId, schoolId, role.name())
        .update();
    long accountId = accounts.createForStaff(staffId, email, PASSWORD);
    return new Person(accountId, staffId, schoolId, trustId, email, PASSWORD, "");
  }

  /** A colleague of {@code person}: a member of staff with the role in the same school, enrolled in MFA. */
  public Person colleague(Person person, Role role) {
    String email = "staff-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    long staffId = insert("insert into staff (trust_id, email, given_name, family_name) values (?, ?, ?, ?)",
        person.trustId(), email, "Jo", "Colleague");
    jdbc.sql("insert into staff_role (staff_id, school_id, role) values (?, ?, ?)")
        .params(staffId, person.schoolId(), role.name())
        .update();
    long accountId = accounts.createForStaff(staffId, email, PASSWORD);
    String secret = Totp.newSecret();
    accounts.enrolTotp(accountId, secret);
    return new Person(accountId, staffId, person.schoolId(), person.trustId(), email, PASSWORD, secret);
  }

  /** A staff member with no account at all. */
  public String staffWithoutAccount() {
    long trustId = insert("insert into trust (name) values (?)", "Test Trust without accounts");
    String email = "no-account-" + UUID.randomUUID().toString().substring(0, 8) + "@test.example";
    insert("insert into staff (trust_id, email, given_name, family_name) values (?, ?, ?, ?)", trustId, email,
        "Sam", "Nobody");
    return email;
  }

  public int failedAttempts(long accountId) {
    return jdbc.sql("select failed_attempts from account where id = ?").param(accountId).query(Integer.class)
        .single();
  }

  public Instant lockedUntil(long accountId) {
    Timestamp until = jdbc.sql("select locked_until from account where id = ?").param(accountId)
        .query(Timestamp.class).single();
    return until == null ? null : until.toInstant();
  }

  /** The person as the shared test helpers (PageSession, BrowserSignIn) take an account. */
  public static org.senda.test.DemoAccounts.Account account(Person person) {
    return new org.senda.test.DemoAccounts.Account("SENCO", person.schoolId(), "Test School", person.email(),
        person.password(), person.secret(), "");
  }

  private long insert(String sql, Object... params) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKey().longValue();
  }
}
