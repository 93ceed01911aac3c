package org.senda.pupils;

import java.time.Duration;
import org.senda.access.Accounts;
import org.senda.access.Totp;
import org.senda.test.DemoAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * A primary school of its own in a trust of its own, with year groups R to 6 and a class in each, and API tokens
 * for its SENCO and a teacher, and the SENCO's sign-in for the pages: imports go there, so the demo trust is left as
 * it was.
 */
record ImportTestSchool(long schoolId, String sencoToken, String teacherToken, DemoAccounts.Account senco) {

  private static final String PASSWORD = "correct horse battery staple 42";

  static ImportTestSchool create(JdbcClient jdbc, Accounts accounts) {
    long trustId = insert(jdbc, "insert into trust (name) values ('Import Test Trust')");
    long schoolId = insert(jdbc, """
        insert into school (trust_id, name, urn, dfe_number, phase, local_authority)
        values (?, 'Import Test Primary', ?, ?, 'PRIMARY', 'Testshire')""", trustId,
        String.valueOf(900000 + (System.nanoTime() % 99999)), "999/" + (9000 + System.nanoTime() % 999));
    insert(jdbc, "insert into year_group (school_id, code, name, ordinal) values (?, 'R', 'Reception', 0)", schoolId);
    for (int year = 1; year <= 6; year++) {
      long yearId = insert(jdbc, "insert into year_group (school_id, code, name, ordinal) values (?, ?, ?, ?)",
          schoolId, "Y" + year, "Year " + year, year);
      insert(jdbc, "insert into school_class (school_id, year_group_id, name) values (?, ?, ?)", schoolId, yearId,
          "Year " + year + " Ash");
    }
    String sencoToken = token(jdbc, accounts, trustId, schoolId, "SENCO");
    String email = "senco." + schoolId + "@import-test.example";
    String secret = Totp.newSecret();
    long accountId = jdbc.sql("select id from account where email = ?").param(email).query(Long.class).single();
    accounts.enrolTotp(accountId, secret);
    return new ImportTestSchool(schoolId, sencoToken, token(jdbc, accounts, trustId, schoolId, "TEACHER"),
        new DemoAccounts.Account("SENCO", schoolId, "Import Test Primary", email, PASSWORD, secret, sencoToken));
  }

  boolean exists(JdbcClient jdbc) {
    return jdbc.sql("select count(*) from school where id = ?").param(schoolId).query(Integer.class).single() == 1;
  }

  private static String token(JdbcClient jdbc, Accounts accounts, long trustId, long schoolId, String role) {
    String email = role.toLowerCase() + "." + schoolId + "@import-test.example";
    long staffId = insert(jdbc, "insert into staff (trust_id, email, given_name, family_name) values (?, ?, 'Sam', ?)",
        trustId, email, role);
    insert(jdbc, "insert into staff_role (staff_id, school_id, role) values (?, ?, ?)", staffId, schoolId, role);
    long accountId = accounts.createForStaff(staffId, email, PASSWORD);
    return accounts.issueApiToken(accountId, "Import test", Duration.ofDays(1));
  }

  private static long insert(JdbcClient jdbc, String sql, Object... params) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(sql).params(params).update(keys, "id");
    return keys.getKey().longValue();
  }
}
