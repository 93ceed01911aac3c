package org.senda.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a test context at a fresh database: in-memory H2 by default; with {@code -Dsenda.test.database=postgresql}
 * a new database on the machine's PostgreSQL (127.0.0.1:5432, user postgres), dropped when the tests end.
 * Also gives the context its own data directory.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static boolean postgresql() {
    return "postgresql".equals(System.getProperty("senda.test.database"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String name = "senda_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("senda-test-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String url;
    String user;
    if (postgresql()) {
      String server = System.getProperty("senda.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
      execute(server + "postgres", "create database " + name);
      // Dropped once the context has closed (its connection pool first): registered before every other bean, so
      // destroyed after all of them. A JVM shutdown hook would race Spring's own and stall the test JVM's exit.
      if (context.getBeanFactory() instanceof org.springframework.beans.factory.support.DefaultListableBeanFactory beans) {
        beans.registerDisposableBean("sendaTestDatabaseDrop", () -> drop(server, name));
      } else {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name)));
      }
      url = server + name;
      user = "postgres";
    } else {
      url = "jdbc:h2:mem:" + name + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1";
      user = "sa";
    }
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("senda-test-database", Map.of(
        "spring.datasource.url", url,
        "spring.datasource.username", user,
        "spring.datasource.password", "",
        "senda.data-dir", dataDir.toString())));
  }

  private static void drop(String server, String name) {
    try {
      execute(server + "postgres", "drop database if exists " + name + " with (force)");
    } catch (RuntimeException ignored) {
      // The server may already be gone when the JVM exits; a leftover test database is harmless.
    }
  }

  static void execute(String url, String sql) {
    try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
      connection.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
    }
  }
}
