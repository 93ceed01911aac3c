package org.senda.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The flags of a school come from a fixed number of SQL statements, however many pupils and scores it has: the
 * service is built over a counting proxy of the application's data source.
 */
@SendaTest
class ProgressFlagsStatementsIntegrationTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  Clock clock;

  @Test
  void flagsForAnySchoolTakeAtMostFourStatements() {
    AtomicInteger statements = new AtomicInteger();
    DataSource counted = ProxyDataSourceBuilder.create(dataSource)
        .afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
        .build();
    JdbcClient jdbc = JdbcClient.create(counted);
    ProgressFlags flags = new ProgressFlags(new ScoreLoader(jdbc), new IdentificationSettings(jdbc), jdbc, clock);
    List<Long> schools = accounts.schoolIds();

    for (long school : schools) {
      statements.set(0);
      long started = System.nanoTime();
      List<ProgressFlags.Flag> list = flags.flags(school, schools, null, id -> true);
      long micros = (System.nanoTime() - started) / 1_000;

      assertThat(list).isNotEmpty();
      // settings, scores (and the trust's scores when a year group is small), names and context of the flagged
      assertThat(statements.get()).as("school %d", school).isBetween(3, 4);
      System.out.printf("progress flags for school %d: %d flagged, %d statements, %d us%n",
          school, list.size(), statements.get(), micros);
    }
  }
}
