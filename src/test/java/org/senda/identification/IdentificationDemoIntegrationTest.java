package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
import tools.jackson.databind.JsonNode;

/**
 * The demo trust's causes for concern that started SEN support, as the SENCO of its first school finds them: the
 * register says support began the day the concern was decided, the parents were told, and a parent with a phone
 * number and no email address has a letter still to post while another's was posted. And what the demo promises in
 * every school: a flagged pupil with EAL and the caution, a low attainer catching up who is not flagged, and causes
 * for concern at every stage.
 */
@SendaTest
class IdentificationDemoIntegrationTest {

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

  /** The demo's letters in a school: written the day support began, weeks ago, where tests write theirs today. */
  private List<Map<String, Object>> demoLetters(long schoolId) {
    return jdbc.sql("""
            select l.concern_id, l.pupil_id, l.contact_id, l.parent_name, l.posted_on, l.posted_by_name,
              c.decided_on, c.decision
            from parent_notice_letter l join concern c on c.id = l.concern_id
            where l.school_id = ? and l.created_at < ? order by l.id""")
        .params(schoolId, LocalDate.now(clock).minusDays(7).atStartOfDay(clock.getZone()).toOffsetDateTime())
        .query().listOfRows();
  }

  @Test
  void theDemoSencoHasALetterToPostAndOneRecordedAsPosted() {
    long school = accounts.schoolIds().getFirst();
    List<Map<String, Object>> letters = demoLetters(school);
    Map<String, Object> toPost = letters.stream().filter(l -> l.get("posted_on") == null).findFirst().orElseThrow();
    Map<String, Object> posted = letters.stream().filter(l -> l.get("posted_on") != null).findFirst().orElseThrow();
    PageSession senco = SESSIONS.of(port, accounts.get("SENCO", school));

    PageSession.Page list = senco.get("/schools/" + school + "/identification/letters");
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.body()).contains(html(toPost.get("parent_name")),
        "/concerns/" + toPost.get("concern_id") + "/letters/");

    String postedOn = DAY.format(LocalDate.parse(posted.get("posted_on").toString()));
    PageSession.Page concern = senco.get("/schools/" + school + "/concerns/" + posted.get("concern_id"));
    assertThat(concern.body()).contains("Posted on " + postedOn + " by " + html(posted.get("posted_by_name")));
    PageSession.Page pupil = senco.get("/schools/" + school + "/pupils/" + posted.get("pupil_id"));
    assertThat(pupil.body()).containsPattern(NoticeLettersIntegrationTest.timelineEntry(
        LocalDate.parse(posted.get("posted_on").toString()), "Letter to parents posted",
        "The letter saying SEN support has started, to " + html(posted.get("parent_name"))));
  }

  @Test
  void theDemoParentsWithoutEmailHaveAPhoneAndTheirChildrenBeganSenSupportTheDayTheConcernWasDecided() {
    for (long school : accounts.schoolIds().subList(0, 2)) {
      List<Map<String, Object>> letters = demoLetters(school);
      assertThat(letters).as("school " + school).isNotEmpty();
      for (Map<String, Object> letter : letters) {
        assertThat(letter.get("decision")).isEqualTo("START_SEN_SUPPORT");
        Map<String, Object> parent = jdbc.sql("select email, phone from pupil_contact where id = ?")
            .param(letter.get("contact_id")).query().singleRow();
        assertThat(parent.get("email")).isNull();
        assertThat(parent.get("phone")).isNotNull();
        Map<String, Object> entry = jdbc.sql("select status, status_since from register_entry where pupil_id = ?")
            .param(letter.get("pupil_id")).query().singleRow();
        assertThat(entry.get("status")).isEqualTo("K");
        assertThat(entry.get("status_since").toString()).isEqualTo(letter.get("decided_on").toString());
        assertThat(LocalDate.parse(letter.get("decided_on").toString())).isBefore(LocalDate.now(clock));
      }
    }
    // Parents with an email address were told by email the day support began.
    assertThat(jdbc.sql("""
            select count(*) from parent_notice n join concern c on c.id = n.concern_id
            where c.decision = 'START_SEN_SUPPORT' and n.sent_at is not null and n.starts_on = c.decided_on
              and c.decided_on < ?""")
        .param(LocalDate.now(clock).minusDays(7)).query(Integer.class).single()).isPositive();
  }

  @Test
  void everyDemoSchoolShowsAFlaggedEalPupilWithTheCautionALowAttainerCatchingUpWhoIsNotFlaggedAndConcernsAtEveryStage() {
    for (long school : accounts.schoolIds()) {
      Api api = new Api(port, accounts.get("SENCO", school).apiToken());
      JsonNode flags = api.get("/api/v1/schools/" + school + "/progress-flags").json();
      java.util.Set<String> flagged = new java.util.HashSet<>();
      boolean ealWithCaution = false;
      for (JsonNode flag : flags) {
        long pupil = flag.get("pupilId").asLong();
        flagged.add(pupil + "/" + flag.get("subject").asString());
        boolean caution = flag.get("cautions").valueStream().anyMatch(c -> c.get("code").asString().equals("EAL"));
        ealWithCaution |= caution && jdbc.sql("select eal from pupil where id = ?").param(pupil)
            .query(Boolean.class).single();
      }
      assertThat(ealWithCaution).as("school %d: a flagged pupil with EAL and the caution", school).isTrue();

      // Low at the start, higher at every assessment point since, still below the year group: not flagged.
      List<String> catchingUp = catchingUp(school);
      assertThat(catchingUp).as("school %d: low attainers catching up", school).isNotEmpty();
      String notFlagged = catchingUp.stream().filter(c -> !flagged.contains(c)).findFirst().orElse(null);
      assertThat(notFlagged).as("school %d: a low attainer catching up who is not flagged", school).isNotNull();
      PageSession.Page explained = SESSIONS.of(port, accounts.get("SENCO", school))
          .get("/schools/" + school + "/identification/pupils/" + notFlagged);
      assertThat(explained.body()).contains("None: this pupil");

      assertThat(jdbc.sql("select distinct status from concern where school_id = ? and raised_on < ?")
          .params(school, LocalDate.now(clock).minusDays(7)).query(String.class).list())
          .as("school %d: the demo's causes for concern at every stage", school)
          .contains("RAISED", "GATHERING_EVIDENCE", "PARENT_DISCUSSION", "DECIDED");
    }
  }

  /**
   * The pupils and subjects ({@code pupil/subject}) of the school whose scores start at 80 or below and rise at every
   * one of at least six assessment points to no more than 92: low attainers closing the gap to a year group near 100.
   */
  private List<String> catchingUp(long school) {
    java.util.Map<String, List<Double>> scores = new java.util.LinkedHashMap<>();
    jdbc.sql("""
            select s.pupil_id, sub.code, s.score from assessment_score s
            join assessment_subject sub on sub.id = s.subject_id join assessment_point ap on ap.id = s.point_id
            where s.school_id = ? order by s.pupil_id, sub.code, ap.assessed_on""")
        .param(school)
        .query(rs -> {
          scores.computeIfAbsent(rs.getLong(1) + "/" + rs.getString(2), k -> new java.util.ArrayList<>())
              .add(rs.getDouble(3));
        });
    return scores.entrySet().stream()
        .filter(e -> {
          List<Double> s = e.getValue();
          boolean rising = java.util.stream.IntStream.range(1, s.size()).allMatch(i -> s.get(i) > s.get(i - 1));
          return s.size() >= 6 && rising && s.getFirst() <= 80 && s.getLast() <= 92;
        })
        .map(java.util.Map.Entry::getKey)
        .toList();
  }

  private static String html(Object text) {
    return NoticeLettersIntegrationTest.html(text.toString());
  }
}
