package org.senda.demo.internal;

import tools.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.senda.demo.DemoContributor;
import org.senda.demo.DemoSize;
import org.senda.demo.DemoTrust;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * With {@code --demo}: seeds the demo trust (or, with {@code senda.demo.schools}/{@code pupils}/{@code seed}, a
 * generated trust of that size) on an empty database and writes {@code demo-accounts.json} to the data directory.
 */
@Component
@ConditionalOnProperty(name = "senda.demo.enabled", havingValue = "true")
@Order(0)
class DemoSeeder implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

  private final List<DemoContributor> contributors;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Path dataDir;
  private final DemoSize size;
  private final DataSource dataSource;

  DemoSeeder(
      List<DemoContributor> contributors,
      TransactionTemplate transactions,
      DataSource dataSource,
      Clock clock,
      @Value("${senda.data-dir}") Path dataDir,
      @Value("${senda.demo.schools:0}") int schools,
      @Value("${senda.demo.pupils:0}") int pupils,
      @Value("${senda.demo.seed:0}") long seed) {
    this.contributors = contributors.stream().sorted(Comparator.comparingInt(DemoContributor::order)).toList();
    this.transactions = transactions;
    this.dataSource = dataSource;
    this.clock = clock;
    this.dataDir = dataDir;
    this.size = schools == 0
        ? DemoSize.DEMO
        : new DemoSize(schools, pupils, seed == 0 ? DemoSize.DEMO.seed() : seed);
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    if (contributors.stream().anyMatch(DemoContributor::hasData)) {
      log.info("The database already holds data: no demo data added; demo-accounts.json left as it was");
      return;
    }
    long started = System.nanoTime();
    DemoTrust trust = seed(size, LocalDate.now(clock));
    gatherStatistics();
    writeAccounts(trust);
    log.info("Demo trust seeded ({} schools, {} pupils) in {} ms; accounts in {}", size.schools(), size.pupils(),
        (System.nanoTime() - started) / 1_000_000, dataDir.resolve("demo-accounts.json").toAbsolutePath());
  }

  DemoTrust seed(DemoSize size, LocalDate today) {
    DemoTrust trust = new DemoTrust(size, today);
    for (DemoContributor contributor : contributors) {
      transactions.executeWithoutResult(status -> contributor.contribute(trust));
    }
    return trust;
  }

  /**
   * Gives PostgreSQL's planner statistics of the tables just filled, as its manual advises after a bulk load.
   * Without them it plans the first queries for the empty tables it last saw (a sequential scan of every provision
   * session for one pupil's history, say) until autovacuum comes round, and never where autovacuum is switched off.
   */
  private void gatherStatistics() {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
        long started = System.nanoTime();
        statement.execute("analyze");
        log.info("Statistics gathered for the query planner in {} ms", (System.nanoTime() - started) / 1_000_000);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not gather statistics after seeding the demo trust", e);
    }
  }

  private void writeAccounts(DemoTrust trust) throws IOException {
    Files.createDirectories(dataDir);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("accounts", trust.accounts());
    Path target = dataDir.resolve("demo-accounts.json");
    Path temporary = dataDir.resolve("demo-accounts.json.tmp");
    JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), document);
    Files.move(temporary, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
