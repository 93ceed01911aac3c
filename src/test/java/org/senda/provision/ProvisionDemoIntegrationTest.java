package org.senda.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class ProvisionDemoIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theDemoTrustHasThreeYearsOfProvisionWhoseEffectivenessTellsAStory() {
    long school = accounts.schoolIds().getFirst();
    int years = jdbc.sql("""
            select count(distinct extract(year from start_date)) from provision_group
             where school_id = ? and extract(month from start_date) >= 9""")
        .param(school).query(Integer.class).single();
    assertThat(years).isEqualTo(3);
    System.out.println("Demo provision: " + jdbc.sql("select count(*) from provision_group").query(Long.class)
        .single() + " groups, " + jdbc.sql("select count(*) from provision_session").query(Long.class).single()
        + " sessions, " + jdbc.sql("select count(*) from provision_attendance").query(Long.class).single()
        + " attendance marks");

    Api.Response report = new Api(port, accounts.get("SENCO", school).apiToken())
        .get("/api/v1/schools/" + school + "/intervention-effectiveness");
    assertThat(report.status()).isEqualTo(200);
    Map<String, BigDecimal> gains = new HashMap<>();
    for (JsonNode row : report.json()) {
      if (row.hasNonNull("averageGain")) {
        gains.put(row.get("intervention").asString(), row.get("averageGain").decimalValue());
      }
    }
    assertThat(gains).containsKeys("Toe by Toe", "Fine motor skills group");
    assertThat(gains.get("Toe by Toe")).isGreaterThan(gains.get("Fine motor skills group"));
  }

  @Test
  void everyDemoSchoolHasInClassSupportWithItsLessonsAndSessions() {
    for (long school : accounts.schoolIds()) {
      int delivered = jdbc.sql("""
              select count(*) from provision_session s join provision_group g on g.id = s.group_id
              join intervention i on i.id = g.intervention_id
              where g.school_id = ? and g.kind = 'IN_CLASS' and g.lessons is not null and g.room is null
                and i.name = 'In-class TA support' and s.delivered""")
          .param(school).query(Integer.class).single();
      assertThat(delivered).as("school " + school).isPositive();
    }
    int oneToOneWithMore = jdbc.sql("""
            select count(*) from provision_group g where g.kind = 'ONE_TO_ONE'
              and (select count(*) from provision_group_pupil gp where gp.group_id = g.id) <> 1""")
        .query(Integer.class).single();
    assertThat(oneToOneWithMore).isZero();
  }
}
