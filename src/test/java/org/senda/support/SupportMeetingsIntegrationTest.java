package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.PageSession;
import org.senda.test.SendaTest;
import org.senda.test.SignedInSessions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Meetings with parents scheduled from the plan cycle, recorded on the pages, and what the SENCO sees overdue. */
@SendaTest
class SupportMeetingsIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  /** One session per account and server for the whole class: each sign-in needs a fresh security code. */
  private static final SignedInSessions SESSIONS = new SignedInSessions();

  private PageSession as(DemoAccounts.Account account) {
    return SESSIONS.of(port, account);
  }

  long school;
  DemoAccounts.Account senco;
  DemoAccounts.Account teacher;
  LocalDate today;

  @BeforeEach
  void setUp() {
    school = accounts.schoolIds().getFirst();
    senco = accounts.get("SENCO", school);
    teacher = accounts.get("TEACHER", school);
    today = LocalDate.now(clock);
  }

  /** A pupil the demo teacher teaches; each test reads only the meetings of the plan it makes. */
  private long pupilTaughtByTheTeacher(int skip) {
    return jdbc.sql("""
            select p.id from pupil p
            join class_staff cs on cs.class_id = p.class_id
            join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?) and p.school_id = ?
            order by p.id desc""")
        .params(teacher.email(), school).query(Long.class).list().get(skip);
  }

  private long activePlan(long pupil, LocalDate reviewDate) {
    String body = """
        {"outcomes":[{"description":"Reads the first 100 words","measure":"Words read from the list",
        "baseline":"22 of 100","target":"60 of 100","targetDate":"%s","strategies":["Pre-teach new words"]}],
        "wave":2,"reviewDate":"%s","status":"ACTIVE"}""".formatted(today.plusMonths(3), reviewDate);
    Api.Response created = new Api(port, senco.apiToken()).postJson("/api/v1/pupils/" + pupil + "/support-plans",
        body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  private List<Map<String, Object>> meetings(long plan) {
    return jdbc.sql("""
            select id, purpose, scheduled_on, held_on, version from support_meeting where plan_id = ?
            order by scheduled_on, id""")
        .param(plan).query().listOfRows();
  }

  private static LocalDate weekday(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.SATURDAY ? date.minusDays(1)
        : date.getDayOfWeek() == DayOfWeek.SUNDAY ? date.minusDays(2) : date;
  }

  @Test
  void makingAPlanActiveSchedulesTheMeetingToAgreeItAndTheReviewMeeting() {
    long pupil = pupilTaughtByTheTeacher(0);
    LocalDate review = today.plusWeeks(10);
    List<Map<String, Object>> meetings = meetings(activePlan(pupil, review));
    assertThat(meetings).extracting(m -> m.get("PURPOSE").toString()).containsExactly("PLAN_START", "REVIEW");
    assertThat(meetings.get(0).get("SCHEDULED_ON").toString()).isEqualTo(weekday(today).toString());
    assertThat(meetings.get(1).get("SCHEDULED_ON").toString()).isEqualTo(weekday(review).toString());
  }

  @Test
  void theMeetingsPageIsOpenToThoseWhoWorkWithThePupilAndOnlyTheSencoSchedulesAndRecords() {
    long pupil = pupilTaughtByTheTeacher(1);
    long plan = activePlan(pupil, today.plusWeeks(10));
    String path = "/schools/" + school + "/pupils/" + pupil + "/meetings";
    PageSession sencoPages = as(senco);
    PageSession.Page page = sencoPages.get(path);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Meetings with parents", "Agree the plan", "Review the plan",
        "Schedule a meeting");

    PageSession teacherPages = as(teacher);
    PageSession.Page asTeacher = teacherPages.get(path);
    assertThat(asTeacher.status()).isEqualTo(200);
    assertThat(asTeacher.body()).contains("Agree the plan").doesNotContain("Schedule a meeting");
    LocalDate next = weekday(today.plusDays(21));
    Map<String, String> schedule = Map.of("scheduledOn.day", String.valueOf(next.getDayOfMonth()),
        "scheduledOn.month", String.valueOf(next.getMonthValue()), "scheduledOn.year", String.valueOf(next.getYear()),
        "purpose", "MID_CYCLE");
    assertThat(teacherPages.post(path, schedule).status()).isEqualTo(403);
    long otherPupil = SupportFixtures.pupilNotTaughtBy(jdbc, teacher);
    assertThat(teacherPages.get("/schools/" + school + "/pupils/" + otherPupil + "/meetings").status())
        .isEqualTo(404);
    assertThat(as(accounts.get("SENCO", accounts.schoolIds().get(1))).get(path).status())
        .isEqualTo(404);

    Map<String, String> past = new HashMap<>(schedule);
    past.put("scheduledOn.year", String.valueOf(today.getYear() - 1));
    PageSession.Page refused = sencoPages.post(path, past);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("There is a problem", "The date of the meeting must be today or in the future");
    assertThat(meetings(plan)).hasSize(2);
    assertThat(sencoPages.post(path, schedule).status()).isEqualTo(302);
    assertThat(meetings(plan)).extracting(m -> m.get("PURPOSE").toString()).contains("MID_CYCLE").hasSize(3);
  }

  @Test
  void recordingAMeetingNeedsWhoAttendedAndWhatWasSaidAndASecondStaleSaveIsRefused() {
    long pupil = pupilTaughtByTheTeacher(2);
    long plan = activePlan(pupil, today.plusWeeks(10));
    Map<String, Object> start = meetings(plan).getFirst();
    String path = "/schools/" + school + "/meetings/" + start.get("ID");
    PageSession sencoPages = as(senco);
    assertThat(sencoPages.get(path).status()).isEqualTo(200);
    assertThat(as(teacher).get(path).status()).isEqualTo(403);

    Map<String, String> typed = new HashMap<>(Map.of("version", start.get("VERSION").toString(),
        "heldOn.day", String.valueOf(today.getDayOfMonth()), "heldOn.month", String.valueOf(today.getMonthValue()),
        "heldOn.year", String.valueOf(today.getYear()), "attendees", "",
        "notes", "Talked through the reading targets", "parentsView", "Happy with the plan",
        "agreedActions", "Read together for ten minutes a night"));
    PageSession.Page refused = sencoPages.post(path, typed);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body()).contains("Enter who attended the meeting", "Talked through the reading targets");
    assertThat(meetings(plan).getFirst().get("HELD_ON")).isNull();

    typed.put("attendees", "Mum, class teacher, SENCO");
    assertThat(sencoPages.post(path, typed).status()).isEqualTo(302);
    assertThat(meetings(plan).getFirst().get("HELD_ON").toString()).isEqualTo(today.toString());
    PageSession.Page page = sencoPages.get("/schools/" + school + "/pupils/" + pupil + "/meetings");
    assertThat(page.body()).contains("Mum, class teacher, SENCO", "Read together for ten minutes a night",
        "Talked through the reading targets");

    typed.put("attendees", "Dad and SENCO");
    PageSession.Page stale = as(accounts.get("HEADTEACHER", school)).post(path, typed);
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("Someone else changed this record while you were editing it", "Dad and SENCO");
    assertThat(jdbc.sql("select attendees from support_meeting where id = ?").param(start.get("ID"))
        .query(String.class).single()).isEqualTo("Mum, class teacher, SENCO");
  }

  @Test
  void theSencoSeesReviewsPastTheirDateAndMeetingsNotRecordedAndTheTeacherSeesTheirPupilsOverdueReviews() {
    long pupil = pupilTaughtByTheTeacher(3);
    long plan = activePlan(pupil, today.plusWeeks(10));
    String name = jdbc.sql("select coalesce(preferred_forename, legal_forename) from pupil where id = ?").param(pupil)
        .query(String.class).single();
    // The plan's review date and its first meeting have passed with nothing recorded.
    jdbc.sql("update support_plan_cycle set review_date = ? where plan_id = ?").params(today.minusDays(3), plan)
        .update();
    jdbc.sql("update support_meeting set scheduled_on = ? where plan_id = ? and purpose = 'PLAN_START'")
        .params(today.minusDays(40), plan).update();

    PageSession sencoPages = as(senco);
    PageSession.Page overdue = sencoPages.get("/schools/" + school + "/support/overdue");
    assertThat(overdue.status()).isEqualTo(200);
    String reviews = overdue.body().substring(0, overdue.body().indexOf("Meetings with parents overdue"));
    String meetingsPart = overdue.body().substring(overdue.body().indexOf("Meetings with parents overdue"));
    assertThat(reviews).contains("/support-plans/" + plan + "\"", name);
    assertThat(meetingsPart).contains("/pupils/" + pupil + "/meetings\"");
    assertThat(as(teacher).get("/schools/" + school + "/support/overdue").status())
        .isEqualTo(403);

    assertThat(sencoPages.get("/schools/" + school + "/support-plans/" + plan).body())
        .contains("The review is overdue");
    long classId = jdbc.sql("select class_id from pupil where id = ?").param(pupil).query(Long.class).single();
    PageSession.Page classPage = as(teacher)
        .get("/schools/" + school + "/classes/" + classId + "/send");
    assertThat(classPage.body()).contains("Review overdue since", "/support-plans/" + plan + "\"");
    PageSession.Page pupilPage = sencoPages.get("/schools/" + school + "/pupils/" + pupil);
    assertThat(pupilPage.body()).contains("SEN support", "Overdue", "Not recorded since");
  }

  @Test
  void theReviewIsRecordedAsTheReviewMeetingAndTheNextCycleGetsItsOwn() {
    long pupil = pupilTaughtByTheTeacher(4);
    long plan = activePlan(pupil, today.plusWeeks(10));
    Api api = new Api(port, senco.apiToken());
    long outcome = api.get("/api/v1/support-plans/" + plan).json().get("outcomes").get(0).get("id").asLong();
    Api.Response review = api.postJson("/api/v1/support-plans/" + plan + "/reviews", """
        {"heldOn":"%s","outcomes":[{"outcomeId":%d,"result":"PARTLY","evidence":"41 of 100"}],
         "pupilView":"The games help","parentsView":"Reading more at home","decision":"CONTINUE"}"""
        .formatted(today, outcome));
    assertThat(review.status()).as(review.body()).isEqualTo(201);
    List<Map<String, Object>> meetings = meetings(plan);
    assertThat(meetings).filteredOn(m -> m.get("HELD_ON") != null)
        .extracting(m -> m.get("PURPOSE").toString()).containsExactly("REVIEW");
    assertThat(jdbc.sql("select parents_view from support_meeting where plan_id = ? and held_on is not null")
        .param(plan).query(String.class).single()).isEqualTo("Reading more at home");
    assertThat(meetings).filteredOn(m -> m.get("HELD_ON") == null)
        .extracting(m -> m.get("PURPOSE").toString()).contains("PLAN_START", "REVIEW");
    assertThat(jdbc.sql("select count(distinct cycle_id) from support_meeting where plan_id = ?").param(plan)
        .query(Integer.class).single()).isEqualTo(2);
    PageSession.Page pupilPage = as(senco).get("/schools/" + school + "/pupils/" + pupil);
    assertThat(pupilPage.body()).contains("Support plan made active", "Support plan reviewed with parents");
  }

  @Test
  void aCancelledMeetingStaysInTheRecordIsNoLongerOverdueAndIsRescheduledByANewOne() {
    // The lowest-numbered pupil of the class without a plan or meetings: the other tests take the highest.
    long pupil = jdbc.sql("""
            select min(p.id) from pupil p
            join class_staff cs on cs.class_id = p.class_id
            join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?) and p.school_id = ?
              and not exists (select 1 from support_plan sp where sp.pupil_id = p.id)
              and not exists (select 1 from support_meeting m where m.pupil_id = p.id)""")
        .params(teacher.email(), school).query(Long.class).single();
    long plan = activePlan(pupil, today.plusWeeks(10));
    // The meeting to agree the plan passed a week ago without being recorded: overdue.
    Map<String, Object> start = meetings(plan).getFirst();
    jdbc.sql("update support_meeting set scheduled_on = ? where id = ?").params(today.minusDays(7), start.get("ID"))
        .update();
    String overduePath = "/schools/" + school + "/support/overdue";
    String meetingsLink = "/pupils/" + pupil + "/meetings\"";
    PageSession sencoPages = as(senco);
    assertThat(meetingsOverdue(sencoPages.get(overduePath).body())).contains(meetingsLink);

    String cancel = "/schools/" + school + "/meetings/" + start.get("ID") + "/cancel";
    String version = start.get("VERSION").toString();
    assertThat(as(teacher).get(cancel).status()).isEqualTo(403);
    assertThat(as(teacher).post(cancel, Map.of("reason", "Mum is ill", "version", version)).status())
        .isEqualTo(403);
    assertThat(as(accounts.get("SENCO", accounts.schoolIds().get(1))).get(cancel).status()).isEqualTo(404);
    assertThat(sencoPages.get(cancel).status()).isEqualTo(200);

    PageSession.Page noReason = sencoPages.post(cancel, Map.of("reason", " ", "version", version));
    assertThat(noReason.status()).isEqualTo(200);
    assertThat(noReason.body()).contains("There is a problem", "Enter why the meeting is cancelled");
    PageSession.Page stale = sencoPages.post(cancel, Map.of("reason", "Mum is ill and asked to rearrange",
        "version", String.valueOf(Integer.parseInt(version) - 1)));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains("Someone else changed this record while you were editing it",
        "Mum is ill and asked to rearrange");
    assertThat(jdbc.sql("select cancelled_on from support_meeting where id = ?").param(start.get("ID"))
        .query(LocalDate.class).optional()).isEmpty();

    PageSession.Page cancelled = sencoPages.post(cancel, Map.of("reason", "Mum is ill and asked to rearrange",
        "version", version));
    assertThat(cancelled.status()).isEqualTo(302);
    Map<String, Object> row = jdbc.sql("""
            select cancelled_on, cancel_reason, cancelled_by, held_on from support_meeting where id = ?""")
        .param(start.get("ID")).query().singleRow();
    assertThat(row.get("CANCELLED_ON").toString()).isEqualTo(today.toString());
    assertThat(row.get("CANCEL_REASON")).isEqualTo("Mum is ill and asked to rearrange");
    assertThat(row.get("CANCELLED_BY").toString()).isEqualToIgnoringCase(senco.email());
    assertThat(row.get("HELD_ON")).isNull();
    assertThat(jdbc.sql("""
            select count(*) from audit_entry where record_type = 'support-meeting' and record_id = ?
              and action = 'UPDATE' and detail like '%cancelled%'""")
        .param(start.get("ID").toString()).query(Integer.class).single()).isEqualTo(1);

    String meetingsPath = "/schools/" + school + "/pupils/" + pupil + "/meetings";
    PageSession.Page page = as(teacher).get(meetingsPath);
    String cancelledPart = page.body().substring(page.body().indexOf(">Cancelled</h2>"));
    assertThat(cancelledPart).contains("Mum is ill and asked to rearrange", "Agree the plan");
    assertThat(page.body()).doesNotContain("Not recorded");
    assertThat(meetingsOverdue(sencoPages.get(overduePath).body())).doesNotContain(meetingsLink);
    PageSession.Page pupilPage = sencoPages.get("/schools/" + school + "/pupils/" + pupil);
    assertThat(pupilPage.body()).contains("Meeting with parents cancelled").doesNotContain("Not recorded since");

    int after = jdbc.sql("select version from support_meeting where id = ?").param(start.get("ID"))
        .query(Integer.class).single();
    PageSession.Page again = sencoPages.post(cancel, Map.of("reason", "Twice", "version", String.valueOf(after)));
    assertThat(again.body()).contains("This meeting has already been cancelled");
    PageSession.Page recordCancelled = sencoPages.post("/schools/" + school + "/meetings/" + start.get("ID"),
        Map.of("version", String.valueOf(after), "heldOn.day", String.valueOf(today.getDayOfMonth()),
            "heldOn.month", String.valueOf(today.getMonthValue()), "heldOn.year", String.valueOf(today.getYear()),
            "attendees", "Mum", "notes", "Talked"));
    assertThat(recordCancelled.status()).isEqualTo(200);
    assertThat(recordCancelled.body()).contains("This meeting was cancelled");

    LocalDate next = weekday(today.plusDays(14));
    assertThat(sencoPages.post(meetingsPath, Map.of("scheduledOn.day", String.valueOf(next.getDayOfMonth()),
        "scheduledOn.month", String.valueOf(next.getMonthValue()), "scheduledOn.year", String.valueOf(next.getYear()),
        "purpose", "PLAN_START")).status()).isEqualTo(302);
    assertThat(jdbc.sql("""
            select count(*) from support_meeting where pupil_id = ? and purpose = 'PLAN_START' and held_on is null
              and cancelled_on is null and scheduled_on = ?""")
        .params(pupil, next).query(Integer.class).single()).isEqualTo(1);
    assertThat(sencoPages.get("/schools/" + school + "/pupils/" + pupil).body()).contains("Meeting with parents cancelled");
  }

  private static String meetingsOverdue(String body) {
    return body.substring(body.indexOf("Meetings with parents overdue"));
  }
}
