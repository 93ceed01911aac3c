package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.access.Accounts;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The parents and carers import: through the API into a school of its own (adds, updates matched by name, columns
 * the file lacks left alone, every bad row reported with nothing written, refusals), and through the pages for the
 * demo SENCO (preview, a contact changed after the preview, confirmation, refusals for other roles).
 */
@SendaTest
class ContactImportIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();
  private static final AtomicInteger SERIAL = new AtomicInteger();
  private static ImportTestSchool school;

  static final String HEADER = "upn,name,relationship,parental_responsibility,phone,email,preferred_language,"
      + "address_line_1,address_line_2,town,postcode\n";

  @LocalServerPort
  int port;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  @Autowired
  DemoAccounts demo;

  @BeforeEach
  void createSchoolOnce() {
    if (school == null || !school.exists(jdbc)) {
      school = ImportTestSchool.create(jdbc, accounts);
    }
  }

  /** A new pupil of the import school, made through the pupil import; its UPN. */
  private String pupil(String forename) {
    int n = SERIAL.incrementAndGet();
    String upn = UpnCheck.generate(998, 9001 + n / 1000, 2020, n % 1000);
    Api.Response created = new Api(port, school.sencoToken()).post(
        "/api/v1/schools/" + school.schoolId() + "/pupil-imports?dryRun=false", "text/csv",
        PupilImportIntegrationTest.HEADER + upn + "," + forename + ",Khan,2018-02-01,3,N,,\n");
    assertThat(created.status()).as(created.body()).isEqualTo(200);
    return upn;
  }

  private Api.Response importCsv(String csv, boolean dryRun) {
    return new Api(port, school.sencoToken())
        .post("/api/v1/schools/" + school.schoolId() + "/contact-imports?dryRun=" + dryRun, "text/csv", csv);
  }

  private long contacts(String upn) {
    return jdbc.sql("select count(*) from pupil_contact c join pupil p on p.id = c.pupil_id where p.upn = ?")
        .param(upn).query(Long.class).single();
  }

  private Map<String, Object> contact(String upn, String name) {
    return jdbc.sql("""
            select c.* from pupil_contact c join pupil p on p.id = c.pupil_id
            where p.upn = ? and c.name = ?""")
        .params(upn, name).query().singleRow();
  }

  @Test
  void importAddsParentsAndCarersAndReimportUpdatesThoseMatchedByName() {
    String amelia = pupil("Amelia");
    String zain = pupil("Zain");
    String csv = HEADER
        + amelia + ",Sam Khan,Mother,Yes,07700 900982,sam.khan@example.com,English,12 Station Road,,Leicester,le16ab\n"
        + amelia + ",Ravi Khan,Father,y,,,Urdu,,,,\n"
        + zain + ",Jo Patel,Foster carer,No,0116 496 0000,,,,,,\n";

    Api.Response dryRun = importCsv(csv, true);
    assertThat(dryRun.status()).as(dryRun.body()).isEqualTo(200);
    assertThat(dryRun.json().get("created").asInt()).isEqualTo(3);
    assertThat(dryRun.json().get("updated").asInt()).isZero();
    assertThat(dryRun.json().get("preview").get(0).get("action").asString()).isEqualTo("create");
    assertThat(contacts(amelia)).as("a dry run writes nothing").isZero();
    assertThat(jdbc.sql("""
            select count(*) from audit_entry where record_type = 'contact-import' and action = 'VIEW'
              and school_id = ? and detail = 'preview of 3 rows'""")
        .param(school.schoolId()).query(Long.class).single()).as("the preview's read of the pupils is audited")
        .isPositive();

    Api.Response imported = importCsv(csv, false);
    assertThat(imported.status()).as(imported.body()).isEqualTo(200);
    assertThat(imported.json().get("created").asInt()).isEqualTo(3);
    assertThat(contacts(amelia)).isEqualTo(2);
    assertThat(contacts(zain)).isEqualTo(1);
    Map<String, Object> mother = contact(amelia, "Sam Khan");
    assertThat(mother).containsEntry("postcode", "LE1 6AB").containsEntry("town", "Leicester")
        .containsEntry("parental_responsibility", true).containsEntry("contact_order", 1);
    assertThat(contact(amelia, "Ravi Khan")).containsEntry("contact_order", 2).containsEntry("postcode", null)
        .containsEntry("preferred_language", "Urdu");
    assertThat(contact(zain, "Jo Patel")).containsEntry("parental_responsibility", false);
    assertThat(jdbc.sql("""
            select summary from pupil_record_event e join pupil p on p.id = e.pupil_id where p.upn = ?
            order by e.id""").param(amelia).query(String.class).list())
        .contains("Contact added: Mother", "Contact added: Father");
    assertThat(jdbc.sql("select count(*) from audit_entry where record_type = 'contact-import' and school_id = ?")
        .param(school.schoolId()).query(Long.class).single()).isPositive();

    Api.Response again = importCsv(HEADER
        + amelia + ",  sam   KHAN ,Mother,Yes,07700 900111,sam.khan@example.com,English,12 Station Road,,Leicester,"
        + "LE1 6AB\n", false);
    assertThat(again.status()).as(again.body()).isEqualTo(200);
    assertThat(again.json().get("created").asInt()).isZero();
    assertThat(again.json().get("updated").asInt()).isEqualTo(1);
    assertThat(contacts(amelia)).as("matched by name, not added again").isEqualTo(2);
    Map<String, Object> changed = jdbc.sql("""
            select c.phone, c.version from pupil_contact c join pupil p on p.id = c.pupil_id
            where p.upn = ? and c.id = ?""").params(amelia, mother.get("id")).query().singleRow();
    assertThat(changed).containsEntry("phone", "07700 900111")
        .containsEntry("version", ((Number) mother.get("version")).intValue() + 1);
  }

  @Test
  void aColumnTheFileLacksLeavesWhatIsRecordedAndABlankCellClearsIt() {
    String upn = pupil("Maya");
    assertThat(importCsv(HEADER + upn + ",Lee Brown,Father,Yes,07700 900333,lee@example.com,English,"
        + "1 High Street,Flat 2,York,YO1 7HH\n", false).status()).isEqualTo(200);

    Api.Response narrow = importCsv("UPN,Contact Name,Relationship,PR\n" + upn + ",Lee Brown,Step-father,Yes\n",
        false);
    assertThat(narrow.status()).as(narrow.body()).isEqualTo(200);
    assertThat(contact(upn, "Lee Brown")).containsEntry("relationship", "Step-father")
        .containsEntry("email", "lee@example.com").containsEntry("phone", "07700 900333")
        .containsEntry("address_line_2", "Flat 2").containsEntry("postcode", "YO1 7HH");

    Api.Response blanks = importCsv("upn,name,relationship,parental_responsibility,email,postcode,town,address_line_1\n"
        + upn + ",Lee Brown,Step-father,Yes,,,,\n", false);
    assertThat(blanks.status()).as(blanks.body()).isEqualTo(200);
    assertThat(contact(upn, "Lee Brown")).containsEntry("email", null).containsEntry("postcode", null)
        .containsEntry("address_line_2", null).containsEntry("phone", "07700 900333");
  }

  @Test
  void everyBadRowIsReportedWithItsColumnAndNothingIsWritten() {
    String upn = pupil("Noor");
    String other = pupil("Ola");
    long before = contacts(upn) + contacts(other);

    Api.Response noColumn = importCsv("upn,name,parental_responsibility\n" + upn + ",A Parent,Yes\n", false);
    assertThat(noColumn.status()).isEqualTo(422);
    assertThat(noColumn.json().get("errors").get(0).get("column").asString()).isEqualTo("relationship");

    Api.Response bad = importCsv(HEADER
        + other + ",Fine Parent,Mother,Yes,,,,,,,\n"
        + "A123456789012,Nobody,Mother,Yes,,,,,,,\n"
        + upn + ",,Mother,Yes,,,,,,,\n"
        + upn + ",Pat Doe,Mother,maybe,,,,,,,\n"
        + upn + ",Kim Doe,Carer,No,call me,kim@,,,,,\n"
        + upn + ",Lou Doe,Aunt,No,,,,9 Mill Lane,,Derby,XYZ\n"
        + upn + ",Max Doe,Uncle,No,,,,,,,DE1 1AA\n"
        + other + ",fine parent,Mother,Yes,,,,,,,\n", false);
    assertThat(bad.status()).as(bad.body()).isEqualTo(422);
    List<String> problems = bad.json().get("errors").valueStream()
        .map(e -> e.get("row").asInt() + ":" + e.get("column").asString()).toList();
    assertThat(problems).containsExactly("3:upn", "4:name", "5:parental_responsibility", "6:phone", "6:email",
        "7:postcode", "8:address_line_1", "8:town", "9:name");
    JsonNode first = bad.json().get("errors").get(0);
    assertThat(first.get("message").asString()).isEqualTo("No pupil of this school has UPN A123456789012");
    assertThat(first.get("fix").asString()).contains("Import the pupil first");
    assertThat(contacts(upn) + contacts(other)).as("the good row is not written either").isEqualTo(before);

    byte[] windows1252 = (HEADER + upn + ",Zoë Doe,Mother,Yes,,,,,,,\n").getBytes(Charset.forName("windows-1252"));
    Api.Response ansi = new Api(port, school.sencoToken()).post(
        "/api/v1/schools/" + school.schoolId() + "/contact-imports?dryRun=false", "text/csv", windows1252);
    assertThat(ansi.status()).isEqualTo(422);
    assertThat(ansi.json().get("errors").get(0).get("row").asInt()).isEqualTo(2);
    assertThat(contacts(upn)).isEqualTo(before - contacts(other));
  }

  @Test
  void importNeedsThePermissionAndTheSchool() {
    String csv = HEADER + pupil("Ivy") + ",A Parent,Mother,Yes,,,,,,,\n";
    String path = "/api/v1/schools/" + school.schoolId() + "/contact-imports?dryRun=false";
    assertThat(new Api(port, school.teacherToken()).post(path, "text/csv", csv).status()).isEqualTo(403);
    String otherSenco = demo.get("SENCO", demo.schoolIds().getFirst()).apiToken();
    assertThat(new Api(port, otherSenco).post(path, "text/csv", csv).status()).isEqualTo(404);
    assertThat(new Api(port, null).post(path, "text/csv", csv).status()).isEqualTo(401);
    assertThat(jdbc.sql("select count(*) from pupil_contact where school_id = ? and name = 'A Parent'")
        .param(school.schoolId()).query(Long.class).single()).isZero();
  }

  @Test
  void theSencoPreviewsAndConfirmsAndAChangeAfterThePreviewStopsTheImport() {
    long schoolId = demo.schoolIds().getFirst();
    Map<String, Object> existing = jdbc.sql("""
            select p.upn, c.id, c.name, c.relationship, c.parental_responsibility, c.version
            from pupil_contact c join pupil p on p.id = c.pupil_id
            where p.school_id = ? and p.leaving_date is null order by c.id desc fetch first 1 rows only""")
        .param(schoolId).query().singleRow();
    long contactId = ((Number) existing.get("id")).longValue();
    String csv = "upn,name,relationship,parental_responsibility\n" + existing.get("upn") + "," + existing.get("name")
        + "," + existing.get("relationship") + "," + (Boolean.TRUE.equals(existing.get("parental_responsibility"))
        ? "Yes" : "No") + "\n";
    PageSession senco = SESSIONS.of(port, demo.get("SENCO", schoolId));
    String path = "/schools/" + schoolId + "/contact-imports";

    PageSession.Page upload = senco.get(path);
    assertThat(upload.status()).isEqualTo(200);
    assertThat(upload.body()).contains("Import parents and carers", path + "/template.csv");
    assertThat(senco.get("/schools/" + schoolId + "/pupil-imports").body()).contains(path);
    PageSession.Page template = senco.get(path + "/template.csv");
    assertThat(template.body()).startsWith("upn,name,relationship,parental_responsibility,phone,email");

    PageSession.Page preview = senco.postFile(path, Map.of(), "file", "contacts.csv", "text/csv", csv.getBytes());
    assertThat(preview.body()).contains("Check the import of parents and carers", "Update")
        .doesNotContain("changed-since-preview");
    jdbc.sql("update pupil_contact set version = version + 1 where id = ?").param(contactId).update();

    PageSession.Page stopped = senco.post(path + "/confirm", Map.of());
    assertThat(stopped.status()).isEqualTo(200);
    assertThat(stopped.body()).contains("changed-since-preview", "Nothing was imported");
    assertThat(version(contactId)).as("nothing written").isEqualTo(((Number) existing.get("version")).intValue() + 1);

    PageSession.Page confirmed = senco.post(path + "/confirm", Map.of());
    assertThat(confirmed.status()).isEqualTo(302);
    assertThat(senco.follow(confirmed).body()).contains("Parents and carers imported: 0 added, 1 updated");
    assertThat(version(contactId)).isEqualTo(((Number) existing.get("version")).intValue() + 2);

    PageSession.Page errors = senco.postFile(path, Map.of(), "file", "contacts.csv", "text/csv",
        "upn,name\nA123456789012,Someone\n".getBytes());
    assertThat(errors.body()).contains("The file has no relationship column", "Upload a corrected file", path);
  }

  private int version(long contactId) {
    return jdbc.sql("select version from pupil_contact where id = ?").param(contactId).query(Integer.class).single();
  }

  @Test
  void onlyThoseWhoImportPupilsMayImportContacts() {
    long schoolId = demo.schoolIds().getFirst();
    String path = "/schools/" + schoolId + "/contact-imports";
    for (String role : List.of("TEACHER", "GOVERNOR", "DSL")) {
      assertThat(SESSIONS.of(port, demo.get(role, schoolId)).get(path).status()).as(role).isEqualTo(403);
    }
    long otherSchool = demo.schoolIds().getLast();
    assertThat(SESSIONS.of(port, demo.get("SENCO", otherSchool)).get(path).status()).isEqualTo(404);
    assertThat(SESSIONS.of(port, demo.get("SCHOOL_ADMIN", schoolId)).get(path).status()).isEqualTo(200);
  }
}
