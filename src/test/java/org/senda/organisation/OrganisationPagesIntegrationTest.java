package org.senda.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.senda.web.ConcurrentEdit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class OrganisationPagesIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts demo;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  GreenMail greenMail;

  private long school(int index) {
    return demo.schoolIds().get(index);
  }

  private PageSession as(String role, Long schoolId) {
    return SESSIONS.of(port, demo.get(role, schoolId));
  }

  @Test
  void headteacherSeesEveryPageOfTheirSchool() {
    long id = school(0);
    PageSession head = as("HEADTEACHER", id);
    PageSession.Page overview = head.get("/schools/" + id);
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.body()).contains("Oakfield Primary School", "Current term", "Next holiday", "Leicestershire",
        "Change school details");
    long term = jdbc.sql("select min(id) from term where school_id = ?").param(id).query(Long.class).single();
    long holiday = jdbc.sql("select min(id) from school_holiday where school_id = ?").param(id).query(Long.class)
        .single();
    long year = jdbc.sql("select min(id) from academic_year where school_id = ?").param(id).query(Long.class).single();
    long schoolClass = jdbc.sql("select min(id) from school_class where school_id = ?").param(id).query(Long.class)
        .single();
    long yearGroup = jdbc.sql("select min(id) from year_group where school_id = ?").param(id).query(Long.class)
        .single();
    long staff = jdbc.sql("select min(staff_id) from staff_role where school_id = ?").param(id).query(Long.class)
        .single();
    for (String path : List.of("/edit", "/calendar", "/calendar/terms/new?yearId=" + year,
        "/calendar/terms/" + term + "/edit", "/calendar/holidays/new?yearId=" + year,
        "/calendar/holidays/" + holiday + "/edit", "/classes", "/classes/new", "/classes/" + schoolClass + "/edit",
        "/year-groups", "/year-groups/new", "/year-groups/" + yearGroup + "/edit", "/staff", "/staff/new",
        "/staff/" + staff + "/edit")) {
      PageSession.Page page = head.get("/schools/" + id + path);
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains("Oakfield Primary School - Senda</title>");
    }
  }

  @Test
  void rolesWithoutTheRightAreRefusedAndOtherSchoolsAreNotFound() {
    long id = school(1);
    PageSession teacher = as("TEACHER", id);
    assertThat(teacher.get("/schools/" + id).status()).isEqualTo(200);
    assertThat(teacher.get("/schools/" + id).body()).doesNotContain("Change school details");
    assertThat(teacher.get("/schools/" + id + "/edit").status()).isEqualTo(403);
    assertThat(teacher.get("/schools/" + id + "/staff/new").status()).isEqualTo(403);
    assertThat(teacher.get("/schools/" + id + "/year-groups").status()).isEqualTo(403);
    assertThat(teacher.get("/trust").status()).isEqualTo(403);
    assertThat(teacher.post("/schools/" + id + "/calendar/years", Map.of()).status()).isEqualTo(403);
    assertThat(teacher.get("/schools/" + school(0)).status()).isEqualTo(404);
    assertThat(teacher.get("/schools/" + school(0) + "/staff").status()).isEqualTo(404);

    PageSession assistant = as("TEACHING_ASSISTANT", id);
    assertThat(assistant.get("/schools/" + id + "/staff").status()).isEqualTo(403);
    assertThat(assistant.get("/schools/" + id + "/classes").status()).isEqualTo(200);

    PageSession admin = as("SCHOOL_ADMIN", id);
    assertThat(admin.get("/schools/" + id + "/edit").status()).isEqualTo(200);
    assertThat(admin.get("/trust/edit").status()).isEqualTo(403);
  }

  @Test
  void schoolFormShowsErrorsKeepsWhatWasTypedAndWritesNothing() {
    long id = school(2);
    PageSession head = as("HEADTEACHER", id);
    head.get("/schools/" + id + "/edit");
    int version = version("school", id);
    PageSession.Page page = head.post("/schools/" + id + "/edit", Map.of(
        "name", "", "urn", "12345", "dfeNumber", "85/21430", "phase", "PRIMARY", "localAuthority", "Typed LA",
        "version", String.valueOf(version)));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("There is a problem", "Enter the name of the school",
        "The URN must be 6 digits, like 137294", "The DfE number must be the 3-digit local authority code",
        "value=\"12345\"", "value=\"85/21430\"", "value=\"Typed LA\"");
    assertThat(version("school", id)).isEqualTo(version);
    assertThat(jdbc.sql("select local_authority from school where id = ?").param(id).query(String.class).single())
        .isEqualTo("Leicestershire");

    String otherUrn = jdbc.sql("select urn from school where id = ?").param(school(0)).query(String.class).single();
    page = head.post("/schools/" + id + "/edit", Map.of(
        "name", "Hawthorn Primary School", "urn", otherUrn, "dfeNumber", "855 9999", "phase", "PRIMARY",
        "localAuthority", "Leicestershire", "version", String.valueOf(version)));
    assertThat(page.body()).contains("Another school already has this URN");
    assertThat(version("school", id)).isEqualTo(version);
  }

  @Test
  void secondSaveOfTheSameSchoolIsRefusedAndTheFirstIsKept() {
    long id = school(2);
    PageSession head = as("HEADTEACHER", id);
    PageSession admin = as("SCHOOL_ADMIN", id);
    head.get("/schools/" + id + "/edit");
    admin.get("/schools/" + id + "/edit");
    Map<String, String> school = jdbc.sql("select name, urn, dfe_number from school where id = ?").param(id)
        .query((rs, n) -> Map.of("name", rs.getString(1), "urn", rs.getString(2), "dfeNumber", rs.getString(3)))
        .single();
    String version = String.valueOf(version("school", id));

    Map<String, String> first = new HashMap<>(school);
    first.putAll(Map.of("phase", "PRIMARY", "localAuthority", "Leicester", "version", version));
    PageSession.Page saved = head.post("/schools/" + id + "/edit", first);
    assertThat(saved.status()).isEqualTo(302);
    assertThat(saved.location()).endsWith("/schools/" + id);

    Map<String, String> second = new HashMap<>(school);
    second.putAll(Map.of("phase", "PRIMARY", "localAuthority", "Rutland", "version", version));
    PageSession.Page refused = admin.post("/schools/" + id + "/edit", second);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains(ConcurrentEdit.MESSAGE, "value=\"Rutland\"", "The latest saved version",
        "Leicester");
    assertThat(jdbc.sql("select local_authority from school where id = ?").param(id).query(String.class).single())
        .isEqualTo("Leicester");

    // Put the demo school back as it was for other tests.
    Map<String, String> restore = new HashMap<>(school);
    restore.putAll(Map.of("phase", "PRIMARY", "localAuthority", "Leicestershire",
        "version", String.valueOf(version("school", id))));
    assertThat(head.post("/schools/" + id + "/edit", restore).status()).isEqualTo(302);
  }

  @Test
  void termFormRefusesBadDatesOverlapsAndDatesOutsideTheYear() {
    long id = school(0);
    PageSession admin = as("SCHOOL_ADMIN", id);
    var year = jdbc.sql("select id, starts_on from academic_year where school_id = ? order by starts_on desc limit 1")
        .param(id).query((rs, n) -> new long[] {rs.getLong(1), rs.getDate(2).toLocalDate().getYear()}).single();
    long terms = count("term", id);
    admin.get("/schools/" + id + "/calendar/terms/new?yearId=" + year[0]);
    String path = "/schools/" + id + "/calendar/terms/new";

    PageSession.Page page = admin.post(path, term(year[0], "", "31", "2", String.valueOf(year[1] + 1), "", "", ""));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Enter a name for the term", "The date the term starts must be a real date",
        "Enter the date the term ends", "value=\"31\"");

    page = admin.post(path, term(year[0], "Extra term", "10", "10", String.valueOf(year[1]), "1", "10",
        String.valueOf(year[1])));
    assertThat(page.body()).contains("The date the term ends must be the same as or after the date it starts",
        "value=\"Extra term\"");

    page = admin.post(path, term(year[0], "Extra term", "1", "8", String.valueOf(year[1]), "20", "8",
        String.valueOf(year[1])));
    assertThat(page.body()).contains("The date the term starts must be in the academic year");

    page = admin.post(path, term(year[0], "Extra term", "1", "10", String.valueOf(year[1]), "10", "10",
        String.valueOf(year[1])));
    assertThat(page.body()).contains("The term must not overlap Autumn term");
    assertThat(count("term", id)).isEqualTo(terms);

    // A holiday may lie inside a term (a half term does), and is saved.
    long holidays = count("school_holiday", id);
    admin.get("/schools/" + id + "/calendar/holidays/new?yearId=" + year[0]);
    PageSession.Page saved = admin.post("/schools/" + id + "/calendar/holidays/new", term(year[0], "INSET day",
        "2", "11", String.valueOf(year[1]), "2", "11", String.valueOf(year[1])));
    assertThat(saved.status()).isEqualTo(302);
    assertThat(count("school_holiday", id)).isEqualTo(holidays + 1);
    long inset = jdbc.sql("select id from school_holiday where school_id = ? and name = 'INSET day'").param(id)
        .query(Long.class).single();
    admin.get("/schools/" + id + "/calendar/holidays/" + inset + "/edit");
    assertThat(admin.post("/schools/" + id + "/calendar/holidays/" + inset + "/delete",
        Map.of("version", "0")).status()).isEqualTo(302);
    assertThat(count("school_holiday", id)).isEqualTo(holidays);
  }

  @Test
  void classAndStaffFormsShowErrorsAndWriteNothing() {
    long id = school(0);
    PageSession head = as("HEADTEACHER", id);
    long classes = count("school_class", id);
    head.get("/schools/" + id + "/classes/new");
    PageSession.Page page = head.post("/schools/" + id + "/classes/new", Map.of("name", "Year 3 Oak",
        "yearGroupId", ""));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("The school already has a class with this name",
        "Select the year group of the class", "value=\"Year 3 Oak\"");
    assertThat(count("school_class", id)).isEqualTo(classes);

    long staff = jdbc.sql("select count(*) from staff").query(Long.class).single();
    head.get("/schools/" + id + "/staff/new");
    page = head.post("/schools/" + id + "/staff/new", Map.of("givenName", "Priya", "familyName", "",
        "email", "priya.example.org", "jobTitle", "Class teacher"));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Enter the last name", "Enter an email address in the correct format",
        "Select at least one role in this school", "value=\"Priya\"", "value=\"priya.example.org\"");
    assertThat(jdbc.sql("select count(*) from staff").query(Long.class).single()).isEqualTo(staff);
  }

  @Test
  void classSavedWithItsTeachersAndAssistants() {
    long id = school(2);
    PageSession admin = as("SCHOOL_ADMIN", id);
    var row = jdbc.sql("select id, year_group_id, name, version from school_class where school_id = ? order by id"
        + " limit 1").param(id).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getString(4)}).single();
    long classId = Long.parseLong(row[0]);
    List<Long> staff = jdbc.sql("select cs.staff_id from class_staff cs where cs.class_id = ?").param(classId)
        .query(Long.class).list();
    assertThat(staff).isNotEmpty();
    PageSession.Page form = admin.get("/schools/" + id + "/classes/" + row[0] + "/edit");
    for (long staffId : staff) {
      assertThat(form.body()).containsPattern("value=\"" + staffId + "\"\\s+checked");
    }
    PageSession.Page saved = admin.post("/schools/" + id + "/classes/" + row[0] + "/edit", Map.of("name", row[2],
        "yearGroupId", row[1], "staffIds", String.valueOf(staff.getFirst()), "version", row[3]));
    assertThat(saved.status()).as(saved.body()).isEqualTo(302);
    assertThat(jdbc.sql("select staff_id from class_staff where class_id = ?").param(classId).query(Long.class).list())
        .containsExactly(staff.getFirst());
  }

  @Test
  void addingStaffCreatesTheirAccountAndIsAudited() {
    long id = school(2);
    PageSession admin = as("SCHOOL_ADMIN", id);
    admin.get("/schools/" + id + "/staff/new");
    PageSession.Page saved = admin.post("/schools/" + id + "/staff/new", Map.of("givenName", "Niamh",
        "familyName", "Gallagher", "email", "N.Gallagher@hawthorn-primary.example", "jobTitle", "Class teacher",
        "roles", "TEACHER"));
    assertThat(saved.status()).isEqualTo(302);
    long staffId = jdbc.sql("select id from staff where email = 'n.gallagher@hawthorn-primary.example'")
        .query(Long.class).single();
    assertThat(jdbc.sql("select count(*) from account where staff_id = ?").param(staffId).query(Long.class).single())
        .isEqualTo(1);
    assertThat(jdbc.sql("select role from staff_role where staff_id = ? and school_id = ?").params(staffId, id)
        .query(String.class).list()).containsExactly("TEACHER");
    assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'staff' and action = 'CREATE'"
        + " and record_id = ?").param(String.valueOf(staffId)).query(Long.class).single()).isEqualTo(1);
    assertThat(admin.get("/schools/" + id + "/staff").body()).contains("Niamh Gallagher");
    // The new member of staff is invited to choose their own password (sent after commit, through the outbox).
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
        .until(() -> Arrays.stream(greenMail.getReceivedMessages()).anyMatch(m -> sentTo(m,
            "n.gallagher@hawthorn-primary.example")));
  }

  private static boolean sentTo(jakarta.mail.internet.MimeMessage message, String recipient) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
          .anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void trustLeadAddsASchoolWithYearGroupsAndTwoAcademicYears() {
    PageSession lead = as("TRUST_SEND_LEAD", null);
    assertThat(lead.get("/trust").body()).contains("Demo Learning Trust", "Oakfield Primary School",
        "Riverside Academy", "Add a school");
    lead.get("/trust/schools/new");
    PageSession.Page refused = lead.post("/trust/schools/new", Map.of("name", "Meadow Secondary School",
        "urn", "", "dfeNumber", "", "phase", "", "localAuthority", "", "extraYears", "SIXTH_FORM"));
    assertThat(refused.body()).contains("Enter the school&#39;s URN", "Select the phase of education");
    PageSession.Page saved = lead.post("/trust/schools/new", Map.of("name", "Meadow Secondary School",
        "urn", "199001", "dfeNumber", "8554999", "phase", "SECONDARY", "localAuthority", "Leicestershire",
        "extraYears", "SIXTH_FORM"));
    assertThat(saved.status()).isEqualTo(302);
    long id = jdbc.sql("select id from school where urn = '199001'").query(Long.class).single();
    assertThat(saved.location()).endsWith("/schools/" + id);
    assertThat(jdbc.sql("select dfe_number from school where id = ?").param(id).query(String.class).single())
        .isEqualTo("855/4999");
    assertThat(jdbc.sql("select code from year_group where school_id = ? order by ordinal").param(id)
        .query(String.class).list()).containsExactly("Y7", "Y8", "Y9", "Y10", "Y11", "Y12", "Y13");
    assertThat(count("academic_year", id)).isEqualTo(2);
    assertThat(count("term", id)).isEqualTo(6);
    // The new school is in the trust lead's view from their next sign-in.
    PageSession nextSignIn = PageSession.signedIn(port, demo.get("TRUST_SEND_LEAD", null));
    assertThat(nextSignIn.get("/schools/" + id).body()).contains("Meadow Secondary School",
        "Autumn term", "Change school details");
  }

  private Map<String, String> term(long yearId, String name, String d1, String m1, String y1, String d2, String m2,
      String y2) {
    Map<String, String> fields = new HashMap<>();
    fields.put("academicYearId", String.valueOf(yearId));
    fields.put("name", name);
    fields.put("startsOn.day", d1);
    fields.put("startsOn.month", m1);
    fields.put("startsOn.year", y1);
    fields.put("endsOn.day", d2);
    fields.put("endsOn.month", m2);
    fields.put("endsOn.year", y2);
    fields.put("version", "0");
    return fields;
  }

  private int version(String table, long id) {
    return jdbc.sql("select version from " + table + " where id = ?").param(id).query(Integer.class).single();
  }

  private long count(String table, long schoolId) {
    return jdbc.sql("select count(*) from " + table + " where school_id = ?").param(schoolId).query(Long.class)
        .single();
  }
}
