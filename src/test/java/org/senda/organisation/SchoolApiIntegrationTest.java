package org.senda.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.senda.access.Role;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class SchoolApiIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts demo;

  @Autowired
  JdbcClient jdbc;

  private Api as(String role, Long schoolId) {
    return new Api(port, demo.get(role, schoolId).apiToken());
  }

  private long school(int index) {
    return demo.schoolIds().get(index);
  }

  @Test
  void aSchoolRoleSeesOnlyItsOwnSchool() {
    Api.Response response = as("SENCO", school(0)).get("/api/v1/schools");
    assertThat(response.status()).isEqualTo(200);
    JsonNode schools = response.json();
    assertThat(schools.size()).isEqualTo(1);
    JsonNode oakfield = schools.get(0);
    assertThat(oakfield.get("id").asLong()).isEqualTo(school(0));
    assertThat(oakfield.get("name").asString()).isEqualTo("Oakfield Primary School");
    assertThat(oakfield.get("urn").asString()).matches("\\d{6}");
    assertThat(oakfield.get("dfeNumber").asString()).matches("\\d{3}/\\d{4}");
    assertThat(oakfield.get("phase").asString()).isEqualTo("PRIMARY");
    assertThat(oakfield.get("localAuthority").asString()).isNotBlank();
    assertThat(oakfield.get("trustId").asLong()).isPositive();
  }

  @Test
  void ownSchoolIsFoundAndAnotherSchoolIsNotFound() {
    Api senco = as("SENCO", school(0));
    Api.Response own = senco.get("/api/v1/schools/" + school(0));
    assertThat(own.status()).isEqualTo(200);
    assertThat(own.json().get("name").asString()).isEqualTo("Oakfield Primary School");

    for (String path : List.of("/api/v1/schools/" + school(1), "/api/v1/schools/" + school(1) + "/staff",
        "/api/v1/schools/999999", "/api/v1/schools/999999/staff")) {
      Api.Response other = senco.get(path);
      assertThat(other.status()).as(path).isEqualTo(404);
      assertThat(other.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void withoutATokenEverySchoolsEndpointIsRefused() {
    Api anonymous = new Api(port, null);
    for (String path : List.of("/api/v1/schools", "/api/v1/schools/" + school(0),
        "/api/v1/schools/" + school(0) + "/staff")) {
      Api.Response response = anonymous.get(path);
      assertThat(response.status()).as(path).isEqualTo(401);
      assertThat(response.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void teachingAssistantsAndGovernorsMayNotListStaff() {
    for (String role : List.of("TEACHING_ASSISTANT", "GOVERNOR")) {
      Api.Response response = as(role, school(1)).get("/api/v1/schools/" + school(1) + "/staff");
      assertThat(response.status()).as(role).isEqualTo(403);
      assertThat(response.contentType()).startsWith("application/problem+json");
      // They may still see the school itself.
      assertThat(as(role, school(1)).get("/api/v1/schools/" + school(1)).status()).isEqualTo(200);
    }
  }

  @Test
  void staffListGivesRolesAndIsAudited() {
    long before = auditedStaffReads(school(0));
    Api.Response response = as("HEADTEACHER", school(0)).get("/api/v1/schools/" + school(0) + "/staff");
    assertThat(response.status()).isEqualTo(200);
    List<String> roles = new ArrayList<>();
    List<String> emails = new ArrayList<>();
    for (JsonNode person : response.json()) {
      assertThat(person.get("id").asLong()).isPositive();
      assertThat(person.get("name").asString()).contains(" ");
      emails.add(person.get("email").asString());
      person.get("roles").forEach(r -> roles.add(r.asString()));
    }
    assertThat(roles).contains("HEADTEACHER", "SENCO", "TEACHER", "TEACHING_ASSISTANT", "DSL", "SCHOOL_ADMIN",
        "GOVERNOR").doesNotContain("TRUST_SEND_LEAD");
    assertThat(emails).contains(demo.get("SENCO", school(0)).email())
        .doesNotContain(demo.get("SENCO", school(1)).email());
    assertThat(auditedStaffReads(school(0))).isEqualTo(before + 1);
  }

  @Test
  void trustLeadSeesEverySchoolOfTheTrust() {
    Api lead = as("TRUST_SEND_LEAD", null);
    Api.Response response = lead.get("/api/v1/schools");
    assertThat(response.status()).isEqualTo(200);
    List<Long> ids = new ArrayList<>();
    response.json().forEach(s -> ids.add(s.get("id").asLong()));
    long trustId = response.json().get(0).get("trustId").asLong();
    // Every school of the trust: the demo's and any another test has added since.
    assertThat(ids).containsAll(demo.schoolIds()).containsExactlyInAnyOrderElementsOf(
        jdbc.sql("select id from school where trust_id = ?").param(trustId).query(Long.class).list());
    for (long schoolId : demo.schoolIds()) {
      assertThat(lead.get("/api/v1/schools/" + schoolId + "/staff").status()).isEqualTo(200);
    }
  }

  @Test
  void demoAccountsHaveOneEntryPerRolePerSchoolAndTheTrustLeadAndEachTokenWorks() {
    List<DemoAccounts.Account> accounts = demo.all();
    assertThat(demo.schoolIds()).hasSize(3);
    for (long schoolId : demo.schoolIds()) {
      List<String> roles = accounts.stream().filter(a -> Long.valueOf(schoolId).equals(a.schoolId()))
          .map(DemoAccounts.Account::role).toList();
      assertThat(roles).containsExactlyInAnyOrder("HEADTEACHER", "SENCO", "TEACHER", "TEACHING_ASSISTANT", "DSL",
          "SCHOOL_ADMIN", "GOVERNOR");
    }
    List<DemoAccounts.Account> trustWide = accounts.stream().filter(a -> a.schoolId() == null).toList();
    assertThat(trustWide).extracting(DemoAccounts.Account::role).containsExactly(Role.TRUST_SEND_LEAD.name());
    assertThat(trustWide.getFirst().school()).isNull();
    assertThat(accounts).hasSize(3 * 7 + 1);
    for (DemoAccounts.Account account : accounts) {
      assertThat(account.totpSecret()).matches("[A-Z2-7]{32}");
      assertThat(account.password()).matches("[a-z]+-[a-z]+-[a-z]+-\\d{2}");
      Api.Response response = new Api(port, account.apiToken()).get("/api/v1/schools");
      assertThat(response.status()).as(account.email()).isEqualTo(200);
      assertThat(response.json().size()).as(account.email()).isGreaterThanOrEqualTo(1);
    }
  }

  private long auditedStaffReads(long schoolId) {
    return jdbc.sql("select count(*) from audit_entry where record_type = 'staff' and action = 'VIEW' and school_id = ?")
        .param(schoolId).query(Long.class).single();
  }
}
