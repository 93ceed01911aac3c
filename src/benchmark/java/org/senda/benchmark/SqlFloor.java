package org.senda.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The floor of a page: the SQL behind it run directly over JDBC on the same database with the same parameters,
 * each statement prepared once (as the application's pool does), every row and column read. Each execution runs in
 * a transaction of its own: a statement that {@linkplain Page.Floor#commits commits} is timed with its commit (the
 * session's save, which writes back the values it has); any other is rolled back afterwards, outside the timing, so
 * a write such as the audit entry is timed as it runs in the page without changing the data or the audit chain
 * (its commit is not part of the floor).
 */
final class SqlFloor {

  /** The summed median and 95th percentile of the page's statements, in milliseconds. */
  record Timing(double p50, double p95, int statements) {}

  private SqlFloor() {}

  static Timing time(Connection connection, List<Page.Floor> floor, Fixture fixture, int warmUp, int runs)
      throws SQLException {
    List<PreparedStatement> statements = new ArrayList<>();
    try {
      for (Page.Floor query : floor) {
        List<Object> parameters = query.parameters().apply(fixture);
        PreparedStatement statement = connection.prepareStatement(query.sql().apply(fixture));
        statements.add(statement);
        for (int i = 0; i < parameters.size(); i++) {
          statement.setObject(i + 1, parameters.get(i));
        }
      }
      connection.setAutoCommit(false);
      for (int i = 0; i < warmUp; i++) {
        for (int q = 0; q < statements.size(); q++) {
          execute(statements.get(q));
          end(connection, floor.get(q));
        }
      }
      double p50 = 0;
      double p95 = 0;
      for (int q = 0; q < statements.size(); q++) {
        PreparedStatement statement = statements.get(q);
        Page.Floor query = floor.get(q);
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
          long started = System.nanoTime();
          execute(statement);
          if (query.commits()) {
            connection.commit();
            nanos[i] = System.nanoTime() - started;
          } else {
            nanos[i] = System.nanoTime() - started;
            connection.rollback();
          }
        }
        Arrays.sort(nanos);
        p50 += percentile(nanos, 50) / 1e6;
        p95 += percentile(nanos, 95) / 1e6;
      }
      return new Timing(p50, p95, statements.size());
    } finally {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
      for (PreparedStatement statement : statements) {
        statement.close();
      }
    }
  }

  private static void end(Connection connection, Page.Floor query) throws SQLException {
    if (query.commits()) {
      connection.commit();
    } else {
      connection.rollback();
    }
  }

  private static void execute(PreparedStatement statement) throws SQLException {
    if (statement.execute()) {
      try (ResultSet rows = statement.getResultSet()) {
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
          for (int c = 1; c <= columns; c++) {
            rows.getObject(c);
          }
        }
      }
    }
  }

  static double percentile(long[] sorted, double percentile) {
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }
}
