package org.senda.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.senda.access.Accounts;
import org.senda.access.Role;
import org.senda.access.Totp;
import org.senda.test.DemoAccounts;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A trust of its own for the audit tests: two schools, a person in every role in the first, a headteacher in the
 * second and a trust SEND lead, each with a password, an enrolled authenticator and an API token. Created once per
 * database (the tests share one application context), so other test classes' data is never relied on.
 */
public final class AuditFixture {

  private static final Map<DataSource, AuditFixture> CREATED = new IdentityHashMap<>();

  public final long trustId;
  public final long schoolId;
  public final long otherSchoolId;
  public final String schoolName;
  private final List<DemoAccounts.Account> accounts;

  private AuditFixture(long trustId, long schoolId, long otherSchoolId, String schoolName,
      List<DemoAccounts.Account> accounts) {
    this.trustId = trustId;
    this.schoolId = schoolId;
    this.otherSchoolId = otherSchoolId;
    this.schoolName = schoolName;
    this.accounts = accounts;
  }

  public static synchronized AuditFixture in(ApplicationContext context) {
    return CREATED.computeIfAbsent(context.getBean(DataSource.class), dataSource -> create(
        JdbcClient.create(dataSource), context.getBean(Accounts.class)));
  }

  /** The account with a role in the fixture's first school (or trust-wide for the trust SEND lead). */
  public DemoAccounts.Account account(Role role) {
    return account(role, role.trustWide() ? null : schoolId);
  }

  public DemoAccounts.Account account(Role role, @Nullable Long school) {
    return accounts.stream()
        .filter(a -> a.role().equals(role.name()) && Objects.equals(a.schoolId(), school))
        .findFirst()
        .orElseThrow();
  }

  private static AuditFixture create(JdbcClient jdbc, Accounts accountsApi) {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    long trust = insert(jdbc, "insert into trust (name) values (?)", "Audit Test Trust " + tag);
    String schoolName = "Audit Test Primary " + tag;
    long school = school(jdbc, trust, schoolName);
    long other = school(jdbc, trust, "Audit Test Secondary " + tag);
    List<DemoAccounts.Account> accounts = new ArrayList<>();
    for (Role role : Role.values()) {
      accounts.add(person(jdbc, accountsApi, trust, role.trustWide() ? null : school, role, schoolName, tag));
    }
    accounts.add(person(jdbc, accountsApi, trust, other, Role.HEADTEACHER, "Audit Test Secondary " + tag, tag));
    return new AuditFixture(trust, school, other, schoolName, accounts);
  }

  private static long school(JdbcClient jdbc, long trust, String name) {
    String number = String.valueOf(100000 + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 899999));
    return insert(jdbc, """
            insert into school (trust_id, name, urn, dfe_number, phase, local_authority)
            values (?, ?, ?, ?, 'PRIMARY', 'Testshire')""",
        trust, name, number, "999" + number.substring(2));
  }

  private static DemoAccounts.Account person(JdbcClient jdbc, Accounts accounts, long trust, @Nullable Long school,
      Role role, String schoolName, String tag) {
    String email = (role.name().toLowerCase() + "." + (school == null ? "trust" : school) + "." + tag
        + "@audit-test.example").replace('_', '-');
    long staff = insert(jdbc,
        "insert into staff (trust_id, email, given_name, family_name) values (?, ?, ?, ?)",
        trust, email, role.title(), "Tester");
    jdbc.sql("insert into staff_role (staff_id, school_id, role) values (?, ?, ?)")
        .params(staff, school, role.name())
        .update();
    String password = "correct horse battery " + tag;
    String secret = Totp.newSecret();
    long account = accounts.createForStaff(staff, email, password);
    accounts.enrolTotp(account, secret);
    String token = accounts.issueApiToken(account, "audit tests", Duration.ofDays(1));
    return new DemoAccounts.Account(role.name(), school, school == null ? null : schoolName, email, password, secret,
        token);
  }

  private static long insert(JdbcClient jdbc, String sql, Object... params) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return Objects.requireNonNull(keys.getKey()).longValue();
  }
}
