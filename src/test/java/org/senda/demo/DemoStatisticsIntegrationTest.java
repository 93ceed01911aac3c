package org.senda.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.senda.test.SendaTest;
import org.senda.test.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Right after seeding, PostgreSQL's planner knows how big the tables are. Without statistics it plans for the
 * empty tables the migrations made (a pupil's provision history read every session of every group) until autovacuum
 * comes round, which on a server with autovacuum switched off is never.
 */
@SendaTest
class DemoStatisticsIntegrationTest {

  /** Fewer rows than the demo seeds in any of the tables checked. */
  private static final int MANY = 100;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theSeededTablesHavePlannerStatisticsAtOnce() {
    assumeTrue(TestDatabase.postgresql(), "H2 plans without gathered statistics");
    Map<String, Double> estimated = jdbc.sql("""
            select relname, reltuples from pg_class
            where relname in ('pupil', 'register_change', 'provision_session', 'provision_attendance')""")
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getDouble(2))).list().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    Map<String, Integer> counted = Map.of(
        "pupil", count("pupil"), "register_change", count("register_change"),
        "provision_session", count("provision_session"), "provision_attendance", count("provision_attendance"));

    assertThat(estimated).containsOnlyKeys(counted.keySet());
    counted.forEach((table, rows) -> {
      // The demo seeds hundreds of rows in each (other tests in this context may have added more since, which the
      // estimate need not know of). Without statistics the planner's estimate is that of the empty table: 0 or -1.
      assertThat(rows).as(table).isGreaterThan(MANY);
      assertThat(estimated.get(table)).as(table).isGreaterThan(MANY);
    });
  }

  private int count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
  }
}
