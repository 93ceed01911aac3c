package org.senda.diagnostics.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SqlStatementCounterTest {

  private DataSource dataSource;

  @BeforeEach
  void countingDataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:counter" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    dataSource = (DataSource) new CountingDataSourcePostProcessor(new SqlStatementCounter())
        .postProcessAfterInitialization(h2, "dataSource");
  }

  @Test
  void countsEachStatementRunWhileATallyIsOpen() throws SQLException {
    try (SqlStatementCounter.Tally tally = SqlStatementCounter.open();
        Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table pupil (id int primary key, name varchar(20))");
      try (PreparedStatement insert = connection.prepareStatement("insert into pupil values (?, ?)")) {
        insert.setInt(1, 1);
        insert.setString(2, "Ada");
        insert.executeUpdate();
        for (int id = 2; id <= 4; id++) {
          insert.setInt(1, id);
          insert.setString(2, "Pupil " + id);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      statement.executeQuery("select count(*) from pupil").close();

      assertThat(tally.statements()).as("create, insert, one batch of three, select").isEqualTo(4);
    }
  }

  @Test
  void countsNothingOutsideATallyAndNestedTalliesCountInBoth() throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("select 1");
      try (SqlStatementCounter.Tally outer = SqlStatementCounter.open()) {
        statement.execute("select 1");
        try (SqlStatementCounter.Tally inner = SqlStatementCounter.open()) {
          statement.execute("select 2");
          statement.execute("select 3");
          assertThat(inner.statements()).isEqualTo(2);
        }
        statement.execute("select 4");
        assertThat(outer.statements()).isEqualTo(4);
      }
      try (SqlStatementCounter.Tally later = SqlStatementCounter.open()) {
        assertThat(later.statements()).as("a closed tally leaves nothing behind").isZero();
      }
    }
  }

  @Test
  void leavesAnAlreadyCountingDataSourceAsItIs() {
    CountingDataSourcePostProcessor processor = new CountingDataSourcePostProcessor(new SqlStatementCounter());
    assertThat(processor.postProcessAfterInitialization(dataSource, "dataSource")).isSameAs(dataSource);
    Object other = new Object();
    assertThat(processor.postProcessAfterInitialization(other, "other")).isSameAs(other);
  }
}
