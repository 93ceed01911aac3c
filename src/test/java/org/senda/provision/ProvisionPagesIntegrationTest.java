package org.senda.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.senda.support.ReviewEvidence;
import org.senda.support.ReviewEvidenceItem;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.test.SqlStatements;
import org.senda.web.ConcurrentEdit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;

@SendaTest
class ProvisionPagesIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  @Autowired
  List<ReviewEvidence> evidence;

  private Api api(DemoAccounts.Account account) {
    return new Api(port, account.apiToken());
  }

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  private PageSession as(String role, long school) {
    return SESSIONS.of(port, accounts.get(role, school));
  }

  private long staffWithRole(long schoolId, String role) {
    return jdbc.sql("select min(staff_id) from staff_role where school_id = ? and role = ?")
        .params(schoolId, role).query(Long.class).single();
  }

  /** A pupil on the SEND register (so the group form offers them) who is in no provision group yet. */
  private long freshRegisterPupil(long school, long not) {
    return jdbc.sql("""
            select min(p.id) from pupil p join register_entry re on re.pupil_id = p.id
            where p.school_id = ? and p.id <> ? and re.status in ('K', 'E') and p.leaving_date is null
              and not exists (select 1 from provision_group_pupil gp where gp.pupil_id = p.id)""")
        .params(school, not).query(Long.class).single();
  }

  private long intervention(long school, String name) {
    for (JsonNode i : api(accounts.get("SENCO", school)).get("/api/v1/schools/" + school + "/interventions")
        .json()) {
      if (i.get("name").asString().equals(name)) {
        return i.get("id").asLong();
      }
    }
    throw new AssertionError(name);
  }

  /** Adds an entry of the school's own to its catalogue: an hour a week by a teaching assistant, with resources. */
  private long ownIntervention(long school, String name, long resourcesPence) {
    Api.Response added = api(accounts.get("SENCO", school)).postJson("/api/v1/schools/" + school
        + "/interventions", """
        {"name":"%s","areaOfNeed":"COGNITION_AND_LEARNING","defaultGroupSize":2,"sessionsPerWeek":1,
         "minutesPerSession":60,"lengthWeeks":6,"resourcesCostPence":%d,"deliveredByRole":"TEACHING_ASSISTANT"}"""
        .formatted(name, resourcesPence));
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    return added.json().get("id").asLong();
  }

  private long group(long school, long intervention, long staff, List<Long> pupils, LocalDate start, LocalDate end,
      String extra) {
    Api.Response created = api(accounts.get("SENCO", school)).postJson("/api/v1/schools/" + school
        + "/provision-groups", """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":%s,"sessionsPerWeek":2,"minutesPerSession":30,
         "startDate":"%s","endDate":"%s"%s}""".formatted(intervention, staff, pupils, start, end, extra));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private static Map<String, String> date(String field, LocalDate date) {
    return Map.of(field + ".day", String.valueOf(date.getDayOfMonth()), field + ".month",
        String.valueOf(date.getMonthValue()), field + ".year", String.valueOf(date.getYear()));
  }

  @Test
  void pagesAreGrantedByRoleAndRefusedToOthers() {
    long school = accounts.schoolIds().get(2);
    String base = "/schools/" + school + "/provision";
    PageSession senco = as("SENCO", school);
    for (String page : List.of("", "/interventions", "/groups", "/map", "/reviews", "/deployment", "/budget",
        "/settings", "/effectiveness", "/interventions/new", "/groups/new")) {
      PageSession.Page p = senco.get(base + page);
      assertThat(p.status()).as(page).isEqualTo(200);
    }
    assertThat(senco.get(base + "/budget").body()).contains("id=\"budget-table\"");

    PageSession governor = as("GOVERNOR", school);
    assertThat(governor.get(base + "/budget").status()).isEqualTo(200);
    assertThat(governor.get(base + "/budget").body()).as("aggregates only").doesNotContain("budget-table");
    assertThat(governor.get(base + "/effectiveness").status()).isEqualTo(200);
    assertThat(governor.get(base + "/map").status()).isEqualTo(403);
    assertThat(governor.get(base + "/groups/new").status()).isEqualTo(403);
    assertThat(governor.get(base + "/settings").status()).isEqualTo(403);

    PageSession teacher = as("TEACHER", school);
    assertThat(teacher.get(base + "/groups").status()).as("their own groups").isEqualTo(200);
    assertThat(teacher.get(base + "/map").status()).isEqualTo(403);
    assertThat(teacher.get(base + "/budget").status()).isEqualTo(403);
    assertThat(teacher.get(base + "/deployment").status()).isEqualTo(403);
    assertThat(teacher.post(base + "/interventions", Map.of("name", "x")).status()).isEqualTo(403);
    long demoGroup = jdbc.sql("select min(id) from provision_group where school_id = ?").param(school)
        .query(Long.class).single();
    assertThat(teacher.get(base + "/groups/" + demoGroup).status()).as("not theirs").isEqualTo(404);
    assertThat(senco.get(base + "/groups/" + demoGroup).status()).isEqualTo(200);
    long otherSchool = accounts.schoolIds().get(0);
    assertThat(senco.get("/schools/" + otherSchool + "/provision/map").status()).isEqualTo(404);
    assertThat(senco.get("/schools/" + otherSchool + "/provision/groups/" + demoGroup).status()).isEqualTo(404);

    // A teacher sees the provision map of a class they teach, not of another class.
    String teacherEmail = accounts.get("TEACHER", school).email();
    long taught = jdbc.sql("""
            select min(cs.class_id) from class_staff cs join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?)""").param(teacherEmail).query(Long.class).single();
    long notTaught = jdbc.sql("""
            select min(c.id) from school_class c where c.school_id = ? and not exists (
              select 1 from class_staff cs join account a on a.staff_id = cs.staff_id
              where cs.class_id = c.id and lower(a.email) = lower(?))""")
        .params(school, teacherEmail).query(Long.class).single();
    assertThat(teacher.get(base + "/map/classes/" + taught).status()).isEqualTo(200);
    assertThat(teacher.get(base + "/map/classes/" + notTaught).status()).isEqualTo(403);
    assertThat(senco.get(base + "/map/classes/" + notTaught).status()).isEqualTo(200);

    PageSession lead = SESSIONS.of(port, accounts.get("TRUST_SEND_LEAD", null));
    PageSession.Page trust = lead.get("/trust/provision/effectiveness");
    assertThat(trust.status()).isEqualTo(200);
    assertThat(trust.body()).contains("id=\"trust-table\"", "aria-hidden=\"true\"", "Toe by Toe");
    assertThat(lead.get(base + "/map").status()).isEqualTo(403);
    assertThat(senco.get("/trust/provision/effectiveness").status()).isEqualTo(403);
  }

  @Test
  void theTrustLeadKeepsTheSharedCatalogueAndSchoolsCopyItToMakeAVariant() {
    long school = accounts.schoolIds().get(2);
    PageSession lead = SESSIONS.of(port, accounts.get("TRUST_SEND_LEAD", null));
    String base = "/trust/provision/interventions";
    lead.get(base);
    PageSession.Page before = lead.get(base);
    assertThat(before.status()).isEqualTo(200);
    assertThat(lead.get("/trust/provision/effectiveness").body()).contains("id=\"trust-catalogue-link\"");
    assertThat(lead.get(base + "/new").status()).isEqualTo(200);
    Map<String, String> form = new HashMap<>(Map.ofEntries(Map.entry("name", "Lego therapy typed"),
        Map.entry("areaOfNeed", "COMMUNICATION_AND_INTERACTION"), Map.entry("description", "Building in threes"),
        Map.entry("evidenceLink", "not a link"), Map.entry("defaultGroupSize", "3"),
        Map.entry("sessionsPerWeek", "one"), Map.entry("minutesPerSession", "40"), Map.entry("lengthWeeks", "12"),
        Map.entry("resourcesCost", "120.00"), Map.entry("entryExitMeasure", "Turn-taking checklist"),
        Map.entry("deliveredByRole", "TEACHING_ASSISTANT"), Map.entry("version", "0")));
    PageSession.Page invalid = lead.post(base, form);
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(HtmlUtils.htmlUnescape(invalid.body())).contains("govuk-error-summary",
        "Enter the evidence link as a web address", "value=\"Lego therapy typed\"", "value=\"one\"");
    form.put("evidenceLink", "https://example.org/lego");
    form.put("sessionsPerWeek", "1");
    PageSession.Page added = lead.post(base, form);
    assertThat(added.status()).as(added.body()).isEqualTo(302);
    long id = jdbc.sql("select id from intervention where name = 'Lego therapy typed' and school_id is null")
        .query(Long.class).single();
    lead.get(base); // shows and clears the "added" message, which the session stores
    PageSession.Page after = lead.get(base);
    assertThat(after.body()).contains("Lego therapy typed");
    SqlStatements.assertBounded(10, SqlStatements.of(before), SqlStatements.of(after));

    String schoolCatalogue = "/schools/" + school + "/provision/interventions";
    PageSession senco = as("SENCO", school);
    String catalogue = HtmlUtils.htmlUnescape(senco.get(schoolCatalogue).body());
    assertThat(catalogue).as("every school sees the shared entry, marked as the trust's, with a copy to edit")
        .contains("Lego therapy typed", "id=\"shared-explained\"", "copyOf=" + id);
    assertThat(senco.get(schoolCatalogue + "/" + id + "/edit").status()).isEqualTo(403);
    assertThat(senco.get(base).status()).as("a SENCO cannot keep the trust's catalogue").isEqualTo(403);
    assertThat(senco.get(base + "/" + id + "/edit").status()).isEqualTo(403);
    assertThat(senco.post(base + "/" + id, form).status()).isEqualTo(403);
    assertThat(senco.post(base, form).status()).isEqualTo(403);
    PageSession.Page copy = senco.get(schoolCatalogue + "/new?copyOf=" + id);
    assertThat(HtmlUtils.htmlUnescape(copy.body())).contains("id=\"copied-from\"",
        "value=\"Lego therapy typed (our version)\"", "value=\"Turn-taking checklist\"");

    form.put("lengthWeeks", "10");
    PageSession.Page saved = lead.post(base + "/" + id, form);
    assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    assertThat(jdbc.sql("select length_weeks from intervention where id = ?").param(id).query(Integer.class)
        .single()).isEqualTo(10);
    PageSession.Page stale = lead.post(base + "/" + id, form);
    assertThat(HtmlUtils.htmlUnescape(stale.body())).as("saved from a page read before the last save")
        .contains(ConcurrentEdit.MESSAGE);

    jdbc.sql("insert into trust (name) values ('Another Trust')").update();
    long otherTrust = jdbc.sql("select max(id) from trust where name = 'Another Trust'").query(Long.class).single();
    jdbc.sql("""
        insert into intervention (trust_id, school_id, name, area_of_need, default_group_size, sessions_per_week,
          minutes_per_session, length_weeks, resources_cost_pence, delivered_by_role)
        values (?, null, 'Another trust''s entry', 'COGNITION_AND_LEARNING', 4, 2, 30, 10, 0, 'TEACHING_ASSISTANT')""")
        .param(otherTrust).update();
    long foreign = jdbc.sql("select max(id) from intervention where trust_id = ?").param(otherTrust)
        .query(Long.class).single();
    assertThat(lead.get(base + "/" + foreign + "/edit").status()).as("another trust's entry").isEqualTo(404);
    assertThat(lead.post(base + "/" + foreign, form).status()).isEqualTo(404);
    String entry = """
        {"name":"%s","areaOfNeed":"COGNITION_AND_LEARNING","defaultGroupSize":4,"sessionsPerWeek":2,
         "minutesPerSession":30,"lengthWeeks":10,"resourcesCostPence":0,"deliveredByRole":"TEACHING_ASSISTANT",
         "sharedAcrossTrust":%s}""";
    Api schoolApi = api(accounts.get("SENCO", school));
    Api.Response own = schoolApi.postJson("/api/v1/schools/" + school + "/interventions",
        entry.formatted("The school's own entry", false));
    assertThat(own.status()).as(own.body()).isEqualTo(201);
    long schoolsOwn = own.json().get("id").asLong();
    assertThat(lead.get(base + "/" + schoolsOwn + "/edit").status()).as("a school's own entry").isEqualTo(404);

    Api.Response sharedByASchool = schoolApi.postJson("/api/v1/schools/" + school + "/interventions",
        entry.formatted("Shared by a school", true));
    assertThat(sharedByASchool.status()).isEqualTo(422);
    assertThat(sharedByASchool.body()).contains("sharedAcrossTrust");
  }

  @Test
  void aGroupFormWithErrorsKeepsWhatWasTypedAndAStaleEditIsRefused() {
    long school = accounts.schoolIds().get(2);
    String base = "/schools/" + school + "/provision";
    PageSession senco = as("SENCO", school);
    long pupil = freshRegisterPupil(school, 0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    long toeByToe = intervention(school, "Toe by Toe");
    LocalDate today = LocalDate.now(clock);

    // In-class support follows the pupil's lessons, so it has no fixed weekly time: saved, its hours still counted.
    // The same pupil is then put in a withdrawal group, as a pupil with in-class support may be.
    String blank = HtmlUtils.htmlUnescape(senco.get(base + "/groups/new").body());
    assertThat(blank).contains("Leave every row blank if the group has no fixed weekly time");
    Map<String, String> inClass = new HashMap<>(Map.of("interventionId",
        String.valueOf(intervention(school, "In-class TA support")), "staffIds", String.valueOf(ta),
        "pupilIds", String.valueOf(pupil), "kind", "IN_CLASS", "lessons", "Maths in 5C",
        "sessionsPerWeek", "4", "minutesPerSession", "60", "version", "0"));
    inClass.putAll(date("startDate", today));
    inClass.putAll(date("endDate", today.plusWeeks(8)));
    int slotsBeforeInClass = slotsBefore();
    PageSession.Page unscheduled = senco.follow(senco.post(base + "/groups", inClass));
    assertThat(HtmlUtils.htmlUnescape(unscheduled.body())).contains("Provision group created", "Maths in 5C",
        "4 sessions a week of 60 minutes", "No fixed weekly time");
    assertThat(slotsBefore()).as("no weekly time stored").isEqualTo(slotsBeforeInClass);

    // A weekly time half filled in is still refused, naming the field and keeping what was typed.
    senco.get(base + "/groups/new");
    Map<String, String> form = new HashMap<>(Map.of("interventionId", String.valueOf(toeByToe),
        "staffIds", String.valueOf(ta), "pupilIds", String.valueOf(pupil), "room", "Library corner typed",
        "reviewAfterWeeks", "6", "version", "0", "slots[0].dayOfWeek", "TUESDAY"));
    form.putAll(date("startDate", today));
    form.putAll(date("endDate", today.minusDays(1)));
    PageSession.Page halfFilled = senco.post(base + "/groups", form);
    assertThat(halfFilled.status()).isEqualTo(200);
    assertThat(halfFilled.body()).contains("Enter the start time of weekly time 1", "href=\"#slots[0]-startTime\"",
        "value=\"Library corner typed\"").containsPattern("value=\"TUESDAY\"[^>]*selected");
    // Toe by Toe daily, with a longer Friday session; the first row typed badly, a row left blank, a duplicate.
    form.putAll(Map.of("slots[0].dayOfWeek", "TUESDAY", "slots[0].startTime", "9.30",
        "slots[2].dayOfWeek", "FRIDAY", "slots[2].startTime", "16:45", "slots[2].minutes", "30",
        "slots[3].dayOfWeek", "MONDAY", "slots[3].startTime", "09:30",
        "slots[4].dayOfWeek", "MONDAY", "slots[4].startTime", "09:30"));
    int slots = slotsBefore();
    PageSession.Page invalid = senco.post(base + "/groups", form);
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(HtmlUtils.htmlUnescape(invalid.body())).contains("govuk-error-summary",
        "End date must be the same as or after the start date", "as hours and minutes on the 24-hour clock",
        "outside the school day", "Monday at 09:30 is given twice", "value=\"Library corner typed\"",
        "value=\"9.30\"", "value=\"16:45\"", "href=\"#slots[4]-startTime\"");
    int groups = jdbc.sql("select count(*) from provision_group where school_id = ?").param(school)
        .query(Integer.class).single();
    assertThat(jdbc.sql("select count(*) from provision_group_slot").query(Integer.class).single())
        .as("nothing half-written").isEqualTo(slots);

    form.put("slots[0].startTime", "09:30");
    form.put("slots[2].startTime", "14:00");
    form.put("slots[2].minutes", "45");
    form.put("slots[4].dayOfWeek", "WEDNESDAY");
    form.putAll(date("endDate", today.plusWeeks(8)));
    PageSession.Page created = senco.post(base + "/groups", form);
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from provision_group where school_id = ?").param(school)
        .query(Integer.class).single()).isEqualTo(groups + 1);
    String groupPath = created.location().replaceFirst("^https?://[^/]+", "");
    long groupId = Long.parseLong(groupPath.substring(groupPath.lastIndexOf('/') + 1));
    PageSession.Page page = senco.get(groupPath);
    assertThat(page.body()).contains("Toe by Toe", "Library corner typed")
        .containsSubsequence("Monday 09:30, ", "Tuesday 09:30, ", "Wednesday 09:30, ", "Friday 14:00, 45 minutes");
    assertThat(jdbc.sql("select sessions_per_week from provision_group where id = ?").param(groupId)
        .query(Integer.class).single()).as("sessions per week left blank: one for each weekly time").isEqualTo(4);
    assertThat(senco.get(groupPath + "/edit").body()).as("the edit page shows the weekly times")
        .contains("value=\"14:00\"", "value=\"45\"");

    // Two people open the edit page; the first saves, the second is told and loses nothing typed.
    PageSession other = as("HEADTEACHER", school);
    other.get(groupPath + "/edit");
    senco.get(groupPath + "/edit");
    form.put("room", "Room 4");
    assertThat(senco.post(groupPath, form).status()).isEqualTo(302);
    form.put("room", "Room 9 stale");
    PageSession.Page stale = other.post(groupPath, form);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(HtmlUtils.htmlUnescape(stale.body())).contains(ConcurrentEdit.MESSAGE);
    assertThat(stale.body()).contains("value=\"Room 9 stale\"");
    assertThat(jdbc.sql("select room from provision_group where id = ?").param(groupId).query(String.class)
        .single()).isEqualTo("Room 4");

    // A session with attendance, then a cancelled one without a reason.
    senco.get(groupPath + "/sessions/new");
    Map<String, String> session = new HashMap<>(date("date", today));
    session.putAll(Map.of("outcome", "delivered", "minutes", "30", "attended", String.valueOf(pupil)));
    assertThat(senco.post(groupPath + "/sessions", session).status()).isEqualTo(302);
    session.put("outcome", "cancelled");
    session.remove("attended");
    PageSession.Page noReason = senco.post(groupPath + "/sessions", session);
    assertThat(noReason.body()).contains("Enter why the session was cancelled");
    assertThat(senco.get(groupPath).body()).contains("1 of 1");

    senco.get(groupPath + "/pupils/" + pupil + "/measures");
    PageSession.Page badMeasure = senco.post(groupPath + "/pupils/" + pupil + "/measures",
        Map.of("entry", "eighty", "exit", "", "exitTarget", "90"));
    assertThat(badMeasure.body()).contains("Entry measure must be a number", "value=\"eighty\"");
    assertThat(senco.post(groupPath + "/pupils/" + pupil + "/measures",
        Map.of("entry", "80", "exit", "92", "exitTarget", "90")).status()).isEqualTo(302);
  }

  @Test
  void aStaleCatalogueEditIsRefusedAndSharedEntriesAreReadOnly() {
    long school = accounts.schoolIds().get(2);
    String base = "/schools/" + school + "/provision/interventions";
    PageSession senco = as("SENCO", school);
    senco.get(base + "/new");
    Map<String, String> form = new HashMap<>(Map.of("name", "Lego therapy", "areaOfNeed",
        "COMMUNICATION_AND_INTERACTION", "defaultGroupSize", "3", "sessionsPerWeek", "1", "minutesPerSession",
        "forty", "lengthWeeks", "10", "resourcesCost", "120.50", "deliveredByRole", "TEACHING_ASSISTANT",
        "version", "0"));
    PageSession.Page invalid = senco.post(base, form);
    assertThat(invalid.body()).contains("Minutes per session must be a whole number", "value=\"forty\"",
        "value=\"Lego therapy\"");
    form.put("minutesPerSession", "40");
    assertThat(senco.post(base, form).status()).isEqualTo(302);
    long id = jdbc.sql("select max(id) from intervention where school_id = ? and name = 'Lego therapy'")
        .param(school).query(Long.class).single();
    assertThat(jdbc.sql("select resources_cost_pence from intervention where id = ?").param(id).query(Long.class)
        .single()).isEqualTo(12050L);

    PageSession head = as("HEADTEACHER", school);
    head.get(base + "/" + id + "/edit");
    senco.get(base + "/" + id + "/edit");
    form.put("name", "Lego therapy (KS1)");
    assertThat(senco.post(base + "/" + id, form).status()).isEqualTo(302);
    form.put("name", "Lego therapy stale");
    PageSession.Page stale = head.post(base + "/" + id, form);
    assertThat(HtmlUtils.htmlUnescape(stale.body())).contains(ConcurrentEdit.MESSAGE);
    assertThat(stale.body()).contains("value=\"Lego therapy stale\"");

    long shared = intervention(school, "Nurture group");
    assertThat(senco.get(base + "/" + shared + "/edit").status()).isEqualTo(403);
    assertThat(senco.post(base + "/" + shared, form).status()).isEqualTo(403);
  }

  @Test
  void theSchoolMapAndAPupilsHistoryRunAFixedNumberOfStatementsAndExportToXlsx() throws Exception {
    long school = accounts.schoolIds().get(4 % accounts.schoolIds().size());
    PageSession senco = as("SENCO", school);
    LocalDate today = LocalDate.now(clock);
    long pupil = freshRegisterPupil(school, 0);
    long classmate = freshRegisterPupil(school, pupil);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    String map = "/schools/" + school + "/provision/map";
    String history = "/schools/" + school + "/pupils/" + pupil + "/provision";

    senco.get(map);
    PageSession.Page before = senco.get(map);
    assertThat(before.status()).isEqualTo(200);
    PageSession.Page emptyHistory = senco.get(history);
    assertThat(emptyHistory.body()).contains("No provision recorded");

    long g1 = group(school, intervention(school, "Precision teaching"), ta, List.of(pupil, classmate),
        today.minusWeeks(3), today.plusWeeks(3), "");
    long g2 = group(school, intervention(school, "Talk Boost"), ta, List.of(pupil), today.minusYears(1),
        today.minusYears(1).plusWeeks(10), "");
    api(accounts.get("SENCO", school)).postJson("/api/v1/provision-groups/" + g1 + "/sessions",
        "{\"date\":\"" + today.minusDays(1) + "\",\"delivered\":true,\"attendance\":[{\"pupilId\":" + pupil
            + ",\"attended\":true},{\"pupilId\":" + classmate + ",\"attended\":false}]}");
    PageSession.Page after = senco.get(map);
    assertThat(after.body()).contains("Precision teaching");
    SqlStatements.assertBounded(25, SqlStatements.of(before), SqlStatements.of(after));

    PageSession.Page fullHistory = senco.get(history);
    assertThat(fullHistory.body()).contains("Precision teaching", "Talk Boost");
    SqlStatements.assertBounded(20, SqlStatements.of(emptyHistory), SqlStatements.of(fullHistory));

    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(senco.getBytes(map + ".xlsx")))) {
      Sheet sheet = book.getSheetAt(0);
      int groupsInMap = jdbc.sql("""
              select count(*) from provision_group g join term t on t.school_id = g.school_id
              where g.school_id = ? and t.starts_on <= ? and t.ends_on >= ?
                and g.start_date <= t.ends_on and g.end_date >= t.starts_on""")
          .params(school, today, today).query(Integer.class).single();
      assertThat(sheet.getLastRowNum()).as("a header and a row per group").isEqualTo(groupsInMap);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Intervention");
    }
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(senco.getBytes(history + ".xlsx")))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Precision teaching");
      assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Talk Boost");
    }
    assertThat(as("GOVERNOR", school).get(history).status()).isEqualTo(404);
    assertThat(as("GOVERNOR", school).get(map + ".xlsx").status()).isEqualTo(403);
    assertThat(g2).isPositive();
  }

  /** The text of the element with this id, tags dropped and spaces collapsed. */
  private static String textOf(String html, String id) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("id=\"" + id + "\"[^>]*>([\\s\\S]*?)</(span|strong)>").matcher(html);
    assertThat(m.find()).as("an element with id " + id).isTrue();
    return plain(m.group(1));
  }

  private static String plain(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " ")).replaceAll("\\s+", " ").strip();
  }

  private static java.math.BigDecimal pounds(String text) {
    return new java.math.BigDecimal(text.replace("£", "").replace(",", ""));
  }

  /** The budget table's row for a pupil, as its text: "Ada Lovelace , Year 4 EHC plan 2 £6,020.67 £20.67". */
  private static String budgetRow(String html, long school, long pupil) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"/schools/" + school + "/pupils/" + pupil
        + "/provision\"[\\s\\S]*?</tr>").matcher(html);
    assertThat(m.find()).as("a budget row for pupil " + pupil).isTrue();
    return plain("<" + m.group());
  }

  /** A pupil of the school with this SEND status in no group that runs in the given dates. */
  private long pupilWithoutProvision(long school, String status, LocalDate from, LocalDate to, long... not) {
    return jdbc.sql("""
            select min(p.id) from pupil p join register_entry re on re.pupil_id = p.id
            where p.school_id = :school and re.status = :status and p.leaving_date is null
              and p.id not in (:not)
              and not exists (select 1 from provision_group_pupil gp join provision_group g on g.id = gp.group_id
                              where gp.pupil_id = p.id and g.start_date <= :to and g.end_date >= :from)""")
        .param("school", school).param("status", status).param("from", from).param("to", to)
        .param("not", java.util.stream.LongStream.concat(java.util.stream.LongStream.of(-1),
            java.util.Arrays.stream(not)).boxed().toList()).query(Long.class).single();
  }

  @Test
  void theNotionalBudgetCostsEachPupilsProvisionAndWhatAnEhcPlanNeedsAboveTheDefaultSixThousandPounds() {
    long school = accounts.schoolIds().getFirst();
    assertThat(jdbc.sql("select count(*) from provision_settings where school_id = ?").param(school)
        .query(Integer.class).single()).as("the school has not set its own threshold").isZero();
    assertThat(jdbc.sql("""
            select count(*) from provision_staff_rate where school_id = ? and role = 'TEACHING_ASSISTANT'""")
        .param(school).query(Integer.class).single()).as("a teaching assistant costs the default £15.50").isZero();
    LocalDate today = LocalDate.now(clock);
    // The academic year today falls in (or, in the summer holiday, the one just ended), and a day in it.
    record Year(String label, LocalDate startsOn, LocalDate endsOn) {}
    Year year = jdbc.sql("""
            select y.label, min(t.starts_on), max(t.ends_on)
              from academic_year y join term t on t.academic_year_id = y.id
             where y.school_id = ? group by y.id, y.label having min(t.starts_on) <= ?
             order by min(t.starts_on) desc""")
        .params(school, today).query((rs, n) -> new Year(rs.getString(1), rs.getObject(2, LocalDate.class),
            rs.getObject(3, LocalDate.class))).list().getFirst();
    LocalDate day = today.isAfter(year.endsOn()) ? year.endsOn() : today;
    long ehc = pupilWithoutProvision(school, "E", year.startsOn(), year.endsOn());
    long otherEhc = pupilWithoutProvision(school, "E", year.startsOn(), year.endsOn(), ehc);
    long senSupport = pupilWithoutProvision(school, "K", year.startsOn(), year.endsOn());
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");

    PageSession senco = as("SENCO", school);
    String path = "/schools/" + school + "/provision/budget?year=" + year.label();
    String before = senco.get(path).body();
    assertThat(textOf(before, "threshold")).as("the usual figure until the school sets its own")
        .isEqualTo("£6,000.00");

    Api api = api(accounts.get("SENCO", school));
    long therapy = ownIntervention(school, "Augmentative communication device and training", 599_000);
    long social = ownIntervention(school, "Budget test social skills group", 3_000);
    String groupBody = """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":%s,"sessionsPerWeek":1,"minutesPerSession":60,
         "startDate":"%s","endDate":"%s"}""";
    long oneToOne = api.postJson("/api/v1/schools/" + school + "/provision-groups", groupBody.formatted(therapy, ta,
        List.of(ehc), day, day.plusWeeks(6))).json().get("id").asLong();
    long group = api.postJson("/api/v1/schools/" + school + "/provision-groups", groupBody.formatted(social, ta,
        List.of(ehc, otherEhc, senSupport), day, day.plusWeeks(6))).json().get("id").asLong();
    String delivered = "{\"date\":\"" + day + "\",\"delivered\":true,\"attendance\":[%s]}";
    assertThat(api.postJson("/api/v1/provision-groups/" + oneToOne + "/sessions", delivered.formatted(
        "{\"pupilId\":" + ehc + ",\"attended\":true}")).status()).isEqualTo(201);
    assertThat(api.postJson("/api/v1/provision-groups/" + group + "/sessions", delivered.formatted(
        "{\"pupilId\":" + ehc + ",\"attended\":true},{\"pupilId\":" + otherEhc + ",\"attended\":true},"
            + "{\"pupilId\":" + senSupport + ",\"attended\":false}")).status()).isEqualTo(201);
    assertThat(api.postJson("/api/v1/provision-groups/" + group + "/sessions", "{\"date\":\"" + day
        + "\",\"delivered\":false,\"cancelledReason\":\"Staff absence\"}").status()).isEqualTo(201);

    String after = senco.get(path).body();
    // One to one: 60 minutes at £15.50 + £5,990.00 resources = £6,005.50, all the pupil's.
    // The group: 60 minutes at £15.50 + £30.00 resources = £45.50 (the cancelled session costs nothing), a third
    // each = £15.17. The first pupil: £6,005.50 + £15.17 = £6,020.67, £20.67 above the £6,000 threshold.
    assertThat(budgetRow(after, school, ehc)).endsWith(" EHC plan 2 £6,020.67 £20.67");
    assertThat(budgetRow(after, school, otherEhc)).as("an EHC plan within the threshold")
        .endsWith(" EHC plan 1 £15.17 £0.00");
    assertThat(budgetRow(after, school, senSupport)).as("the threshold is for EHC plans only")
        .endsWith(" SEN support 1 £15.17 -");
    assertThat(pounds(textOf(after, "budget-total")).subtract(pounds(textOf(before, "budget-total"))))
        .as("the school's total grows by both groups' cost").isEqualByComparingTo("6051.00");
    assertThat(Integer.parseInt(textOf(after, "budget-pupils")) - Integer.parseInt(textOf(before, "budget-pupils")))
        .isEqualTo(3);
    assertThat(pounds(textOf(after, "ehc-total-above")).subtract(pounds(textOf(before, "ehc-total-above"))))
        .isEqualByComparingTo("20.67");
    String[] aboveBefore = textOf(before, "ehc-above").split(" of ");
    String[] aboveAfter = textOf(after, "ehc-above").split(" of ");
    assertThat(Integer.parseInt(aboveAfter[0]) - Integer.parseInt(aboveBefore[0])).as("EHC pupils above")
        .isEqualTo(1);
    assertThat(Integer.parseInt(aboveAfter[1]) - Integer.parseInt(aboveBefore[1])).as("EHC pupils").isEqualTo(2);
  }

  /** The rows of the first sheet, its header first, each as its cells' text (numbers as plain decimals). */
  private static List<List<String>> rows(byte[] xlsx) throws java.io.IOException {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      Sheet sheet = book.getSheetAt(0);
      org.apache.poi.ss.usermodel.DataFormatter cells = new org.apache.poi.ss.usermodel.DataFormatter();
      List<List<String>> rows = new java.util.ArrayList<>();
      for (int r = 0; r <= sheet.getLastRowNum(); r++) {
        List<String> row = new java.util.ArrayList<>();
        sheet.getRow(r).forEach(c -> row.add(c.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
            ? java.math.BigDecimal.valueOf(c.getNumericCellValue()).stripTrailingZeros().toPlainString()
            : cells.formatCellValue(c)));
        rows.add(row);
      }
      return rows;
    }
  }

  private static List<String> rowOf(List<List<String>> rows, String intervention) {
    return rows.stream().filter(r -> r.getFirst().equals(intervention)).findFirst()
        .orElseThrow(() -> new AssertionError(intervention + " not in " + rows));
  }

  @Test
  void aClasssProvisionMapExportsToXlsxWithTheClasssPupilsOnly() throws Exception {
    long school = accounts.schoolIds().get(1);
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    long taught = jdbc.sql("""
            select min(cs.class_id) from class_staff cs join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?)""").param(teacher.email()).query(Long.class).single();
    long notTaught = jdbc.sql("""
            select min(c.id) from school_class c where c.school_id = ? and not exists (
              select 1 from class_staff cs join account a on a.staff_id = cs.staff_id
              where cs.class_id = c.id and lower(a.email) = lower(?))""")
        .params(school, teacher.email()).query(Long.class).single();
    String pupilOfClass = "select min(id) from pupil where school_id = ? and class_id = ? and leaving_date is null";
    long inClass = jdbc.sql(pupilOfClass).params(school, taught).query(Long.class).single();
    long elsewhere = jdbc.sql(pupilOfClass).params(school, notTaught).query(Long.class).single();
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    LocalDate today = LocalDate.now(clock);
    Api api = api(accounts.get("SENCO", school));
    long handwriting = ownIntervention(school, "Handwriting club (class map)", 1_000);
    long sensory = ownIntervention(school, "Sensory circuits (class map)", 0);
    long mixed = group(school, handwriting, ta, List.of(inClass, elsewhere), today.minusWeeks(1), today.plusWeeks(5),
        ",\"room\":\"Library\",\"slots\":[{\"dayOfWeek\":\"TUESDAY\",\"startTime\":\"09:15\"},"
            + "{\"dayOfWeek\":\"THURSDAY\",\"startTime\":\"09:15\"}]");
    group(school, sensory, ta, List.of(elsewhere), today.minusWeeks(1), today.plusWeeks(5), ",\"room\":\"Hall\"");
    assertThat(api.postJson("/api/v1/provision-groups/" + mixed + "/sessions", "{\"date\":\"" + today
        + "\",\"delivered\":true,\"attendance\":[{\"pupilId\":" + inClass + ",\"attended\":true},"
        + "{\"pupilId\":" + elsewhere + ",\"attended\":true}]}").status()).isEqualTo(201);
    JsonNode cost = api.get("/api/v1/provision-groups/" + mixed + "/cost").json();

    String path = "/schools/" + school + "/provision/map/classes/" + taught + ".xlsx";
    List<List<String>> classMap = rows(as("SENCO", school).getBytes(path));
    List<List<String>> schoolMap = rows(as("SENCO", school).getBytes("/schools/" + school + "/provision/map.xlsx"));
    assertThat(classMap.getFirst()).as("the same columns as the school's map").isEqualTo(schoolMap.getFirst());
    assertThat(classMap.getFirst()).startsWith("Intervention", "Area of need", "Start", "End", "Sessions a week",
        "Minutes a session", "Weekly times", "Room", "Staff", "Pupils", "Pupil names", "Sessions delivered in term",
        "Cost in term (£)", "Cost per pupil (£)", "Kind");

    List<String> row = rowOf(classMap, "Handwriting club (class map)");
    List<String> wholeGroup = rowOf(schoolMap, "Handwriting club (class map)");
    assertThat(wholeGroup.get(9)).isEqualTo("2");
    String[] names = wholeGroup.get(10).split("; ");
    assertThat(names).hasSize(2);
    String className = row.get(10);
    String otherName = names[0].equals(className) ? names[1] : names[0];
    assertThat(names).as("the class's pupil is one of the group's").contains(className);
    assertThat(row.subList(1, 10)).containsExactly("Cognition and learning", today.minusWeeks(1).toString(),
        today.plusWeeks(5).toString(), "2", "30", "Tuesday 09:15 (30 min); Thursday 09:15 (30 min)", "Library",
        jdbc.sql("select given_name || ' ' || family_name from staff where id = ?").param(ta).query(String.class)
            .single(), "1");
    assertThat(row.subList(11, 15)).as("the group's cost in the term, and a place in it at half of that")
        .containsExactly("1", cost.get("actual").decimalValue().stripTrailingZeros().toPlainString(),
            cost.get("perPupilActual").decimalValue().stripTrailingZeros().toPlainString(), "Withdrawal group");
    assertThat(classMap.stream().map(r -> r.get(10)).toList()).as("no pupil of another class is named")
        .noneMatch(n -> n.contains(otherName));
    assertThat(classMap.stream().map(List::getFirst).toList()).doesNotContain("Sensory circuits (class map)");
    int groupsOfClass = jdbc.sql("""
            select count(distinct g.id) from provision_group g
              join provision_group_pupil gp on gp.group_id = g.id join pupil p on p.id = gp.pupil_id
              join term t on t.school_id = g.school_id
            where g.school_id = ? and p.class_id = ? and t.starts_on <= ? and t.ends_on >= ?
              and g.start_date <= t.ends_on and g.end_date >= t.starts_on""")
        .params(school, taught, today, today).query(Integer.class).single();
    assertThat(classMap).as("a header and a row for each group with a pupil of the class").hasSize(groupsOfClass + 1);

    assertThat(rows(as("TEACHER", school).getBytes(path))).as("the class's teacher exports it too")
        .isEqualTo(classMap);
    assertThat(as("TEACHER", school).get("/schools/" + school + "/provision/map/classes/" + notTaught + ".xlsx")
        .status()).as("not a class they teach").isEqualTo(403);
    assertThat(as("GOVERNOR", school).get(path).status()).isEqualTo(403);
    assertThat(as("SENCO", accounts.schoolIds().getFirst()).get(path).status()).isEqualTo(404);
  }

  @Test
  void theTrustsInterventionEffectivenessRunsAFixedNumberOfStatementsHoweverMuchProvisionThereIs() {
    PageSession lead = SESSIONS.of(port, accounts.get("TRUST_SEND_LEAD", null));
    String path = "/trust/provision/effectiveness";
    lead.get(path);
    PageSession.Page before = lead.get(path);
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.body()).doesNotContain("Lexia reading (trust count)");

    // More provision in every school: an intervention of its own, two groups of it with sessions and measures.
    LocalDate today = LocalDate.now(clock);
    for (long school : accounts.schoolIds()) {
      Api api = api(accounts.get("SENCO", school));
      long lexia = ownIntervention(school, "Lexia reading (trust count)", 5_000);
      List<Long> pupils = jdbc.sql("select id from pupil where school_id = ? and leaving_date is null order by id desc")
          .param(school).query(Long.class).list().subList(0, 4);
      long ta = staffWithRole(school, "TEACHING_ASSISTANT");
      for (List<Long> pair : List.of(pupils.subList(0, 2), pupils.subList(2, 4))) {
        long group = group(school, lexia, ta, pair, today.minusWeeks(4), today, "");
        assertThat(api.postJson("/api/v1/provision-groups/" + group + "/sessions", "{\"date\":\""
            + today.minusWeeks(2) + "\",\"delivered\":true,\"attendance\":[{\"pupilId\":" + pair.get(0)
            + ",\"attended\":true},{\"pupilId\":" + pair.get(1) + ",\"attended\":true}]}").status())
            .isEqualTo(201);
        for (long pupil : pair) {
          assertThat(api.put("/api/v1/provision-groups/" + group + "/pupils/" + pupil + "/measures",
              "{\"entry\":80,\"exit\":86,\"exitTarget\":84}").status()).isEqualTo(204);
        }
      }
    }

    PageSession.Page after = lead.get(path);
    assertThat(after.body()).contains("Lexia reading (trust count)");
    PageSession.Page compared = lead.get(path + "?intervention=" + sharedIntervention("Toe by Toe"));
    assertThat(compared.body()).contains("id=\"compare-table\"");
    SqlStatements.assertBounded(15, SqlStatements.of(before), SqlStatements.of(after), SqlStatements.of(compared));
  }

  @Test
  void theTrustLeadComparesOneInterventionSchoolBySchool() {
    PageSession lead = SESSIONS.of(port, accounts.get("TRUST_SEND_LEAD", null));
    String path = "/trust/provision/effectiveness";
    long toeByToe = sharedIntervention("Toe by Toe");
    String page = lead.get(path + "?intervention=" + toeByToe).body();

    // Each school's own table has a Toe by Toe row; the comparison has the same figures under the school's name.
    Map<String, List<String>> expected = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher schoolHeading = java.util.regex.Pattern
        .compile("<h2 class=\"govuk-heading-m\">([^<]+)</h2>\\s*<table class=\"govuk-table\" id=\"(school-\\d+)\"")
        .matcher(page);
    while (schoolHeading.find()) {
      List<String> row = tableRows(page, schoolHeading.group(2)).get("Toe by Toe");
      if (row != null) {
        expected.put(HtmlUtils.htmlUnescape(schoolHeading.group(1)), row);
      }
    }
    assertThat(expected).as("schools that ran Toe by Toe").hasSizeGreaterThan(1);
    assertThat(tableRows(page, "compare-table")).isEqualTo(expected);
    assertThat(page).contains("Toe by Toe in each school", "<option value=\"" + toeByToe + "\" selected=\"selected\"");

    assertThat(lead.get(path + "?intervention=999999").status()).as("not an intervention of the trust").isEqualTo(404);
    assertThat(as("SENCO", accounts.schoolIds().getFirst()).get(path + "?intervention=" + toeByToe).status())
        .isEqualTo(403);
  }

  private long sharedIntervention(String name) {
    return jdbc.sql("select min(id) from intervention where school_id is null and name = ?").param(name)
        .query(Long.class).single();
  }

  /** The rows of a table by the text of their heading cell (tags and small-sample tags left out): their cells. */
  private static Map<String, List<String>> tableRows(String page, String id) {
    int start = page.indexOf("id=\"" + id + "\"");
    assertThat(start).as("table " + id).isPositive();
    String table = page.substring(start, page.indexOf("</table>", start));
    Map<String, List<String>> rows = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher row = java.util.regex.Pattern.compile("(?s)<tr class=\"govuk-table__row\">\\s*<th scope=\"row\""
        + "[^>]*>(.*?)</th>(.*?)</tr>").matcher(table);
    while (row.find()) {
      String heading = text(row.group(1).replaceAll("(?s)<strong.*?</strong>", ""));
      List<String> cells = new java.util.ArrayList<>();
      java.util.regex.Matcher cell = java.util.regex.Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row.group(2));
      while (cell.find()) {
        cells.add(text(cell.group(1)));
      }
      rows.put(heading, cells);
    }
    return rows;
  }

  private static String text(String html) {
    return HtmlUtils.htmlUnescape(html.replaceAll("(?s)<[^>]+>", " ")).replaceAll("\\s+", " ").trim();
  }

  @Test
  void aDueImpactReviewIsPromptedListedAndFeedsThePlanReview() {
    long school = accounts.schoolIds().get(2);
    PageSession senco = as("SENCO", school);
    LocalDate today = LocalDate.now(clock);
    long pupil = freshRegisterPupil(school, 0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    long groupId = group(school, intervention(school, "Numicon intervention"), ta, List.of(pupil),
        today.minusWeeks(3), today.plusWeeks(5), ",\"reviewAfterWeeks\":2");
    String groupPath = "/schools/" + school + "/provision/groups/" + groupId;
    assertThat(senco.get(groupPath).body()).contains("id=\"review-due\"");
    assertThat(senco.get("/schools/" + school + "/provision/reviews").body()).contains(groupPath);

    Map<String, String> impact = new HashMap<>(date("reviewedOn", today.minusDays(7)));
    impact.put("version", String.valueOf(groupVersion(groupId)));
    impact.put("summary", "");
    assertThat(senco.post(groupPath + "/impact", impact).body()).contains("Enter what the review found");
    impact.put("summary", "Slow start with number bonds; keep going and check again next week.");
    assertThat(senco.post(groupPath + "/impact", impact).status()).isEqualTo(302);
    assertThat(senco.get(groupPath).body()).doesNotContain("id=\"review-due\"");
    assertThat(senco.get("/schools/" + school + "/provision/reviews").body()).doesNotContain(groupPath);

    impact.put("summary", "Written on a page read before the first review was recorded.");
    assertThat(HtmlUtils.htmlUnescape(senco.post(groupPath + "/impact", impact).body()))
        .as("a review recorded against a group changed meanwhile").contains(ConcurrentEdit.MESSAGE);
    senco.get(groupPath);
    PageSession.Page oneReview = senco.get(groupPath);
    impact.putAll(date("reviewedOn", today));
    impact.put("version", String.valueOf(groupVersion(groupId)));
    impact.put("summary", "Good progress with number bonds; continue for one more term.");
    assertThat(senco.post(groupPath + "/impact", impact).status()).isEqualTo(302);
    senco.get(groupPath); // shows and clears the "recorded" message, which the session stores
    PageSession.Page twoReviews = senco.get(groupPath);
    SqlStatements.assertBounded(20, SqlStatements.of(oneReview), SqlStatements.of(twoReviews));
    String page = HtmlUtils.htmlUnescape(twoReviews.body());
    assertThat(page).as("both reviews kept, the latest first, with who recorded them")
        .containsSubsequence("Latest review", "Good progress with number bonds", "Recorded by",
            "Earlier review", "Slow start with number bonds", "Recorded by")
        .doesNotContain("Written on a page read before");
    assertThat(jdbc.sql("select count(*) from provision_impact_review where group_id = ?").param(groupId)
        .query(Integer.class).single()).isEqualTo(2);

    // The plan cycle opened before both reviews: the plan review still hears only the latest.
    List<ReviewEvidenceItem> items = evidence.stream().flatMap(e -> e.since(pupil, today.minusDays(10)).stream())
        .filter(i -> i.title().startsWith("Numicon")).toList();
    assertThat(items).as("the plan review hears the latest review only").singleElement().satisfies(i -> {
      assertThat(i.title()).startsWith("Numicon intervention");
      assertThat(i.summary()).contains("Good progress with number bonds");
    });
    assertThat(evidence.stream().flatMap(e -> e.since(pupil, today.plusDays(1)).stream()).toList()).isEmpty();
  }

  @Test
  void aGroupMeetsAtSeveralWeeklyTimesAndClashesAreFoundAtEachOfThem() throws java.io.IOException {
    long school = accounts.schoolIds().get(2);
    PageSession senco = as("SENCO", school);
    Api api = api(accounts.get("SENCO", school));
    LocalDate today = LocalDate.now(clock);
    long pupil = freshRegisterPupil(school, 0);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    long otherTa = jdbc.sql("select max(staff_id) from staff_role where school_id = ? and role = 'TEACHING_ASSISTANT'")
        .param(school).query(Long.class).single();
    String groups = "/api/v1/schools/" + school + "/provision-groups";
    String body = """
        {"interventionId":%d,"staff":[{"staffId":%d}],"pupilIds":[%d],"startDate":"%s","endDate":"%s"%s}""";
    java.util.function.BiFunction<Long, String, String> group = (intervention, extra) -> body.formatted(intervention,
        ta, pupil, today.minusWeeks(1), today.plusWeeks(4), extra);
    long talkBoost = intervention(school, "Talk Boost");
    int before = jdbc.sql("select count(*) from provision_group where school_id = ?").param(school)
        .query(Integer.class).single();
    Map<String, String> invalid = Map.of(
        "slots[1].startTime", ",\"slots\":[{\"dayOfWeek\":\"MONDAY\",\"startTime\":\"09:00\"},"
            + "{\"dayOfWeek\":\"MONDAY\",\"startTime\":\"09:00\"}]",
        "slots[0].dayOfWeek", ",\"slots\":[{\"dayOfWeek\":\"SATURDAY\",\"startTime\":\"09:00\"}]",
        "slots[0].startTime", ",\"slots\":[{\"dayOfWeek\":\"MONDAY\",\"startTime\":\"07:30\"}]",
        "sessionsPerWeek", ",\"sessionsPerWeek\":1,\"slots\":[{\"dayOfWeek\":\"MONDAY\",\"startTime\":\"09:00\"},"
            + "{\"dayOfWeek\":\"TUESDAY\",\"startTime\":\"09:00\"}]",
        "dayOfWeek", ",\"dayOfWeek\":\"FRIDAY\",\"startTime\":\"09:00\","
            + "\"slots\":[{\"dayOfWeek\":\"MONDAY\",\"startTime\":\"09:00\"}]");
    invalid.forEach((field, extra) -> {
      Api.Response refused = api.postJson(groups, group.apply(talkBoost, extra));
      assertThat(refused.status()).as(field + ": " + refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains("\"field\":\"" + field + "\"");
    });
    assertThat(jdbc.sql("select count(*) from provision_group where school_id = ?").param(school)
        .query(Integer.class).single()).as("nothing written").isEqualTo(before);

    String deploymentPath = "/schools/" + school + "/provision/deployment";
    senco.get(deploymentPath);
    PageSession.Page deploymentBefore = senco.get(deploymentPath);
    // Talk Boost three times a week at different times; precision teaching twice, with another assistant.
    Api.Response a = api.postJson(groups, group.apply(talkBoost, """
        ,"room":"Snug","slots":[{"dayOfWeek":"FRIDAY","startTime":"13:00"},
          {"dayOfWeek":"MONDAY","startTime":"09:00"},{"dayOfWeek":"WEDNESDAY","startTime":"10:30","minutes":40}]"""));
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    long precision = intervention(school, "Precision teaching");
    Api.Response b = api.postJson(groups, body.formatted(precision, otherTa, pupil, today.minusWeeks(1),
        today.plusWeeks(4), """
        ,"slots":[{"dayOfWeek":"TUESDAY","startTime":"10:30"},{"dayOfWeek":"WEDNESDAY","startTime":"11:00",
          "minutes":20}]"""));
    assertThat(b.status()).as(b.body()).isEqualTo(201);
    long groupA = a.json().get("id").asLong();
    assertThat(jdbc.sql("select sessions_per_week from provision_group where id = ?").param(groupA)
        .query(Integer.class).single()).as("one session for each weekly time").isEqualTo(3);

    PageSession.Page deploymentAfter = senco.get(deploymentPath);
    SqlStatements.assertBounded(20, SqlStatements.of(deploymentBefore), SqlStatements.of(deploymentAfter));
    String deployment = HtmlUtils.htmlUnescape(deploymentAfter.body());
    assertThat(deployment).as("Wednesday 10:30-11:10 overlaps Wednesday 11:00-11:20 for the pupil in both")
        .contains("Precision teaching at 11:00", "Talk Boost at 10:30, Snug")
        .as("Tuesday's precision teaching meets when no Talk Boost does")
        .doesNotContain("Precision teaching at 10:30");

    JsonNode map = api.get("/api/v1/schools/" + school + "/provision-map").json();
    JsonNode entry = null;
    for (JsonNode g : map.get("groups")) {
      if (g.get("groupId").asLong() == groupA) {
        entry = g;
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.get("dayOfWeek").asString()).as("the first weekly time, for clients that read one")
        .isEqualTo("MONDAY");
    assertThat(entry.get("startTime").asString()).isEqualTo("09:00");
    assertThat(entry.get("slots")).hasSize(3);
    assertThat(entry.get("slots").get(1).get("dayOfWeek").asString()).isEqualTo("WEDNESDAY");
    assertThat(entry.get("slots").get(1).get("minutes").asInt()).isEqualTo(40);
    assertThat(HtmlUtils.htmlUnescape(senco.get("/schools/" + school + "/provision/map").body()))
        .contains("Monday 09:00 (");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
        senco.getBytes("/schools/" + school + "/provision/map.xlsx")))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("Weekly times");
      boolean found = false;
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        found |= sheet.getRow(r).getCell(6).getStringCellValue().contains("Wednesday 10:30 (40 min)");
      }
      assertThat(found).as("the spreadsheet lists every weekly time").isTrue();
    }
  }

  @Test
  void clashesAndSettingsAreCheckedAndSaved() {
    long school = accounts.schoolIds().get(2);
    PageSession senco = as("SENCO", school);
    LocalDate today = LocalDate.now(clock);
    long pupil = freshRegisterPupil(school, 0);
    long ta = jdbc.sql("select max(staff_id) from staff_role where school_id = ? and role = 'TEACHING_ASSISTANT'")
        .param(school).query(Long.class).single();
    String day = today.getDayOfWeek().getValue() > 5 ? "MONDAY" : today.getDayOfWeek().name();
    group(school, intervention(school, "Fine motor skills group"), ta, List.of(pupil), today.minusWeeks(1),
        today.plusWeeks(4), ",\"dayOfWeek\":\"" + day + "\",\"startTime\":\"11:40\",\"room\":\"Hall\"");
    group(school, intervention(school, "Social communication group"), ta, List.of(pupil), today.minusWeeks(1),
        today.plusWeeks(4), ",\"dayOfWeek\":\"" + day + "\",\"startTime\":\"12:00\"");
    String deployment = HtmlUtils.htmlUnescape(senco.get("/schools/" + school + "/provision/deployment").body());
    assertThat(deployment).contains("Fine motor skills group at 11:40, Hall", "Social communication group at 12:00")
        .contains("(pupil)");

    String settings = "/schools/" + school + "/provision/settings";
    senco.get(settings);
    Map<String, String> form = new HashMap<>(Map.of("notionalThreshold", "six thousand", "teachingAssistant",
        "16.00", "teacher", "38.00", "senco", "45.00", "headteacher", "55.00", "dsl", "40.00", "schoolAdmin",
        "14.00", "version", "-1"));
    PageSession.Page invalid = senco.post(settings, form);
    assertThat(invalid.body()).contains("Enter the notional threshold in pounds", "value=\"six thousand\"");
    form.put("notionalThreshold", "6500");
    PageSession.Page saved = senco.post(settings, form);
    assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    assertThat(senco.get("/schools/" + school + "/provision/budget").body()).contains("£6,500.00");
    PageSession.Page stale = senco.post(settings, form);
    assertThat(HtmlUtils.htmlUnescape(stale.body())).as("saved from a page read before the last save")
        .contains(ConcurrentEdit.MESSAGE);
  }

  @Test
  void inClassSupportNamesItsLessonsInsteadOfARoomAndOneToOneIsForOnePupil() {
    long school = accounts.schoolIds().get(1);
    String base = "/schools/" + school + "/provision";
    PageSession senco = as("SENCO", school);
    long pupil = freshRegisterPupil(school, 0);
    long classmate = freshRegisterPupil(school, pupil);
    long ta = staffWithRole(school, "TEACHING_ASSISTANT");
    LocalDate today = LocalDate.now(clock);
    String blank = HtmlUtils.htmlUnescape(senco.get(base + "/groups/new").body());
    assertThat(blank).contains("Kind of provision", "Withdrawal group", "One to one", "In-class support",
        "data-senda-reveals=\"kind-conditional\"", "Lessons the support is in");

    Map<String, String> form = new HashMap<>(Map.of("interventionId",
        String.valueOf(intervention(school, "In-class TA support")), "staffIds", String.valueOf(ta),
        "kind", "IN_CLASS", "room", "Hall typed", "sessionsPerWeek", "5", "minutesPerSession", "60",
        "version", "0", "slots[0].dayOfWeek", "MONDAY", "slots[0].startTime", "11:00"));
    form.putAll(date("startDate", today.minusWeeks(1)));
    form.putAll(date("endDate", today.plusWeeks(8)));
    String twoPupils = "pupilIds=" + pupil + "&pupilIds=" + classmate;
    PageSession.Page invalid = senco.post(base + "/groups", form, twoPupils);
    assertThat(invalid.status()).isEqualTo(200);
    assertThat(HtmlUtils.htmlUnescape(invalid.body())).contains("govuk-error-summary",
        "Enter the lessons the support is in", "leave the room blank", "value=\"Hall typed\"",
        "href=\"#lessons\"");

    form.put("kind", "ONE_TO_ONE");
    assertThat(HtmlUtils.htmlUnescape(senco.post(base + "/groups", form, twoPupils).body()))
        .contains("One-to-one support is for one pupil");

    form.put("kind", "IN_CLASS");
    form.put("room", "");
    form.put("lessons", "English and maths in 4B");
    PageSession.Page created = senco.post(base + "/groups", form, twoPupils);
    assertThat(created.status()).as(created.body()).isEqualTo(302);
    String groupPath = created.location().replaceFirst("^https?://[^/]+", "");
    String page = HtmlUtils.htmlUnescape(senco.get(groupPath).body());
    assertThat(page).contains("In-class support in English and maths in 4B",
        "In-class support is chosen from the catalogue like any intervention");
    assertThat(senco.get(groupPath + "/edit").body()).containsPattern(
        "value=\"IN_CLASS\"[^>]*checked").contains("value=\"English and maths in 4B\"");
    assertThat(HtmlUtils.htmlUnescape(senco.get("/schools/" + school + "/pupils/" + pupil + "/provision").body()))
        .contains("In-class support in English and maths in 4B").doesNotContain("group of 2");
    assertThat(HtmlUtils.htmlUnescape(senco.get(base + "/groups").body())).contains("In-class support");
    assertThat(HtmlUtils.htmlUnescape(senco.get(base + "/map").body()))
        .contains("In-class support in English and maths in 4B");
    assertThat(HtmlUtils.htmlUnescape(senco.get("/schools/" + school + "/pupils/" + pupil).body()))
        .contains("In-class TA support (In-class support in English and maths in 4B)");
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(senco.getBytes(base + "/map.xlsx")))) {
      Sheet sheet = book.getSheetAt(0);
      int kind = 14;
      assertThat(sheet.getRow(0).getCell(kind).getStringCellValue()).isEqualTo("Kind");
      List<String> kinds = new java.util.ArrayList<>();
      for (int r = 1; r <= sheet.getLastRowNum(); r++) {
        kinds.add(sheet.getRow(r).getCell(kind).getStringCellValue() + " / "
            + sheet.getRow(r).getCell(kind + 1).getStringCellValue());
      }
      assertThat(kinds).contains("In-class support / English and maths in 4B");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aGroupWithNoFixedWeeklyTimeIsListedOnTheDeploymentPageWithItsHoursCounted() {
    long school = accounts.schoolIds().get(1);
    PageSession senco = as("SENCO", school);
    LocalDate today = LocalDate.now(clock);
    String path = "/schools/" + school + "/provision/deployment";
    senco.get(path);
    PageSession.Page before = senco.get(path);
    long ta = jdbc.sql("select max(staff_id) from staff_role where school_id = ? and role = 'TEACHING_ASSISTANT'")
        .param(school).query(Long.class).single();
    long pupil = freshRegisterPupil(school, 0);
    // Posted without weekly times, as clients written before groups had them do.
    long group = group(school, intervention(school, "Precision teaching"), ta, List.of(pupil), today.minusWeeks(1),
        today.plusWeeks(4), "");
    PageSession.Page after = senco.get(path);
    SqlStatements.assertBounded(20, SqlStatements.of(before), SqlStatements.of(after));
    String deployment = HtmlUtils.htmlUnescape(after.body());
    assertThat(deployment).contains("Groups with no fixed weekly time", "could not be checked",
        "href=\"/schools/" + school + "/provision/groups/" + group + "/edit\"", "Add weekly times",
        "2 x 30 min a week");
    assertThat(HtmlUtils.htmlUnescape(senco.get("/schools/" + school + "/provision/groups/" + group).body()))
        .contains("No fixed weekly time, so clashes with other groups could not be checked.", "Add weekly times");
    String name = jdbc.sql("select given_name || ' ' || family_name from staff where id = ?").param(ta)
        .query(String.class).single();
    assertThat(deployment).as("the hours of its staff still count").contains(name);
  }

  private int groupVersion(long groupId) {
    return jdbc.sql("select version from provision_group where id = ?").param(groupId).query(Integer.class).single();
  }


  private int slotsBefore() {
    return jdbc.sql("select count(*) from provision_group_slot").query(Integer.class).single();
  }

}
