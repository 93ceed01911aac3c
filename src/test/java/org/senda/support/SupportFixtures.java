package org.senda.support;

import org.senda.test.DemoAccounts;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Demo pupils the tests need: one a demo teacher teaches, one in the same school they do not. */
final class SupportFixtures {

  private SupportFixtures() {}

  static long pupilTaughtBy(JdbcClient jdbc, DemoAccounts.Account teacher) {
    return jdbc.sql("""
            select min(p.id) from pupil p
            join class_staff cs on cs.class_id = p.class_id
            join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?) and p.school_id = ?""")
        .params(teacher.email(), teacher.schoolId())
        .query(Long.class)
        .single();
  }

  /** A pupil of the teacher's school outside the classes they teach or support and not assigned to them. */
  static long pupilNotTaughtBy(JdbcClient jdbc, DemoAccounts.Account teacher) {
    return jdbc.sql("""
            select min(p.id) from pupil p
            where p.school_id = ?
              and not exists (select 1 from class_staff cs join account a on a.staff_id = cs.staff_id
                              where cs.class_id = p.class_id and lower(a.email) = lower(?))
              and not exists (select 1 from pupil_support_staff s join account a on a.staff_id = s.staff_id
                              where s.pupil_id = p.id and lower(a.email) = lower(?))""")
        .params(teacher.schoolId(), teacher.email(), teacher.email())
        .query(Long.class)
        .single();
  }

  static int count(JdbcClient jdbc, String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
