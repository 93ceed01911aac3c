package org.senda.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every foundation API endpoint x every role x own school / another school / no token: the refusals as well as
 * the grants. A school someone has no role in is "not found" (404, its existence not revealed); an action their
 * role does not allow in a school they can see is forbidden (403); no token is 401.
 */
@SendaTest
class PermissionMatrixIntegrationTest {

  /** What each role may do with each endpoint in its own school; another school is always 404 (or as noted). */
  private static final Map<Role, Map<String, Integer>> OWN_SCHOOL = Map.of(
      Role.TRUST_SEND_LEAD, expect(200, 200, 200, 200),
      Role.HEADTEACHER, expect(200, 200, 200, 200),
      Role.SENCO, expect(200, 200, 200, 403),
      Role.TEACHER, expect(200, 200, 200, 403),
      Role.TEACHING_ASSISTANT, expect(200, 200, 403, 403),
      Role.DSL, expect(200, 200, 200, 403),
      Role.SCHOOL_ADMIN, expect(200, 200, 200, 403),
      Role.GOVERNOR, expect(200, 200, 403, 403));

  private static Map<String, Integer> expect(int schools, int school, int staff, int auditVerify) {
    return Map.of("/api/v1/schools", schools, "school", school, "staff", staff, "/api/v1/audit/verify",
        auditVerify);
  }

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Test
  void everyRoleGetsExactlyWhatItsRoleAllowsInItsOwnSchoolAndNothingInAnother() {
    List<Long> schools = accounts.schoolIds();
    List<String> mismatches = new ArrayList<>();
    for (Role role : Role.values()) {
      List<DemoAccounts.Account> people = role.trustWide()
          ? List.of(accounts.get(role.name(), null))
          : schools.stream().map(id -> accounts.get(role.name(), id)).toList();
      for (DemoAccounts.Account person : people) {
        long own = person.schoolId() == null ? schools.getFirst() : person.schoolId();
        Api api = new Api(port, person.apiToken());
        Map<String, Integer> expected = OWN_SCHOOL.get(role);
        check(mismatches, person, "GET /api/v1/me", api.get("/api/v1/me").status(), 200);
        check(mismatches, person, "GET /api/v1/schools", api.get("/api/v1/schools").status(),
            expected.get("/api/v1/schools"));
        check(mismatches, person, "GET own school", api.get("/api/v1/schools/" + own).status(),
            expected.get("school"));
        check(mismatches, person, "GET own school's staff", api.get("/api/v1/schools/" + own + "/staff").status(),
            expected.get("staff"));
        check(mismatches, person, "GET /api/v1/audit/verify", api.get("/api/v1/audit/verify").status(),
            expected.get("/api/v1/audit/verify"));
        for (long other : schools) {
          if (other == own) {
            continue;
          }
          // The trust SEND lead works across the trust's schools; everyone else is refused as not found.
          Integer otherSchool = role.trustWide() ? expected.get("school") : Integer.valueOf(404);
          Integer otherStaff = role.trustWide() ? expected.get("staff") : Integer.valueOf(404);
          check(mismatches, person, "GET school " + other, api.get("/api/v1/schools/" + other).status(),
              otherSchool);
          check(mismatches, person, "GET staff of school " + other,
              api.get("/api/v1/schools/" + other + "/staff").status(), otherStaff);
        }
        check(mismatches, person, "GET an unknown school", api.get("/api/v1/schools/999999").status(), 404);
      }
    }
    assertThat(mismatches).as("permission matrix").isEmpty();
  }

  @Test
  void theSchoolsListShowsOnlyTheSchoolsThePersonMaySee() {
    List<Long> schools = accounts.schoolIds();
    for (long school : schools) {
      Api senco = new Api(port, accounts.get("SENCO", school).apiToken());
      assertThat(senco.get("/api/v1/schools").json().valueStream().map(s -> s.get("id").asLong()).toList())
          .containsExactly(school);
    }
    Api lead = new Api(port, accounts.get("TRUST_SEND_LEAD", null).apiToken());
    assertThat(lead.get("/api/v1/schools").json().valueStream().map(s -> s.get("id").asLong()).toList())
        .containsAll(schools);
  }

  @Test
  void withoutAValidTokenEveryEndpointAnswers401AsProblemDetails() {
    long school = accounts.schoolIds().getFirst();
    for (@Nullable String token : new String[] {null, "senda_not-a-token", "not-even-the-prefix"}) {
      Api api = new Api(port, token);
      for (String path : List.of("/api/v1/me", "/api/v1/schools", "/api/v1/schools/" + school,
          "/api/v1/schools/" + school + "/staff", "/api/v1/audit/verify")) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path + " with token " + token).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
      }
    }
  }

  private static void check(List<String> mismatches, DemoAccounts.Account person, String what, int actual,
      int expected) {
    if (actual != expected) {
      mismatches.add(person.role() + " of school " + person.schoolId() + ": " + what + " gave " + actual
          + ", expected " + expected);
    }
  }
}
