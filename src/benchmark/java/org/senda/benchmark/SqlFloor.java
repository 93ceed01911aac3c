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
 * each statement prepared once (as the application's pool does), every row and column read.
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
        PreparedStatement statement = connection.prepareStatement(query.sql().apply(fixture));
        List<Object> parameters = query.parameters().apply(fixture);
        for (int i = 0; i < parameters.size(); i++) {
          statement.setObject(i + 1, parameters.get(i));
        }
        statements.add(statement);
      }
      for (int i = 0; i < warmUp; i++) {
        for (PreparedStatement statement : statements) {
          execute(statement);
        }
      }
      double p50 = 0;
      double p95 = 0;
      for (PreparedStatement statement : statements) {
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
          long started = System.nanoTime();
          execute(statement);
          nanos[i] = System.nanoTime() - started;
        }
        Arrays.sort(nanos);
        p50 += percentile(nanos, 50) / 1e6;
        p95 += percentile(nanos, 95) / 1e6;
      }
      return new Timing(p50, p95, statements.size());
    } finally {
      for (PreparedStatement statement : statements) {
        statement.close();
      }
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
