package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
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

/**
 * A parent with parental responsibility and no email address is owed the formal notice that SEN support has started
 * (Children and Families Act 2014 s.68) by post: the SENCO sees the letter to post in the school's list and on the
 * concern, downloads it, and records the day it was posted; a date in the future, before the letter was written or
 * not given is refused in plain words, a stale form overwrites nothing, and only those who manage SEND in the school
 * see or record the letters.
 */
@SendaTest
class NoticeLettersIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  long school() {
    return accounts.schoolIds().get(0);
  }

  long otherSchool() {
    return accounts.schoolIds().get(1);
  }

  PageSession page(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  /**
   * A pupil with no SEN and no concern yet, whose first parent with parental responsibility has no email address and
   * whose other parent has one.
   */
  synchronized Parent pupilWithAParentWithoutEmail() {
    long pupilId = jdbc.sql("""
            select max(p.id) from pupil p left join register_entry re on re.pupil_id = p.id
            where p.school_id = ? and p.leaving_date is null
              and (re.pupil_id is null or re.status = 'N' and re.monitor_until is null)
              and not exists (select 1 from concern c where c.pupil_id = p.id)
              and (select count(*) from pupil_contact pc where pc.pupil_id = p.id and pc.parental_responsibility
                   and pc.email is not null) = 2""")
        .param(school()).query(Long.class).single();
    Map<String, Object> parent = jdbc.sql("""
            select id, name from pupil_contact where pupil_id = ? and parental_responsibility
            order by contact_order, id limit 1""").param(pupilId).query().singleRow();
    long contactId = ((Number) parent.get("id")).longValue();
    jdbc.sql("update pupil_contact set email = null where id = ?").param(contactId).update();
    // Raising the concern now keeps the next call from picking the same pupil.
    long concernId = raiseConcern(pupilId);
    return new Parent(pupilId, contactId, (String) parent.get("name"), concernId);
  }

  record Parent(long pupilId, long contactId, String name, long concernId) {}

  long raiseConcern(long pupilId) {
    Api.Response raised = new Api(port, accounts.get("SENCO", school()).apiToken())
        .postJson("/api/v1/pupils/" + pupilId + "/concerns", """
            {"areas":["COGNITION_AND_LEARNING"],"evidence":"Reading book level unchanged since September",
             "triedInClass":"Daily phonics keep-up group"}""");
    assertThat(raised.status()).isEqualTo(201);
    return raised.json().get("id").asLong();
  }

  String concernVersion(long concernId) {
    return String.valueOf(jdbc.sql("select version from concern where id = ?").param(concernId)
        .query(Integer.class).single());
  }

  /** Takes the concern through the discussion with the parents to starting SEN support, and waits for the letter. */
  long startSenSupport(Parent parent) {
    String base = "/schools/" + school() + "/concerns/" + parent.concernId();
    PageSession senco = page("SENCO", school());
    LocalDate today = LocalDate.now(clock);
    assertThat(senco.post(base + "/discussion", date("heldOn", today, Map.of(
        "version", concernVersion(parent.concernId()), "attendees", "Dad, class teacher, SENCO",
        "notes", "Talked about reading", "parentViews", "He reads at home with us",
        "nextSteps", "Extra phonics"))).status()).isEqualTo(302);
    assertThat(senco.post(base + "/decision", Map.of("version", concernVersion(parent.concernId()),
        "decision", "START_SEN_SUPPORT", "primaryNeed", "SPLD",
        "reason", "Phonics screening shows a specific difficulty")).status()).isEqualTo(302);
    return await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
            "select id from parent_notice_letter where concern_id = ? and contact_id = ?")
        .params(parent.concernId(), parent.contactId()).query(Long.class).optional(), Optional::isPresent)
        .orElseThrow();
  }

  static Map<String, String> date(String prefix, LocalDate date, Map<String, String> fields) {
    Map<String, String> all = new HashMap<>(fields);
    all.put(prefix + ".day", String.valueOf(date.getDayOfMonth()));
    all.put(prefix + ".month", String.valueOf(date.getMonthValue()));
    all.put(prefix + ".year", String.valueOf(date.getYear()));
    return all;
  }

  int audited(String recordType, String action, Object recordId) {
    return jdbc.sql("select count(*) from audit_entry where record_type = ? and action = ? and record_id = ?")
        .params(recordType, action, recordId.toString()).query(Integer.class).single();
  }

  int auditedList(long schoolId) {
    return jdbc.sql("""
            select count(*) from audit_entry where record_type = 'parent-notice-letter' and action = 'VIEW'
              and record_id is null and school_id = ?""")
        .param(schoolId).query(Integer.class).single();
  }

  static String html(String text) {
    return text.replace("'", "&#39;");
  }

  @Test
  void theSencoSeesTheLetterToPostDownloadsItAndRecordsTheDayItWasPosted() {
    Parent parent = pupilWithAParentWithoutEmail();
    long letterId = startSenSupport(parent);
    String concern = "/schools/" + school() + "/concerns/" + parent.concernId();
    String record = concern + "/letters/" + letterId;
    String pdf = concern + "/notice/" + parent.contactId() + ".pdf";
    String list = "/schools/" + school() + "/identification/letters";
    PageSession senco = page("SENCO", school());

    assertThat(jdbc.sql("select recipients from parent_notice where concern_id = ?").param(parent.concernId())
        .query(String.class).single()).contains(parent.name() + ": no email address, post the letter");
    PageSession.Page onConcern = senco.get(concern);
    assertThat(onConcern.body()).contains("Letters to post", html(parent.name()), "Not posted",
        "href=\"" + pdf + "\"", "href=\"" + record + "\"");

    int listsAudited = auditedList(school());
    PageSession.Page toPost = senco.get(list);
    assertThat(toPost.status()).isEqualTo(200);
    assertThat(toPost.body()).contains(html(parent.name()), "href=\"" + pdf + "\"",
        "href=\"" + record + "?from=list\"");
    assertThat(auditedList(school())).isEqualTo(listsAudited + 1);
    // Each letter shows where it goes, or that the school has no address to post it to and where to add one.
    String postcode = jdbc.sql("select postcode from pupil_contact where id = ?").param(parent.contactId())
        .query(String.class).single();
    assertThat(toPost.body()).contains(postcode);
    jdbc.sql("update pupil_contact set address_line_1 = null, address_line_2 = null, town = null, postcode = null"
        + " where id = ?").param(parent.contactId()).update();
    assertThat(senco.get(list).body()).contains("No postal address", "href=\"/schools/" + school() + "/pupils/"
        + parent.pupilId() + "/contacts/" + parent.contactId() + "/edit\"");
    assertThat(senco.get("/schools/" + school() + "/identification").body())
        .containsPattern("identification/letters\"[^>]*>Letters to post \\(\\d+\\)<");

    PageSession.Page download = senco.get(pdf);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type").orElseThrow()).startsWith("application/pdf");

    PageSession.Page form = senco.get(record + "?from=list");
    assertThat(form.status()).isEqualTo(200);
    assertThat(form.body()).contains("Record that the letter was posted", html(parent.name()),
        "name=\"from\" value=\"list\"");
    assertThat(audited("parent-notice-letter", "VIEW", letterId)).isEqualTo(1);

    LocalDate today = LocalDate.now(clock);
    PageSession.Page posted = senco.post(record, date("postedOn", today, Map.of("version", "0", "from", "list")));
    assertThat(posted.status()).isEqualTo(302);
    assertThat(posted.location()).endsWith(list);
    Map<String, Object> row = jdbc.sql("select posted_on, posted_by_name, version from parent_notice_letter where id = ?")
        .param(letterId).query().singleRow();
    assertThat(row.get("POSTED_ON").toString()).isEqualTo(today.toString());
    String by = (String) row.get("POSTED_BY_NAME");
    assertThat(by).isNotBlank();
    assertThat(((Number) row.get("VERSION")).intValue()).isEqualTo(1);
    assertThat(audited("parent-notice-letter", "UPDATE", letterId)).isEqualTo(1);

    assertThat(senco.get(list).body()).contains("Letter to " + html(parent.name()) + " recorded as posted on "
        + DAY.format(today)).doesNotContain("href=\"" + record + "?from=list\"");
    assertThat(senco.get(concern).body()).contains("Posted on " + DAY.format(today) + " by " + html(by),
        "Change the date posted");
  }

  @Test
  void theEmailAndTheLetterPostedAreOnThePupilsTimelineForThoseWhoSeeThePupilAndNobodyElse() {
    Parent parent = pupilWithAParentWithoutEmail();
    String emailed = jdbc.sql("""
            select name from pupil_contact where pupil_id = ? and parental_responsibility and email is not null""")
        .param(parent.pupilId()).query(String.class).single();
    String pupilPage = "/schools/" + school() + "/pupils/" + parent.pupilId();
    PageSession senco = page("SENCO", school());
    senco.get(pupilPage);
    PageSession.Page raised = senco.get(pupilPage);
    assertThat(raised.body()).contains("Cause for concern raised").doesNotContain("Parents told by email")
        .doesNotContain("Letter to parents posted");

    long letterId = startSenSupport(parent);
    LocalDate today = LocalDate.now(clock);
    PageSession.Page notYetPosted = senco.get(pupilPage);
    assertThat(notYetPosted.body()).contains("Parents told by email",
        "The letter saying SEN support has started, to " + html(emailed)).doesNotContain("Letter to parents posted");
    String record = "/schools/" + school() + "/concerns/" + parent.concernId() + "/letters/" + letterId;
    assertThat(senco.post(record, date("postedOn", today, Map.of("version", "0"))).status()).isEqualTo(302);

    PageSession.Page posted = senco.get(pupilPage);
    assertThat(posted.status()).isEqualTo(200);
    assertThat(posted.body()).containsPattern(timelineEntry(today, "Letter to parents posted",
        "The letter saying SEN support has started, to " + html(parent.name())));
    assertThat(posted.body()).containsPattern(timelineEntry(today, "Parents told by email",
        "The letter saying SEN support has started, to " + html(emailed)));
    // Read with the concerns the page already reads: no statement more than before the decision, within the pupil
    // page's bound (PupilPageStatementsIntegrationTest).
    SqlStatements.assertBounded(23, SqlStatements.of(raised), SqlStatements.of(notYetPosted),
        SqlStatements.of(posted));

    // Whoever sees the pupil, and so the concern, sees how the parents were told.
    for (String role : new String[] {"HEADTEACHER", "DSL"}) {
      assertThat(page(role, school()).get(pupilPage).body()).as(role)
          .contains("Letter to parents posted", "Parents told by email", html(parent.name()));
    }
    boolean teaches = jdbc.sql("""
            select count(*) from pupil p join class_staff cs on cs.class_id = p.class_id
            join staff s on s.id = cs.staff_id where p.id = ? and lower(s.email) = ?""")
        .params(parent.pupilId(), accounts.get("TEACHER", school()).email().toLowerCase(Locale.ROOT))
        .query(Integer.class).single() > 0;
    PageSession.Page teacher = page("TEACHER", school()).get(pupilPage);
    assertThat(teacher.status()).isEqualTo(teaches ? 200 : 404);
    assertThat(teacher.body().contains("Letter to parents posted")).isEqualTo(teaches);
    // Nobody else: the pupil is not found for those who may not see it, as before.
    for (PageSession other : new PageSession[] {page("GOVERNOR", school()), page("SENCO", otherSchool())}) {
      PageSession.Page refused = other.get(pupilPage);
      assertThat(refused.status()).isEqualTo(404);
      assertThat(refused.body()).doesNotContain("Letter to parents posted").doesNotContain(html(parent.name()));
    }
  }

  /** One entry of the pupil page's timeline: its date, its title and the detail under it, in one list item. */
  static java.util.regex.Pattern timelineEntry(LocalDate on, String title, String detail) {
    String within = "(?:(?!</li>).)*?";
    return java.util.regex.Pattern.compile("<li[^>]*>" + within + "datetime=\"" + on + "\"" + within
        + java.util.regex.Pattern.quote(title) + within + java.util.regex.Pattern.quote(detail) + within + "</li>",
        java.util.regex.Pattern.DOTALL);
  }

  @Test
  void aDateInTheFutureBeforeTheLetterWasWrittenOrMissingIsRefusedAndAStaleFormOverwritesNothing() {
    Parent parent = pupilWithAParentWithoutEmail();
    long letterId = startSenSupport(parent);
    String record = "/schools/" + school() + "/concerns/" + parent.concernId() + "/letters/" + letterId;
    PageSession senco = page("SENCO", school());
    LocalDate today = LocalDate.now(clock);

    PageSession.Page blank = senco.post(record, Map.of("version", "0", "postedOn.day", "", "postedOn.month", "",
        "postedOn.year", ""));
    assertThat(blank.status()).isEqualTo(200);
    assertThat(blank.body()).contains("There is a problem", "Enter the date the letter was posted");

    PageSession.Page partial = senco.post(record, Map.of("version", "0", "postedOn.day", "14",
        "postedOn.month", "", "postedOn.year", "2026"));
    assertThat(partial.body()).contains("The date the letter was posted must include a month", "value=\"14\"");

    LocalDate tomorrow = today.plusDays(1);
    PageSession.Page future = senco.post(record, date("postedOn", tomorrow, Map.of("version", "0")));
    assertThat(future.status()).isEqualTo(200);
    assertThat(future.body()).contains("There is a problem", "The date the letter was posted must be today or in the past",
        "value=\"" + tomorrow.getYear() + "\"", "value=\"" + tomorrow.getDayOfMonth() + "\"");

    PageSession.Page before = senco.post(record, date("postedOn", today.minusDays(1), Map.of("version", "0")));
    assertThat(before.status()).isEqualTo(200);
    assertThat(before.body()).contains("The date the letter was posted must be on or after " + DAY.format(today)
        + ", the day the letter was written");

    // Someone else recorded it meanwhile: this person's form, opened before, saves nothing.
    jdbc.sql("""
            update parent_notice_letter set posted_on = ?, posted_by_name = 'A colleague', version = version + 1
            where id = ?""").params(today, letterId).update();
    PageSession.Page stale = senco.post(record, date("postedOn", today, Map.of("version", "0")));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains(ConcurrentEdit.MESSAGE.substring(0, 40),
        "Recorded as posted on " + DAY.format(today) + " by A colleague", "name=\"version\" value=\"1\"");
    assertThat(jdbc.sql("select posted_by_name from parent_notice_letter where id = ?").param(letterId)
        .query(String.class).single()).isEqualTo("A colleague");
    assertThat(audited("parent-notice-letter", "UPDATE", letterId)).isZero();
  }

  @Test
  void onlyTheSencoAndHeadteacherOfTheSchoolSeeOrRecordTheLetters() {
    Parent parent = pupilWithAParentWithoutEmail();
    long letterId = startSenSupport(parent);
    String record = "/schools/" + school() + "/concerns/" + parent.concernId() + "/letters/" + letterId;
    String list = "/schools/" + school() + "/identification/letters";
    Map<String, String> today = date("postedOn", LocalDate.now(clock), Map.of("version", "0"));

    assertThat(page("HEADTEACHER", school()).get(list).status()).isEqualTo(200);
    assertThat(page("HEADTEACHER", school()).get(list).body()).contains(html(parent.name()));
    assertThat(page("HEADTEACHER", school()).get(record).status()).isEqualTo(200);
    for (String role : new String[] {"TEACHER", "GOVERNOR", "DSL", "SCHOOL_ADMIN"}) {
      assertThat(page(role, school()).get(list).status()).as(role).isEqualTo(403);
      assertThat(page(role, school()).get(record).status()).as(role).isEqualTo(403);
      assertThat(page(role, school()).post(record, today).status()).as(role).isEqualTo(403);
    }
    assertThat(page("TEACHER", school()).get("/schools/" + school() + "/identification").body())
        .doesNotContain("identification/letters");
    PageSession otherSenco = page("SENCO", otherSchool());
    assertThat(otherSenco.get(list).status()).isEqualTo(404);
    assertThat(otherSenco.get(record).status()).isEqualTo(404);
    assertThat(otherSenco.post(record, today).status()).isEqualTo(404);
    // The letter read through the other school's address, or through another concern, is not found.
    assertThat(otherSenco.get("/schools/" + otherSchool() + "/concerns/" + parent.concernId() + "/letters/"
        + letterId).status()).isEqualTo(404);
    assertThat(otherSenco.get("/schools/" + otherSchool() + "/identification/letters").body())
        .doesNotContain(html(parent.name()));
    long otherConcern = jdbc.sql("select max(id) from concern where school_id = ? and id <> ?")
        .params(school(), parent.concernId()).query(Long.class).single();
    assertThat(page("SENCO", school()).get("/schools/" + school() + "/concerns/" + otherConcern + "/letters/"
        + letterId).status()).isEqualTo(404);

    assertThat(jdbc.sql("select posted_on from parent_notice_letter where id = ?").param(letterId)
        .query(LocalDate.class).optional()).isEmpty();
    assertThat(audited("parent-notice-letter", "UPDATE", letterId)).isZero();
  }

  @Test
  void theListRunsTheSameStatementsHoweverManyLettersThereAre() {
    Parent parent = pupilWithAParentWithoutEmail();
    startSenSupport(parent);
    String list = "/schools/" + school() + "/identification/letters";
    PageSession senco = page("SENCO", school());
    senco.get(list);
    PageSession.Page fewer = senco.get(list);
    // Letters to the parents of other pupils of the school, as older notices left them.
    jdbc.sql("""
            insert into parent_notice (school_id, pupil_id, concern_id, starts_on, recipients, created_at)
            select c.school_id, c.pupil_id, c.id, current_date, 'Parent: no email address, post the letter',
              current_timestamp
            from concern c where c.school_id = ? and c.id <> ?
              and not exists (select 1 from parent_notice n where n.concern_id = c.id)
              and c.id in (select min(c2.id) from concern c2 where c2.school_id = ? group by c2.pupil_id)
              and c.id <= (select min(c3.id) + 40 from concern c3 where c3.school_id = ?)""")
        .params(school(), parent.concernId(), school(), school()).update();
    int added = jdbc.sql("""
            insert into parent_notice_letter (notice_id, concern_id, school_id, pupil_id, contact_id, parent_name,
              relationship, created_at)
            select n.id, n.concern_id, n.school_id, n.pupil_id, null, 'Parent of pupil ' || n.pupil_id, 'Mother',
              n.created_at
            from parent_notice n where n.school_id = ? and n.recipients = 'Parent: no email address, post the letter'
              and not exists (select 1 from parent_notice_letter l where l.notice_id = n.id)""")
        .param(school()).update();
    assertThat(added).isGreaterThan(1);
    PageSession.Page more = senco.get(list);
    assertThat(more.body()).contains(html(parent.name()), "Parent of pupil");
    // One query for the letters, one for their pupils and one for the parents' addresses, besides the session,
    // school and audit, however many.
    SqlStatements.assertBounded(11, SqlStatements.of(fewer), SqlStatements.of(more));
  }
}
