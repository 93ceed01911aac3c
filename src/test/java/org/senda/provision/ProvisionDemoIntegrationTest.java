package org.senda.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

  /** Keeps the demo's own groups: those nobody created (a group a person sets up is audited as created). */
  private static final String SEEDED = """

      and not exists (select 1 from audit_entry a where a.record_type = 'provision-group' and a.action = 'CREATE'
                        and a.record_id = cast(g.id as varchar(60)))""";

  @Test
  void theDemosWithdrawalGroupsAndOneToOneSessionsMeetInRoomsAndInClassSupportInLessons() {
    for (long school : accounts.schoolIds()) {
      List<String> rooms = jdbc.sql("""
              select distinct g.room from provision_group g where g.school_id = ? and g.kind <> 'IN_CLASS'
                and g.room is not null""" + SEEDED)
          .param(school).query(String.class).list();
      assertThat(rooms).as("school " + school).contains("Library", "Nurture room", "Room 4",
          "Speech and language room");
      int withoutRoom = jdbc.sql("""
              select count(*) from provision_group g where g.school_id = ? and g.kind <> 'IN_CLASS'
                and g.room is null""" + SEEDED)
          .param(school).query(Integer.class).single();
      assertThat(withoutRoom).as("withdrawal and one-to-one groups without a room, school " + school).isZero();
      int seeded = jdbc.sql("select count(*) from provision_group g where g.school_id = ?" + SEEDED)
          .param(school).query(Integer.class).single();
      assertThat(seeded).isGreaterThan(20);
    }
    assertThat(jdbc.sql("select count(*) from provision_group where kind = 'IN_CLASS' and room is not null")
        .query(Integer.class).single()).as("in-class support names lessons, not a room").isZero();
    assertThat(jdbc.sql("select count(*) from provision_group where kind = 'ONE_TO_ONE' and room is not null")
        .query(Integer.class).single()).as("one-to-one sessions have rooms too").isPositive();
  }

  @Test
  void everyDemoSchoolKeepsOneOrTwoEntriesOfItsOwnBesideTheTrustsCatalogue() {
    List<String> demoOwn = List.of("Sensory circuits", "Zones of Regulation", "Colourful Semantics",
        "Paired reading", "Emotional literacy support (ELSA)");
    Map<Long, List<String>> ownBySchool = new HashMap<>();
    for (long school : accounts.schoolIds()) {
      JsonNode catalogue = new Api(port, accounts.get("SENCO", school).apiToken())
          .get("/api/v1/schools/" + school + "/interventions").json();
      List<String> own = new ArrayList<>();
      catalogue.forEach(i -> {
        if (!i.get("sharedAcrossTrust").asBoolean() && demoOwn.contains(i.get("name").asString())) {
          own.add(i.get("name").asString());
        }
      });
      assertThat(own).as("school " + school).hasSizeBetween(1, 2).doesNotHaveDuplicates();
      ownBySchool.put(school, own);
    }
    assertThat(ownBySchool.get(accounts.schoolIds().get(0))).as("neighbouring schools keep different ones")
        .doesNotContainAnyElementsOf(ownBySchool.get(accounts.schoolIds().get(1)));
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
