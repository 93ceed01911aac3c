package org.senda.identification;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import java.time.LocalDate;
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

/** A SENCO takes a cause for concern through evidence and a discussion with the parents to starting SEN support. */
@SendaTest
class ConcernDecisionIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  @Autowired
  GreenMail greenMail;

  @Autowired
  org.springframework.context.ApplicationEventPublisher events;

  @Autowired
  org.springframework.transaction.support.TransactionTemplate transactions;

  long school() {
    return accounts.schoolIds().get(0);
  }

  PageSession page(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  long pupilWithoutSen() {
    return jdbc.sql("""
            select max(p.id) from pupil p left join register_entry re on re.pupil_id = p.id
            where p.school_id = ? and p.leaving_date is null
              and (re.pupil_id is null or re.status = 'N' and re.monitor_until is null)
              and not exists (select 1 from concern c where c.pupil_id = p.id)
              and exists (select 1 from pupil_contact pc where pc.pupil_id = p.id and pc.parental_responsibility
                and pc.email is not null)""")
        .param(school()).query(Long.class).single();
  }

  long raiseConcern(long pupilId) {
    Api.Response raised = new Api(port, accounts.get("SENCO", school()).apiToken())
        .postJson("/api/v1/pupils/" + pupilId + "/concerns", """
            {"areas":["COMMUNICATION_AND_INTERACTION"],"evidence":"Hard to follow two-step instructions",
             "triedInClass":"Visual timetable and instructions broken into steps"}""");
    assertThat(raised.status()).isEqualTo(201);
    return raised.json().get("id").asLong();
  }

  Map<String, Object> concernRow(long id) {
    return jdbc.sql("select status, decision, version from concern where id = ?").param(id).query().singleRow();
  }

  String version(long id) {
    return String.valueOf(concernRow(id).get("version"));
  }

  @Test
  void aSencoTakesAConcernThroughADiscussionWithParentsToSenSupport() throws Exception {
    long pupilId = pupilWithoutSen();
    long concernId = raiseConcern(pupilId);
    String base = "/schools/" + school() + "/concerns/" + concernId;
    PageSession senco = page("SENCO", school());

    PageSession.Page view = senco.get(base);
    assertThat(view.status()).isEqualTo(200);
    assertThat(view.body()).contains("Hard to follow two-step instructions", "Start gathering evidence");

    assertThat(senco.post(base + "/gather-evidence", Map.of("version", version(concernId))).status()).isEqualTo(302);
    assertThat(concernRow(concernId).get("status")).isEqualTo("GATHERING_EVIDENCE");

    PageSession.Page incomplete = senco.post(base + "/discussion", Map.of("version", version(concernId),
        "heldOn.day", "3", "heldOn.month", "", "heldOn.year", "2026", "attendees", "Mum, class teacher, SENCO"));
    assertThat(incomplete.status()).isEqualTo(200);
    assertThat(incomplete.body()).contains("must include a month", "Enter notes of the discussion",
        "views in their own words", "Enter the next steps you agreed",
        "Mum, class teacher, SENCO");
    assertThat(discussions(concernId)).isZero();

    LocalDate today = LocalDate.now(clock);
    PageSession.Page recorded = senco.post(base + "/discussion", Map.of("version", version(concernId),
        "heldOn.day", String.valueOf(today.getDayOfMonth()), "heldOn.month", String.valueOf(today.getMonthValue()),
        "heldOn.year", String.valueOf(today.getYear()), "attendees", "Mum, class teacher, SENCO",
        "notes", "Talked about what we see in class", "parentViews", "\"He gets cross when he can't say it\"",
        "nextSteps", "Speech and language screening; meet again in six weeks"));
    assertThat(recorded.status()).isEqualTo(302);
    assertThat(discussions(concernId)).isEqualTo(1);
    assertThat(concernRow(concernId).get("status")).isEqualTo("PARENT_DISCUSSION");
    assertThat(senco.get(base).body()).contains("He gets cross when he can");

    PageSession.Page noDecision = senco.post(base + "/decision", Map.of("version", version(concernId)));
    assertThat(noDecision.body()).contains("Select a decision", "Enter the reason for the decision");
    PageSession.Page noNeed = senco.post(base + "/decision", Map.of("version", version(concernId),
        "decision", "START_SEN_SUPPORT", "primaryNeed", "", "reason", ""));
    assertThat(noNeed.status()).isEqualTo(200);
    assertThat(noNeed.body()).contains("Select the pupil", "Enter the reason for the decision");
    assertThat(concernRow(concernId).get("status")).isEqualTo("PARENT_DISCUSSION");
    assertThat(registerChanges(pupilId)).isZero();

    PageSession.Page decided = senco.post(base + "/decision", Map.of("version", version(concernId),
        "decision", "START_SEN_SUPPORT", "primaryNeed", "SLCN",
        "reason", "Screening shows a language difficulty; parents agree"));
    assertThat(decided.status()).isEqualTo(302);
    assertThat(concernRow(concernId)).containsEntry("status", "DECIDED").containsEntry("decision", "START_SEN_SUPPORT");

    JsonNode history = new Api(port, accounts.get("SENCO", school()).apiToken())
        .get("/api/v1/pupils/" + pupilId + "/send-status/history").json();
    assertThat(history.get(0).get("status").asString()).isEqualTo("K");
    assertThat(history.get(0).get("reason").asString()).isEqualTo("Screening shows a language difficulty; parents agree");
    assertThat(history.get(0).get("needs").get(0).asString()).isEqualTo("SLCN");

    String parentEmail = jdbc.sql("""
            select email from pupil_contact where pupil_id = ? and parental_responsibility and email is not null
            order by contact_order, id limit 1""").param(pupilId).query(String.class).single();
    MimeMessage letter = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
        greenMail.getReceivedMessages()).filter(m -> sentTo(m, parentEmail)).findFirst(), Optional::isPresent)
        .orElseThrow();
    assertThat(letter.getSubject()).startsWith("SEN support for ");
    Map<String, Object> parts = new java.util.HashMap<>();
    collect(letter, parts);
    String text = (String) parts.get("text/plain");
    byte[] pdf = (byte[]) parts.get("application/pdf");
    assertThat(text).contains("now has SEN support", "Screening shows a language difficulty; parents agree",
        "The first meeting to look at how things are going is on");
    assertThat(pdf).isNotNull();
    assertAccessiblePdf(pdf);
    String recipients = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
        "select recipients from parent_notice where concern_id = ?").param(concernId).query(String.class).optional(),
        Optional::isPresent).orElseThrow();
    assertThat(recipients).contains("<" + parentEmail + ">: emailed");
    assertThat(jdbc.sql("select sent_at from parent_notice where concern_id = ?").param(concernId)
        .query(java.time.OffsetDateTime.class).single()).isNotNull();

    PageSession.Page page = senco.get(base);
    assertThat(page.body()).contains("Letter to parents");
    long contactId = jdbc.sql("""
            select id from pupil_contact where pupil_id = ? and parental_responsibility
            order by contact_order, id limit 1""").param(pupilId).query(Long.class).single();
    PageSession.Page download = senco.get(base + "/notice/" + contactId + ".pdf");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type").orElseThrow()).startsWith("application/pdf");
    // The letter to post is addressed: the parent's name and postal address above the greeting.
    String postcode = jdbc.sql("select postcode from pupil_contact where id = ?").param(contactId)
        .query(String.class).single();
    try (PDDocument document = Loader.loadPDF(senco.getBytes(base + "/notice/" + contactId + ".pdf"))) {
      String printed = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(printed.indexOf(postcode)).isPositive().isLessThan(printed.indexOf("Dear "));
    }
    assertThat(page("TEACHER", school()).get(base + "/notice/" + contactId + ".pdf").status()).isEqualTo(403);

    PageSession.Page again = senco.post(base + "/decision", Map.of("version", version(concernId),
        "decision", "NO_FURTHER_ACTION", "reason", "Changed my mind"));
    assertThat(again.body()).contains("already been decided");

    // The decision handed on again (as after a failed email or a restart) emails nobody twice and keeps one notice.
    SenSupportStarted started = jdbc.sql("select decided_on, decision_notes from concern where id = ?")
        .param(concernId).query((rs, n) -> new SenSupportStarted(concernId, pupilId, school(),
            rs.getObject("decided_on", LocalDate.class), rs.getString("decision_notes"))).single();
    String subject = letter.getSubject();
    transactions.executeWithoutResult(status -> events.publishEvent(started));
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
            select count(*) from event_publication
            where completion_date is null and (status is null or status <> 'FAILED')""")
        .query(Long.class).single() == 0);
    assertThat(Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> sentTo(m, parentEmail) && subject.equals(subjectOf(m)))).hasSize(1);
    assertThat(jdbc.sql("select count(*) from parent_notice where concern_id = ?").param(concernId)
        .query(Long.class).single()).isEqualTo(1);
    assertThat(jdbc.sql("select count(*) from parent_notice_email where concern_id = ?").param(concernId)
        .query(Long.class).single()).isPositive();
  }

  @Test
  void monitoringNeedsAReviewDateInTheFuture() {
    long concernId = raiseConcern(pupilWithoutSen());
    String base = "/schools/" + school() + "/concerns/" + concernId;
    PageSession.Page missing = page("SENCO", school()).post(base + "/decision", Map.of("version", version(concernId),
        "decision", "MONITOR", "reason", "Watch progress this term"));
    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.body()).contains("Enter the review date", "Watch progress this term");

    LocalDate review = LocalDate.now(clock).plusMonths(2);
    PageSession.Page decided = page("SENCO", school()).post(base + "/decision", Map.of("version", version(concernId),
        "decision", "MONITOR", "reason", "Watch progress this term", "reviewOn.day",
        String.valueOf(review.getDayOfMonth()), "reviewOn.month", String.valueOf(review.getMonthValue()),
        "reviewOn.year", String.valueOf(review.getYear())));
    assertThat(decided.status()).isEqualTo(302);
    assertThat(jdbc.sql("select review_on from concern where id = ?").param(concernId).query(LocalDate.class)
        .single()).isEqualTo(review);
  }

  @Test
  void aRequestForASpecialistAssessmentIsRecordedAndAuditedAndLeavesTheRegisterAsItWas() {
    long pupilId = pupilWithoutSen();
    Map<String, Object> entryBefore = registerEntry(pupilId);
    long changesBefore = jdbc.sql("select count(*) from register_change where pupil_id = ?").param(pupilId)
        .query(Long.class).single();
    long concernId = raiseConcern(pupilId);
    String base = "/schools/" + school() + "/concerns/" + concernId;
    String reason = "Ask the educational psychologist to assess working memory";

    PageSession.Page decided = page("SENCO", school()).post(base + "/decision", Map.of("version", version(concernId),
        "decision", "SPECIALIST_ASSESSMENT", "reason", reason));

    assertThat(decided.status()).isEqualTo(302);
    Map<String, Object> concern = jdbc.sql("""
            select status, decision, decision_notes, decided_on, review_on from concern where id = ?""")
        .param(concernId).query().singleRow();
    assertThat(concern).containsEntry("status", "DECIDED").containsEntry("decision", "SPECIALIST_ASSESSMENT")
        .containsEntry("decision_notes", reason);
    assertThat(concern.get("decided_on").toString()).isEqualTo(LocalDate.now(clock).toString());
    assertThat(concern.get("review_on")).isNull();
    assertThat(page("SENCO", school()).get(base).body()).contains("Request a specialist assessment",
        "decision-reason", reason);
    assertThat(jdbc.sql("""
            select count(*) from audit_entry where action = 'UPDATE' and record_type = 'concern' and record_id = ?
              and detail = 'decided SPECIALIST_ASSESSMENT'""")
        .param(String.valueOf(concernId)).query(Integer.class).single()).isEqualTo(1);
    // Not SEN support: the register is as it was, and no notice to parents is started.
    assertThat(registerEntry(pupilId)).isEqualTo(entryBefore);
    assertThat(jdbc.sql("select count(*) from register_change where pupil_id = ?").param(pupilId)
        .query(Long.class).single()).isEqualTo(changesBefore);
    assertThat(new Api(port, accounts.get("SENCO", school()).apiToken())
        .get("/api/v1/pupils/" + pupilId + "/send-status/history").json().size()).isEqualTo((int) changesBefore);
    assertThat(jdbc.sql("select count(*) from parent_notice where concern_id = ?").param(concernId)
        .query(Long.class).single()).isZero();
  }

  /** The pupil's current register entry as stored (empty when they have none). */
  Map<String, Object> registerEntry(long pupilId) {
    return jdbc.sql("select status, status_since, version from register_entry where pupil_id = ?")
        .param(pupilId).query().listOfRows().stream().findFirst().orElse(Map.of());
  }

  @Test
  void aGovernorMayNotRaiseACauseForConcern() {
    long pupilId = pupilWithoutSen();
    String json = """
        {"areas":["COGNITION_AND_LEARNING"],"evidence":"Reads below the class","triedInClass":"Pre-teaching"}""";

    Api.Response api = new Api(port, accounts.get("GOVERNOR", school()).apiToken())
        .postJson("/api/v1/pupils/" + pupilId + "/concerns", json);
    assertThat(api.status()).isEqualTo(404);
    PageSession governor = page("GOVERNOR", school());
    assertThat(governor.get("/schools/" + school() + "/pupils/" + pupilId + "/concerns/new").status())
        .isEqualTo(404);
    assertThat(governor.post("/schools/" + school() + "/pupils/" + pupilId + "/concerns", Map.of(
        "areas", "COGNITION_AND_LEARNING", "evidence", "Reads below the class", "triedInClass", "Pre-teaching"))
        .status()).isEqualTo(404);

    assertThat(jdbc.sql("select count(*) from concern where raised_by = ?")
        .param(accounts.get("GOVERNOR", school()).email()).query(Long.class).single()).isZero();
  }

  @Test
  void onlyTheSencoOfTheSchoolMayTriage() {
    long pupilId = pupilWithoutSen();
    long concernId = raiseConcern(pupilId);
    String base = "/schools/" + school() + "/concerns/" + concernId;

    assertThat(page("TEACHER", school()).get(base).status()).isEqualTo(403);
    assertThat(page("TEACHER", school()).post(base + "/decision", Map.of("version", version(concernId),
        "decision", "NO_FURTHER_ACTION", "reason", "No")).status()).isEqualTo(403);
    long other = accounts.schoolIds().get(1);
    assertThat(page("SENCO", other).get(base).status()).isEqualTo(404);
    assertThat(page("SENCO", other).get("/schools/" + other + "/concerns/" + concernId).status()).isEqualTo(404);
    assertThat(page("SENCO", other).post("/schools/" + other + "/concerns/" + concernId + "/decision",
        Map.of("version", version(concernId), "decision", "NO_FURTHER_ACTION", "reason", "No")).status())
        .isEqualTo(404);
    assertThat(concernRow(concernId).get("status")).isEqualTo("RAISED");
  }

  @Test
  void aStaleFormIsRefused() {
    long concernId = raiseConcern(pupilWithoutSen());
    String base = "/schools/" + school() + "/concerns/" + concernId;
    PageSession.Page stale = page("SENCO", school()).post(base + "/decision", Map.of("version", "7",
        "decision", "NO_FURTHER_ACTION", "reason", "Progress is fine"));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(concernRow(concernId).get("status")).isEqualTo("RAISED");
  }

  /** The text and PDF parts of a message, however deeply its multiparts nest them. */
  static void collect(jakarta.mail.Part part, Map<String, Object> found) throws Exception {
    if (part.isMimeType("multipart/*")) {
      MimeMultipart multipart = (MimeMultipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        collect(multipart.getBodyPart(i), found);
      }
    } else if (part.isMimeType("application/pdf")) {
      found.put("application/pdf", part.getInputStream().readAllBytes());
    } else if (part.isMimeType("text/plain")) {
      found.put("text/plain", part.getContent());
    }
  }

  static boolean sentTo(MimeMessage message, String email) {
    try {
      return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
    } catch (MessagingException e) {
      return false;
    }
  }

  static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      return "";
    }
  }

  static void assertAccessiblePdf(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
      assertThat(document.getDocumentInformation().getTitle()).startsWith("SEN support for ");
      assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
      PDPage first = document.getPage(0);
      for (COSName name : first.getResources().getFontNames()) {
        PDFont font = first.getResources().getFont(name);
        assertThat(font.isEmbedded()).as(font.getName()).isTrue();
      }
      assertThat(first.getResources().getFontNames()).isNotEmpty();
    }
  }

  long discussions(long concernId) {
    return jdbc.sql("select count(*) from parent_discussion where concern_id = ?").param(concernId)
        .query(Long.class).single();
  }

  long registerChanges(long pupilId) {
    return jdbc.sql("select count(*) from register_change where pupil_id = ? and status = 'K'").param(pupilId)
        .query(Long.class).single();
  }
}
