package org.senda.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, empty database of its own for a migration test, on H2, or on PostgreSQL in the PostgreSQL pass: migrate
 * it to a version, put in the rows an older Senda would have written, then migrate the rest of the way. Registered
 * on a test class ({@code @RegisterExtension}), it makes a new database before each test and drops it after.
 */
public final class MigrationDatabase implements BeforeEachCallback, AfterEachCallback {

  private final String server = System.getProperty("senda.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
  private String name;
  private String url;
  private String user;

  @Override
  public void beforeEach(ExtensionContext context) throws SQLException {
    name = "senda_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    if (TestDatabase.postgresql()) {
      try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "")) {
        c.createStatement().execute("create database " + name);
      }
      url = server + name;
      user = "postgres";
    } else {
      url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
      user = "sa";
    }
  }

  /** Senda's migrations up to and including {@code target} (a version such as "9.2"), as the application runs them. */
  public Flyway flyway(String target) {
    return Flyway.configure().dataSource(url, user, "")
        .locations("classpath:db/migration/common",
            "classpath:db/migration/" + (TestDatabase.postgresql() ? "postgresql" : "h2"))
        .outOfOrder(true).target(target).load();
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, "");
  }

  /** Inserts a row and answers the highest id of its table (the row's, as the test is alone in the database). */
  /** A trust and its one school, as a migration test's data starts. */
  public record School(long trust, long id) {}

  /** Inserts a trust and a primary school in it, named after the test; number makes the school's URN unique. */
  public static School school(Statement s, String name, int number) throws SQLException {
    long trust = insert(s, "insert into trust (name) values ('" + name + " Trust')", "trust");
    long school = insert(s, "insert into school (trust_id, name, urn, dfe_number, phase, local_authority) values ("
        + trust + ", '" + name + " School', '99000" + number + "', '9990000" + number + "', 'PRIMARY', 'Testshire')",
        "school");
    return new School(trust, school);
  }

  public static long insert(Statement s, String sql, String table) throws SQLException {
    s.executeUpdate(sql);
    ResultSet max = s.executeQuery("select max(id) from " + table);
    max.next();
    return max.getLong(1);
  }

  @Override
  public void afterEach(ExtensionContext context) throws SQLException {
    if (TestDatabase.postgresql()) {
      try (Connection c = DriverManager.getConnection(server + "postgres", "postgres", "")) {
        c.createStatement().execute("drop database if exists " + name + " with (force)");
      }
    } else {
      try (Connection c = connect()) {
        c.createStatement().execute("shutdown");
      }
    }
  }
}
