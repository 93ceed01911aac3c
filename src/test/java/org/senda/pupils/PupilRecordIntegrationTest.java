package org.senda.pupils;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Editing pupil details and contacts: validation that keeps what was typed, optimistic locking, audit. */
@SendaTest
class PupilRecordIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  Map<String, String> form(long pupilId) {
    Map<String, Object> p = jdbc.sql("select * from pupil where id = ?").param(pupilId).query().singleRow();
    LocalDate born = ((java.sql.Date) p.get("date_of_birth")).toLocalDate();
    Map<String, String> form = new HashMap<>();
    form.put("legalForename", String.valueOf(p.get("legal_forename")));
    form.put("legalSurname", String.valueOf(p.get("legal_surname")));
    form.put("preferredForename", "");
    form.put("preferredSurname", "");
    form.put("dateOfBirth.day", String.valueOf(born.getDayOfMonth()));
    form.put("dateOfBirth.month", String.valueOf(born.getMonthValue()));
    form.put("dateOfBirth.year", String.valueOf(born.getYear()));
    form.put("sex", String.valueOf(p.get("sex")));
    form.put("yearGroupId", String.valueOf(p.get("year_group_id")));
    form.put("classId", String.valueOf(p.get("class_id")));
    form.put("admissionDate.day", "");
    form.put("admissionDate.month", "");
    form.put("admissionDate.year", "");
    form.put("leavingDate.day", "");
    form.put("leavingDate.month", "");
    form.put("leavingDate.year", "");
    form.put("virtualSchoolContact", "");
    form.put("version", String.valueOf(p.get("version")));
    return form;
  }

  @Test
  void sencoChangesDetailsWithFlagsAndASecondSaveOfTheOldVersionIsRefused() {
    long schoolId = accounts.schoolIds().get(1);
    long pupilId = jdbc.sql("select max(id) from pupil where school_id = ?").param(schoolId).query(Long.class)
        .single();
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", schoolId));
    String edit = "/schools/" + schoolId + "/pupils/" + pupilId + "/edit";
    assertThat(senco.get(edit).status()).isEqualTo(200);

    Map<String, String> invalid = form(pupilId);
    invalid.put("legalSurname", "");
    invalid.put("dateOfBirth.month", "13");
    PageSession.Page refused = senco.post(edit, invalid);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("Enter the pupil&#39;s legal surname", "Date of birth must be a real date")
        .contains("value=\"13\"");

    Map<String, String> stale = form(pupilId);
    Map<String, String> changed = form(pupilId);
    changed.put("preferredForename", "Sunny");
    changed.put("flags", "YOUNG_CARER");
    assertThat(senco.post(edit, changed).status()).isEqualTo(302);
    assertThat(jdbc.sql("select preferred_forename from pupil where id = ?").param(pupilId).query(String.class)
        .single()).isEqualTo("Sunny");
    assertThat(jdbc.sql("select young_carer from pupil where id = ?").param(pupilId).query(Boolean.class).single())
        .isTrue();

    senco.get(edit);
    stale.put("preferredForename", "Overwritten");
    PageSession.Page conflict = senco.post(edit, stale);
    assertThat(conflict.status()).isEqualTo(200);
    assertThat(conflict.body()).contains("Someone else changed this record");
    assertThat(jdbc.sql("select preferred_forename from pupil where id = ?").param(pupilId).query(String.class)
        .single()).isEqualTo("Sunny");
    assertThat(jdbc.sql("select count(*) from audit_entry where action = 'UPDATE' and record_type = 'pupil' and record_id = ?")
        .param(String.valueOf(pupilId)).query(Long.class).single()).isEqualTo(1);
    // the change appears on the timeline
    assertThat(senco.get("/schools/" + schoolId + "/pupils/" + pupilId).body()).contains("Pupil details changed");
  }

  @Test
  void teacherMaySeeTheirPupilButNotEditIt() {
    long schoolId = accounts.schoolIds().getFirst();
    DemoAccounts.Account teacher = accounts.get("TEACHER", schoolId);
    long pupilId = jdbc.sql("""
            select min(p.id) from pupil p join class_staff cs on cs.class_id = p.class_id
            join staff s on s.id = cs.staff_id where lower(s.email) = ?""")
        .param(teacher.email()).query(Long.class).single();
    PageSession pages = SESSIONS.of(port, teacher);
    assertThat(pages.get("/schools/" + schoolId + "/pupils/" + pupilId).status()).isEqualTo(200);
    assertThat(pages.get("/schools/" + schoolId + "/pupils/" + pupilId + "/edit").status()).isEqualTo(403);
  }

  @Test
  void contactsAreAddedWithValidationChangedAndRemoved() {
    long schoolId = accounts.schoolIds().get(1);
    long pupilId = jdbc.sql("select min(id) from pupil where school_id = ?").param(schoolId).query(Long.class)
        .single();
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", schoolId));
    String add = "/schools/" + schoolId + "/pupils/" + pupilId + "/contacts/new";
    senco.get(add);
    PageSession.Page refused = senco.post(add, Map.of("name", "Jo Bloggs", "relationship", "", "email", "not-an-email",
        "version", "0"));
    assertThat(refused.body()).contains("Enter the contact&#39;s relationship to the pupil",
        "Select whether they have parental responsibility", "Enter an email address in the correct format")
        .contains("value=\"Jo Bloggs\"");
    long before = jdbc.sql("select count(*) from pupil_contact where pupil_id = ?").param(pupilId)
        .query(Long.class).single();
    assertThat(senco.post(add, Map.of("name", "Jo Bloggs", "relationship", "Aunt", "parentalResponsibility", "no",
        "phone", "07700 900123", "email", "jo@example.com", "preferredLanguage", "English", "version", "0"))
        .status()).isEqualTo(302);
    long contactId = jdbc.sql("select max(id) from pupil_contact where pupil_id = ?").param(pupilId)
        .query(Long.class).single();
    assertThat(before + 1).isEqualTo(jdbc.sql("select count(*) from pupil_contact where pupil_id = ?")
        .param(pupilId).query(Long.class).single());
    String edit = "/schools/" + schoolId + "/pupils/" + pupilId + "/contacts/" + contactId + "/edit";
    senco.get(edit);
    assertThat(senco.post(edit, Map.of("name", "Jo Bloggs", "relationship", "Aunt", "parentalResponsibility", "yes",
        "phone", "", "email", "", "preferredLanguage", "Polish", "version", "0")).status()).isEqualTo(302);
    assertThat(jdbc.sql("select preferred_language from pupil_contact where id = ?").param(contactId)
        .query(String.class).single()).isEqualTo("Polish");

    // A postal address is optional, but one that is started must be one a letter can reach.
    Map<String, String> contact = new HashMap<>(Map.of("name", "Jo Bloggs", "relationship", "Aunt",
        "parentalResponsibility", "yes", "phone", "", "email", "", "preferredLanguage", "Polish", "version", "1"));
    contact.putAll(Map.of("addressLine1", "12 Elm Road", "addressLine2", "", "town", "", "postcode", "LS1"));
    senco.get(edit);
    PageSession.Page halfAddress = senco.post(edit, contact);
    assertThat(halfAddress.status()).isEqualTo(200);
    assertThat(halfAddress.body()).contains("Enter the town or city", "Enter a real postcode, like LS1 4AB")
        .contains("value=\"12 Elm Road\"").contains("value=\"LS1\"");
    assertThat(jdbc.sql("select address_line_1 from pupil_contact where id = ?").param(contactId)
        .query(String.class).optional()).isEmpty();
    contact.putAll(Map.of("addressLine2", "Flat 2", "town", "Loughborough", "postcode", " le11  3ab "));
    assertThat(senco.post(edit, contact).status()).isEqualTo(302);
    assertThat(jdbc.sql("select postcode from pupil_contact where id = ?").param(contactId).query(String.class)
        .single()).isEqualTo("LE11 3AB");
    assertThat(senco.get("/schools/" + schoolId + "/pupils/" + pupilId).body())
        .contains("12 Elm Road<br>Flat 2<br>Loughborough<br>LE11 3AB");
    senco.get(edit);
    contact.putAll(Map.of("addressLine1", "", "addressLine2", "", "town", "", "postcode", "", "version", "2"));
    assertThat(senco.post(edit, contact).status()).isEqualTo(302);
    assertThat(jdbc.sql("select postcode from pupil_contact where id = ?").param(contactId).query(String.class)
        .optional()).isEmpty();
    senco.get(edit);
    assertThat(senco.post(edit.replace("/edit", "/remove"), Map.of()).status()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from pupil_contact where id = ?").param(contactId).query(Long.class)
        .single()).isZero();
  }
}
