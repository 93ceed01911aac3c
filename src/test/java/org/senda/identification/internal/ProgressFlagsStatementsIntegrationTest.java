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
 * The flags of a school come from a fixed number of SQL statements, however many pupils and scores it has, and
 * from one statement while none of their inputs has changed: the service is built over a counting proxy of the
 * application's data source.
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
    ProgressInputs inputs = new ProgressInputs(jdbc);
    ProgressFlags flags = new ProgressFlags(
        new ScoreLoader(jdbc), new IdentificationSettings(jdbc, inputs), inputs, jdbc, clock);
    List<Long> schools = accounts.schoolIds();

    for (long school : schools) {
      statements.set(0);
      long started = System.nanoTime();
      List<ProgressFlags.Flag> list = flags.flags(school, schools, null, id -> true);
      long micros = (System.nanoTime() - started) / 1_000;

      assertThat(list).isNotEmpty();
      // the input counters, settings, scores (and the trust's scores when a year group is small), names and
      // context of the flagged
      assertThat(statements.get()).as("school %d", school).isBetween(4, 5);
      System.out.printf("progress flags for school %d: %d flagged, %d statements, %d us%n",
          school, list.size(), statements.get(), micros);

      statements.set(0);
      started = System.nanoTime();
      List<ProgressFlags.Flag> again = flags.flags(school, schools, null, id -> true);
      micros = (System.nanoTime() - started) / 1_000;
      // the input counters of the trust's schools, nothing else
      assertThat(statements.get()).as("school %d, inputs unchanged", school).isEqualTo(1);
      assertThat(again).isEqualTo(list);
      System.out.printf("progress flags for school %d again: %d statements, %d us%n", school, statements.get(),
          micros);
    }
  }

  @Test
  void anExplanationIsTakenFromTheFlagsKeptForItsSubject() {
    AtomicInteger statements = new AtomicInteger();
    DataSource counted = ProxyDataSourceBuilder.create(dataSource)
        .afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
        .build();
    JdbcClient jdbc = JdbcClient.create(counted);
    ProgressInputs inputs = new ProgressInputs(jdbc);
    IdentificationSettings settings = new IdentificationSettings(jdbc, inputs);
    ProgressFlags flags = new ProgressFlags(new ScoreLoader(jdbc), settings, inputs, jdbc, clock);
    List<Long> schools = accounts.schoolIds();
    long school = schools.getFirst();
    String subject = flags.flags(school, schools, null, id -> true).getFirst().subject();
    ProgressFlags.Flag flagged = flags.flags(school, schools, subject, id -> true).getFirst();
    ProgressResult notFlagged = flags.results(school, schools, subject, settings.thresholds(school)).stream()
        .filter(r -> !r.flagged()).findFirst().orElseThrow();

    statements.set(0);
    assertThat(flags.explain(school, schools, subject, flagged.pupilId())).contains(flagged);
    // the input counters, nothing else
    assertThat(statements.get()).isEqualTo(1);

    statements.set(0);
    ProgressFlags.Flag explained = flags.explain(school, schools, subject, notFlagged.pupilId()).orElseThrow();
    // the input counters, and the pupil's name and context
    assertThat(statements.get()).isEqualTo(2);
    assertThat(explained.criteria()).isEmpty();
    assertThat(explained.explanation()).isEqualTo(notFlagged.explanation());

    inputs.changed(school);
    statements.set(0);
    assertThat(flags.explain(school, schools, subject, flagged.pupilId())).contains(flagged);
    assertThat(statements.get()).as("computed again after a change").isGreaterThan(2);
  }

  @Test
  void aChangedInputMeansTheFlagsAreComputedAgain() {
    AtomicInteger statements = new AtomicInteger();
    DataSource counted = ProxyDataSourceBuilder.create(dataSource)
        .afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
        .build();
    JdbcClient jdbc = JdbcClient.create(counted);
    ProgressInputs inputs = new ProgressInputs(jdbc);
    ProgressFlags flags = new ProgressFlags(
        new ScoreLoader(jdbc), new IdentificationSettings(jdbc, inputs), inputs, jdbc, clock);
    List<Long> schools = accounts.schoolIds();
    long school = schools.getFirst();
    List<ProgressFlags.Flag> first = flags.flags(school, schools, null, id -> true);

    inputs.changed(school);
    statements.set(0);
    List<ProgressFlags.Flag> after = flags.flags(school, schools, null, id -> true);

    // the counters (out of date), the counters again, settings, scores, names and context
    assertThat(statements.get()).isBetween(5, 6);
    assertThat(after).isEqualTo(first);
  }

  @Test
  void aChangeInOneSchoolRecomputesTheSchoolsThatTookItsPupilsAsPeersAndNoOthers() {
    AtomicInteger statements = new AtomicInteger();
    DataSource counted = ProxyDataSourceBuilder.create(dataSource)
        .afterQuery((execution, queries) -> statements.addAndGet(queries.size()))
        .build();
    JdbcClient jdbc = JdbcClient.create(counted);
    ProgressInputs inputs = new ProgressInputs(jdbc);
    IdentificationSettings settings = new IdentificationSettings(jdbc, inputs);
    ProgressFlags flags = new ProgressFlags(new ScoreLoader(jdbc), settings, inputs, jdbc, clock);
    List<Long> schools = accounts.schoolIds();
    long acrossTrust = schools.get(0);
    // Every year group of the first school is too small to compare within it: its peers come from the trust.
    ProgressThresholds saved = settings.thresholds(acrossTrust);
    int version = settings.version(acrossTrust);
    ProgressThresholds trustPeers = new ProgressThresholds(saved.windowPoints(), saved.bandWidth(),
        saved.significanceMads(), saved.minimumDifference(), 500, saved.gapPoints(), saved.wideningPoints(),
        saved.rateTolerancePoints(), saved.recentArrivalMonths(), saved.attendanceThreshold());
    settings.save(acrossTrust, trustPeers, version);
    try {
      // Another test may have set thresholds that send a school to the trust for peers: sort them by what they read.
      List<Long> ownPupils = new java.util.ArrayList<>();
      for (long school : schools) {
        statements.set(0);
        flags.flags(school, schools, null, id -> true);
        if (school != acrossTrust && statements.get() == 4) {
          ownPupils.add(school);
        }
      }
      assertThat(ownPupils).as("a demo school comparing within itself").isNotEmpty();
      long unaffected = ownPupils.getFirst();
      long changed = schools.stream().filter(s -> s != acrossTrust && s != unaffected).findFirst().orElseThrow();

      inputs.changed(changed);

      statements.set(0);
      flags.flags(acrossTrust, schools, null, id -> true);
      assertThat(statements.get()).as("school %d takes peers from school %d", acrossTrust, changed)
          .isGreaterThan(1);
      statements.set(0);
      flags.flags(unaffected, schools, null, id -> true);
      assertThat(statements.get()).as("school %d compares within itself", unaffected).isEqualTo(1);
    } finally {
      settings.save(acrossTrust, saved, settings.version(acrossTrust));
    }
  }
}
