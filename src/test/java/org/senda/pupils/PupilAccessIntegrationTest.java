package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Need to know, in the API and in pages: who may see which pupil, and who is refused as "not found". */
@SendaTest
class PupilAccessIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  org.senda.pupils.Pupils pupils;

  long school() {
    return accounts.schoolIds().getFirst();
  }

  long otherSchool() {
    return accounts.schoolIds().get(1);
  }

  long staffId(DemoAccounts.Account account) {
    return jdbc.sql("select id from staff where lower(email) = ?").param(account.email()).query(Long.class).single();
  }

  long anyPupil(long schoolId) {
    return jdbc.sql("select min(id) from pupil where school_id = ?").param(schoolId).query(Long.class).single();
  }

  Api api(String role, Long schoolId) {
    return new Api(port, accounts.get(role, schoolId).apiToken());
  }

  @Test
  void demoTrustHasPupilsInEverySchoolWithValidUpnsAndDatesOfBirthMatchingTheirYear() {
    // The demo seeds 600 pupils; other test classes sharing this context may add a few to the demo schools.
    int total = 0;
    for (long schoolId : accounts.schoolIds()) {
      int inSchool = jdbc.sql("select count(*) from pupil where school_id = ?").param(schoolId).query(Integer.class)
          .single();
      assertThat(inSchool).isPositive();
      assertThat(pupils.inSchool(schoolId)).isNotEmpty().hasSizeLessThanOrEqualTo(inSchool)
          .allMatch(p -> p.schoolId() == schoolId);
      total += inSchool;
    }
    assertThat(total).isBetween(600, 650);
    List<String> upns = jdbc.sql("select upn from pupil where school_id in (:ids)")
        .param("ids", accounts.schoolIds()).query(String.class).list();
    assertThat(upns).allMatch(UpnCheck::isValid);
    LocalDate today = LocalDate.now(java.time.Clock.systemDefaultZone());
    jdbc.sql("select p.date_of_birth, y.code from pupil p join year_group y on y.id = p.year_group_id"
            + " where p.school_id in (:ids)")
        .param("ids", accounts.schoolIds())
        .query((rs, n) -> Map.entry(rs.getObject(1, LocalDate.class), rs.getString(2)))
        .list()
        .forEach(e -> {
          int offset = org.senda.pupils.internal.YearGroupAges.offset(e.getValue()).orElseThrow();
          // demo data is built for the clock's today; allow the academic year either side of a 1 September boundary
          assertThat(e.getKey()).isBetween(
              org.senda.pupils.internal.YearGroupAges.bornFrom(offset + 1, today),
              org.senda.pupils.internal.YearGroupAges.bornTo(offset - 1, today));
        });
    long eal = jdbc.sql("select count(*) from pupil where eal and school_id in (:ids)")
        .param("ids", accounts.schoolIds()).query(Long.class).single();
    assertThat(eal).isBetween(80L, 180L);
  }

  @Test
  void sencoSeesAnyPupilOfTheirSchoolAndTheViewIsAudited() {
    long pupilId = anyPupil(school());
    long before = audits(pupilId);
    Api.Response response = api("SENCO", school()).get("/api/v1/pupils/" + pupilId);
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("id").asLong()).isEqualTo(pupilId);
    assertThat(UpnCheck.isValid(response.json().get("upn").asString())).isTrue();
    assertThat(response.json().get("yearGroup").asString()).isNotBlank();
    assertThat(response.json().get("contacts").isArray()).isTrue();
    assertThat(response.json().get("flags").isArray()).isTrue();
    assertThat(audits(pupilId)).isEqualTo(before + 1);
  }

  @Test
  void sencoIsRefusedAPupilOfAnotherSchoolAsNotFound() {
    Api.Response response = api("SENCO", school()).get("/api/v1/pupils/" + anyPupil(otherSchool()));
    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).startsWith("application/problem+json");
  }

  @Test
  void teacherSeesPupilsInTheirClassesAndIsRefusedOthers() {
    DemoAccounts.Account teacher = accounts.get("TEACHER", school());
    long staffId = staffId(teacher);
    Long mine = jdbc.sql("""
            select min(p.id) from pupil p join class_staff cs on cs.class_id = p.class_id where cs.staff_id = ?""")
        .param(staffId).query(Long.class).single();
    Long notMine = jdbc.sql("""
            select min(p.id) from pupil p where p.school_id = ? and p.class_id not in
              (select class_id from class_staff where staff_id = ?)
            and p.id not in (select pupil_id from pupil_support_staff where staff_id = ?)""")
        .params(school(), staffId, staffId).query(Long.class).single();
    assertThat(mine).isNotNull();
    assertThat(notMine).isNotNull();
    Api api = new Api(port, teacher.apiToken());
    assertThat(api.get("/api/v1/pupils/" + mine).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/pupils/" + notMine).status()).isEqualTo(404);

    PageSession pages = SESSIONS.of(port, teacher);
    assertThat(pages.get("/schools/" + school() + "/pupils/" + mine).status()).isEqualTo(200);
    assertThat(pages.get("/schools/" + school() + "/pupils/" + notMine).status()).isEqualTo(404);
    // the search lists only their pupils
    String results = pages.get("/schools/" + school() + "/pupils").body();
    assertThat(results).contains("/pupils/" + mine + "\"").doesNotContain("/pupils/" + notMine + "\"");
  }

  @Test
  void teachingAssistantSeesAssignedPupilsAndIsRefusedOthers() {
    DemoAccounts.Account assistant = accounts.get("TEACHING_ASSISTANT", school());
    long staffId = staffId(assistant);
    Long assigned = jdbc.sql("select min(pupil_id) from pupil_support_staff where staff_id = ?")
        .param(staffId).query(Long.class).single();
    Long other = jdbc.sql("""
            select min(p.id) from pupil p where p.school_id = ? and p.class_id not in
              (select class_id from class_staff where staff_id = ?)
            and p.id not in (select pupil_id from pupil_support_staff where staff_id = ?)""")
        .params(school(), staffId, staffId).query(Long.class).single();
    assertThat(assigned).isNotNull();
    Api api = new Api(port, assistant.apiToken());
    assertThat(api.get("/api/v1/pupils/" + assigned).status()).isEqualTo(200);
    assertThat(api.get("/api/v1/pupils/" + other).status()).isEqualTo(404);
  }

  @Test
  void governorIsRefusedPupilsInTheApiAndPagesButSeesTheSchool() {
    DemoAccounts.Account governor = accounts.get("GOVERNOR", school());
    long pupilId = anyPupil(school());
    assertThat(new Api(port, governor.apiToken()).get("/api/v1/pupils/" + pupilId).status()).isEqualTo(404);
    PageSession pages = SESSIONS.of(port, governor);
    assertThat(pages.get("/schools/" + school() + "/pupils/" + pupilId).status()).isEqualTo(404);
    assertThat(pages.get("/schools/" + school() + "/pupils").status()).isEqualTo(403);
  }

  @Test
  void theHeaderSearchIsShownOnlyToPeopleWhoSeePupils() {
    String imports = "/schools/" + school() + "/pupil-imports";
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school()));
    assertThat(senco.get(imports).body()).contains("id=\"header-search\"");
    // the school administrator imports pupils but does not see them
    PageSession admin = SESSIONS.of(port, accounts.get("SCHOOL_ADMIN", school()));
    PageSession.Page page = admin.get(imports);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("header-search");
  }

  @Test
  void withoutATokenTheApiAnswers401() {
    assertThat(new Api(port, null).get("/api/v1/pupils/" + anyPupil(school())).status()).isEqualTo(401);
  }

  @Test
  void trustLeadIsRefusedUntilTheHeadteacherGrantsAccessAndAgainAfterItIsRevoked() {
    DemoAccounts.Account lead = accounts.get("TRUST_SEND_LEAD", null);
    long pupilId = anyPupil(school());
    Api api = new Api(port, lead.apiToken());
    assertThat(api.get("/api/v1/pupils/" + pupilId).status()).isEqualTo(404);

    PageSession head = SESSIONS.of(port, accounts.get("HEADTEACHER", school()));
    String grants = "/schools/" + school() + "/pupil-access";
    assertThat(head.get(grants).status()).isEqualTo(200);
    // a reason is required: nothing is granted without one
    PageSession.Page refused = head.post(grants, Map.of("staffId", String.valueOf(staffId(lead)), "reason", "",
        "expiresOn.day", "1", "expiresOn.month", "1", "expiresOn.year", String.valueOf(LocalDate.now().getYear() + 1)));
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("Enter the reason for giving access");
    assertThat(api.get("/api/v1/pupils/" + pupilId).status()).isEqualTo(404);

    LocalDate ends = LocalDate.now().plusMonths(1);
    PageSession.Page granted = head.post(grants, Map.of("staffId", String.valueOf(staffId(lead)),
        "reason", "Complaint review", "expiresOn.day", String.valueOf(ends.getDayOfMonth()),
        "expiresOn.month", String.valueOf(ends.getMonthValue()), "expiresOn.year", String.valueOf(ends.getYear())));
    assertThat(granted.status()).isEqualTo(302);
    long grantId = jdbc.sql("select max(id) from pupil_access_grant where school_id = ?").param(school())
        .query(Long.class).single();
    try {
      PageSession.Page listed = head.get(grants);
      String leadName = jdbc.sql("select given_name || ' ' || family_name from staff where id = ?")
          .param(staffId(lead)).query(String.class).single();
      assertThat(listed.body()).contains(leadName).contains("Complaint review");
      assertThat(api.get("/api/v1/pupils/" + pupilId).status()).isEqualTo(200);
      // only in the school that granted it
      assertThat(api.get("/api/v1/pupils/" + anyPupil(otherSchool())).status()).isEqualTo(404);
    } finally {
      head.get(grants);
      assertThat(head.post(grants + "/" + grantId + "/revoke", Map.of()).status()).isEqualTo(302);
    }
    assertThat(api.get("/api/v1/pupils/" + pupilId).status()).isEqualTo(404);
  }

  @Test
  void onlyTheHeadteacherManagesTrustAccess() {
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school()));
    assertThat(senco.get("/schools/" + school() + "/pupil-access").status()).isEqualTo(403);
    PageSession otherHead = SESSIONS.of(port, accounts.get("HEADTEACHER", otherSchool()));
    assertThat(otherHead.get("/schools/" + school() + "/pupil-access").status()).isEqualTo(404);
  }

  @Test
  void pupilPageShowsSummaryFlagsBesideSenAndContactsAndIsAudited() {
    long pupilId = jdbc.sql("""
            select min(p.id) from pupil p where p.school_id = ? and p.eal
            and exists (select 1 from pupil_contact c where c.pupil_id = p.id)""")
        .param(school()).query(Long.class).single();
    String upn = jdbc.sql("select upn from pupil where id = ?").param(pupilId).query(String.class).single();
    long before = audits(pupilId);
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school()));
    PageSession.Page page = senco.get("/schools/" + school() + "/pupils/" + pupilId);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(upn, "English as an additional language", "Parents and carers", "Timeline",
        "Admitted to the school", "header-search");
    assertThat(audits(pupilId)).isEqualTo(before + 1);
    // the pupil page of another school's address is refused even for a pupil the SENCO may see
    assertThat(senco.get("/schools/" + otherSchool() + "/pupils/" + pupilId).status()).isEqualTo(404);
  }

  @Test
  void searchFindsPupilsByNameAndByUpnWithinTheSchool() {
    Map<String, Object> pupil = jdbc.sql("select id, upn, legal_surname from pupil where school_id = ? order by id")
        .param(school()).query().listOfRows().getFirst();
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school()));
    String byUpn = senco.get("/schools/" + school() + "/pupils?q=" + pupil.get("UPN")).body();
    assertThat(byUpn).contains("/pupils/" + pupil.get("ID") + "\"");
    String byName = senco.get("/schools/" + school() + "/pupils?q="
        + java.net.URLEncoder.encode(String.valueOf(pupil.get("LEGAL_SURNAME")), java.nio.charset.StandardCharsets.UTF_8))
        .body();
    assertThat(byName).contains("/pupils/" + pupil.get("ID") + "\"");
    String otherUpn = jdbc.sql("select upn from pupil where school_id = ? order by id").param(otherSchool())
        .query(String.class).list().getFirst();
    assertThat(senco.get("/schools/" + school() + "/pupils?q=" + otherUpn).body()).contains("No pupils match");
  }

  long audits(long pupilId) {
    return jdbc.sql("select count(*) from audit_entry where record_type = 'pupil' and record_id = ?")
        .param(String.valueOf(pupilId)).query(Long.class).single();
  }
}
