package org.senda.audit.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.senda.audit.AuditAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many entries a second the log takes when every append locks the chain head, with one writer and with eight,
 * on an H2 file database and on PostgreSQL; and how fast the chain verifies. Prints figures; asserts nothing.
 *
 * <pre>
 * ./mvnw -B -o -q test-compile exec:java -Dexec.mainClass=org.senda.audit.internal.AuditThroughput \
 *     -Dexec.classpathScope=test [-Daudit.bench.postgres=jdbc:postgresql://127.0.0.1:5432/]
 * </pre>
 */
public final class AuditThroughput {

  private static final int SINGLE = 3000;
  private static final int THREADS = 8;
  private static final int EACH = 400;
  private static final int BULK = 500_000;

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("senda-audit-bench-");
    run("H2 (file)", "jdbc:h2:file:" + dir.resolve("bench") + ";MODE=PostgreSQL", "sa", "h2");
    String server = System.getProperty("audit.bench.postgres", "jdbc:postgresql://127.0.0.1:5432/");
    String name = "senda_audit_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    execute(server + "postgres", "create database " + name);
    try {
      run("PostgreSQL", server + name, "postgres", "postgresql");
    } finally {
      execute(server + "postgres", "drop database if exists " + name + " with (force)");
    }
  }

  private static void run(String label, String url, String user, String vendor) throws Exception {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(user);
    config.setPassword("");
    config.setMaximumPoolSize(THREADS + 2);
    try (HikariDataSource dataSource = new HikariDataSource(config)) {
      Flyway.configure().dataSource(dataSource)
          .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor).load().migrate();
      JdbcClient jdbc = JdbcClient.create(dataSource);
      var transactions = new DataSourceTransactionManager(dataSource);
      AuditLog log = new AuditLog(jdbc, Clock.systemUTC(), transactions);
      TransactionTemplate tx = new TransactionTemplate(transactions);
      Runnable append = () -> tx.executeWithoutResult(
          s -> log.append(AuditAction.VIEW, "pupil", "12345", 1L, "opened the pupil's support plan"));

      for (int i = 0; i < 500; i++) {
        append.run();
      }
      long start = System.nanoTime();
      for (int i = 0; i < SINGLE; i++) {
        append.run();
      }
      double single = SINGLE / seconds(start);

      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(pool.submit(() -> {
          for (int i = 0; i < EACH; i++) {
            append.run();
          }
        }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double concurrent = THREADS * EACH / seconds(start);
      pool.shutdown();

      AuditChain chain = new AuditChain(jdbc);
      if (!chain.verify().intact()) {
        throw new IllegalStateException("chain broken after the appends");
      }
      bulk(dataSource, chain.head());
      System.gc();
      long heapBefore = usedHeap();
      start = System.nanoTime();
      ChainVerification result = chain.verify();
      double verifySeconds = seconds(start);
      System.out.printf("%s: appends/s single writer %.0f, %d writers %.0f; verified %,d entries in %.1f s "
              + "(%.0f entries/s, intact=%s, heap before %d MB)%n",
          label, single, THREADS, concurrent, result.entries(), verifySeconds, result.entries() / verifySeconds,
          result.intact(), heapBefore / 1_000_000);
    }
  }

  /** Adds many valid entries at once with batched inserts, so verification can be timed on a long chain. */
  private static void bulk(javax.sql.DataSource dataSource, ChainHead head) throws Exception {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      String previous = head.lastHash();
      long seq = head.lastSeq();
      Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
      try (PreparedStatement insert = c.prepareStatement("""
          insert into audit_entry (seq, occurred_at, actor_account_id, actor_email, actor_role, school_id, action,
            record_type, record_id, detail, ip_address, prev_hash, hash)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
        for (int i = 0; i < BULK; i++) {
          seq++;
          AuditLog.Entry e = new AuditLog.Entry(seq, at, 7L, "senco@example.org", "SENCO", 1L, "VIEW", "pupil",
              String.valueOf(i % 2000), null, "10.0.0.1", previous, "");
          String hash = AuditLog.hash(e);
          insert.setLong(1, seq);
          insert.setObject(2, at.atOffset(ZoneOffset.UTC));
          insert.setLong(3, 7L);
          insert.setString(4, e.actorEmail());
          insert.setString(5, e.actorRole());
          insert.setLong(6, 1L);
          insert.setString(7, e.action());
          insert.setString(8, e.recordType());
          insert.setString(9, e.recordId());
          insert.setString(10, null);
          insert.setString(11, e.ipAddress());
          insert.setString(12, previous);
          insert.setString(13, hash);
          insert.addBatch();
          previous = hash;
          if (i % 5000 == 4999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      try (PreparedStatement update = c.prepareStatement(
          "update audit_chain_head set last_seq = ?, last_hash = ? where id = 1")) {
        update.setLong(1, seq);
        update.setString(2, previous);
        update.executeUpdate();
      }
      c.commit();
      // What autovacuum does after a large insert; without statistics the planner scans the table for every page.
      c.setAutoCommit(true);
      c.createStatement().execute(c.getMetaData().getDatabaseProductName().equals("H2") ? "analyze table audit_entry" : "analyze audit_entry");
    }
  }

  private static long usedHeap() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      connection.createStatement().execute(sql);
    }
  }
}
