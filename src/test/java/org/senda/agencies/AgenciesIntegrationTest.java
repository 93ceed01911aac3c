package org.senda.agencies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import tools.jackson.databind.JsonNode;

/**
 * The SENCO keeps the directory of agencies, refers a pupil with the parents' consent (and not without it), the
 * parents are emailed their copy, the referral moves through its statuses, and the professional's report is kept
 * and shown at the next review; others are refused.
 */
@SendaTest
class AgenciesIntegrationTest {

  private static final SignedInSessions SESSIONS = new SignedInSessions();
  private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();

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
  List<ReviewEvidence> evidence;

  long school() {
    return accounts.schoolIds().get(0);
  }

  long otherSchool() {
    return accounts.schoolIds().get(1);
  }

  PageSession page(String role, long schoolId) {
    return SESSIONS.of(port, accounts.get(role, schoolId));
  }

  Api api(String role, long schoolId) {
    return new Api(port, accounts.get(role, schoolId).apiToken());
  }

  /** A pupil on SEN support with no referral yet and a parent with an email address. */
  synchronized long pupil() {
    return jdbc.sql("""
            select max(p.id) from pupil p join register_entry re on re.pupil_id = p.id
            where p.school_id = ? and p.leaving_date is null and re.status = 'K'
              and not exists (select 1 from referral r where r.pupil_id = p.id)
              and exists (select 1 from pupil_contact pc where pc.pupil_id = p.id and pc.parental_responsibility
                and pc.email is not null)""")
        .param(school()).query(Long.class).single();
  }

  long agency(String type) {
    return jdbc.sql("""
            select min(a.id) from agency a join school s on s.trust_id = a.trust_id
            where s.id = ? and (a.school_id = s.id or a.school_id is null) and a.service_type = ? and a.active""")
        .params(school(), type).query(Long.class).single();
  }

  Map<String, Object> row(long referralId) {
    return jdbc.sql("select status, sent_on, version, consent_on, parent_copy_sent_at from referral where id = ?")
        .param(referralId).query().singleRow();
  }

  String version(long referralId) {
    return String.valueOf(row(referralId).get("version"));
  }

  long newReferral(long pupilId) {
    PageSession senco = page("SENCO", school());
    PageSession.Page created = senco.post("/schools/" + school() + "/pupils/" + pupilId + "/referrals", Map.of(
        "agencyId", String.valueOf(agency("SPEECH_AND_LANGUAGE")),
        "reason", "Hard to understand; stalled on language targets",
        "questions", "Which strategies should class staff use?"));
    assertThat(created.status()).isEqualTo(302);
    return Long.parseLong(created.location().replaceAll(".*/referrals/(\\d+)$", "$1"));
  }

  static Map<String, String> date(String prefix, LocalDate date, Map<String, String> fields) {
    Map<String, String> all = new java.util.HashMap<>(fields);
    all.put(prefix + ".day", String.valueOf(date.getDayOfMonth()));
    all.put(prefix + ".month", String.valueOf(date.getMonthValue()));
    all.put(prefix + ".year", String.valueOf(date.getYear()));
    return all;
  }

  @Test
  void theDirectoryIsKeptByTheSencoAndReadByTeachers() {
    String base = "/schools/" + school() + "/agencies";
    PageSession senco = page("SENCO", school());

    PageSession.Page missing = senco.post(base, Map.of("serviceType", "", "serviceName", " ",
        "professionalName", "Dr Ruth Ellis", "email", "not-an-email", "version", "0"));
    assertThat(missing.status()).isEqualTo(200);
    assertThat(missing.body()).contains("Select the type of service", "Enter the name of the service",
        "Enter an email address in the correct format", "Dr Ruth Ellis");

    PageSession.Page added = senco.post(base, Map.of("serviceType", "OCCUPATIONAL_THERAPY",
        "serviceName", "Ellis Paediatric OT", "professionalName", "Dr Ruth Ellis", "email", "ruth@ellis-ot.example",
        "phone", "01632 960 999", "version", "0"));
    assertThat(added.status()).isEqualTo(302);
    assertThat(senco.get(base).body()).contains("Ellis Paediatric OT added to the directory.");
    long id = jdbc.sql("select max(id) from agency where service_name = 'Ellis Paediatric OT'").query(Long.class)
        .single();
    assertThat(senco.get(base + "?type=OCCUPATIONAL_THERAPY").body()).contains("Ellis Paediatric OT")
        .doesNotContain("Northshire CAMHS");

    PageSession.Page edited = senco.post(base + "/" + id, Map.of("serviceType", "OCCUPATIONAL_THERAPY",
        "serviceName", "Ellis OT", "professionalName", "Dr Ruth Ellis", "version", "0"));
    assertThat(edited.status()).isEqualTo(302);
    assertThat(senco.get(base).body()).contains("Changes to Ellis OT saved.");
    PageSession.Page stale = senco.post(base + "/" + id, Map.of("serviceType", "OCCUPATIONAL_THERAPY",
        "serviceName", "Another name", "version", "0"));
    assertThat(stale.status()).isEqualTo(200);
    assertThat(stale.body()).contains(ConcurrentEdit.MESSAGE.substring(0, 40), "Another name");
    assertThat(jdbc.sql("select service_name from agency where id = ?").param(id).query(String.class).single())
        .isEqualTo("Ellis OT");

    PageSession teacher = page("TEACHER", school());
    assertThat(teacher.get(base).status()).isEqualTo(200);
    assertThat(teacher.get(base).body()).contains("Ellis OT").doesNotContain("Add a professional or service");
    assertThat(teacher.post(base, Map.of("serviceType", "OTHER", "serviceName", "X", "version", "0")).status())
        .isEqualTo(403);
    assertThat(page("GOVERNOR", school()).get(base).status()).isEqualTo(403);
    assertThat(page("SENCO", otherSchool()).get(base).status()).isEqualTo(404);
    assertThat(page("SENCO", otherSchool()).get("/schools/" + otherSchool() + "/agencies").body())
        .contains("Northshire Educational Psychology Service").doesNotContain("Ellis OT");

    JsonNode directory = api("TEACHER", school()).get("/api/v1/schools/" + school() + "/agencies").json();
    assertThat(directory.valueStream().map(a -> a.get("serviceName").asString()))
        .contains("Ellis OT", "Northshire Educational Psychology Service");
    assertThat(api("SENCO", otherSchool()).get("/api/v1/schools/" + school() + "/agencies").status()).isEqualTo(404);

    int version = ((Number) jdbc.sql("select version from agency where id = ?").param(id).query().singleRow()
        .get("version")).intValue();
    assertThat(senco.post(base + "/" + id + "/deactivate", Map.of("version", String.valueOf(version))).status())
        .isEqualTo(302);
    assertThat(senco.get(base).body()).contains("Dr Ruth Ellis, Ellis OT removed from the directory");
    assertThat(senco.get(base).body()).doesNotContain("Ellis OT");
    assertThat(jdbc.sql("select active from agency where id = ?").param(id).query(Boolean.class).single()).isFalse();
  }

  @Test
  void aReferralIsSentOnlyWithConsentAndTheParentsAreEmailedACopy() throws Exception {
    long pupilId = pupil();
    long referralId = newReferral(pupilId);
    String base = "/schools/" + school() + "/referrals/" + referralId;
    PageSession senco = page("SENCO", school());
    LocalDate today = LocalDate.now(clock);

    PageSession.Page withoutConsent = senco.post(base + "/status", date("changedOn", today,
        Map.of("status", "SENT", "version", version(referralId))));
    assertThat(withoutConsent.status()).isEqualTo(200);
    assertThat(withoutConsent.body()).contains("There is a problem",
        "Record the parents&#39; consent before the referral is sent");
    assertThat(row(referralId).get("status")).isEqualTo("DRAFT");

    PageSession.Page incomplete = senco.post(base + "/consent", Map.of("version", version(referralId),
        "contact", "OTHER", "givenBy", "", "how", ""));
    assertThat(incomplete.status()).isEqualTo(200);
    assertThat(incomplete.body()).contains("Enter the name of the person who gave consent",
        "Enter the date consent was given", "Select how consent was given", "Select what the parents consented to");
    assertThat(row(referralId).get("consent_on")).isNull();

    Map<String, Object> parent = jdbc.sql("""
            select id, name, email from pupil_contact where pupil_id = ? and parental_responsibility
              and email is not null order by contact_order, id limit 1""").param(pupilId).query().singleRow();
    PageSession.Page consented = senco.post(base + "/consent", date("givenOn", today.minusDays(2), Map.of(
        "version", version(referralId), "contact", String.valueOf(parent.get("id")), "how", "IN_WRITING",
        "scope", "ASSESSMENT")));
    assertThat(consented.status()).isEqualTo(302);
    assertThat(senco.get(base).body()).contains((String) parent.get("name"), "An assessment by the service");

    PageSession.Page sent = senco.post(base + "/status", date("changedOn", today,
        Map.of("status", "SENT", "version", version(referralId))));
    assertThat(sent.status()).isEqualTo(302);
    assertThat(row(referralId)).containsEntry("status", "SENT");
    assertThat(row(referralId).get("sent_on").toString()).isEqualTo(today.toString());

    String email = (String) parent.get("email");
    MimeMessage copy = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(
        greenMail.getReceivedMessages()).filter(m -> sentTo(m, email) && subject(m).startsWith("Referral of"))
        .findFirst(), Optional::isPresent).orElseThrow();
    MimeMultipart parts = (MimeMultipart) copy.getContent();
    byte[] pdf = null;
    String text = null;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("application/pdf")) {
        try (InputStream in = part.getInputStream()) {
          pdf = in.readAllBytes();
        }
      } else if (part.isMimeType("text/plain")) {
        text = (String) part.getContent();
      } else if (part.getContent() instanceof MimeMultipart inner) {
        for (int j = 0; j < inner.getCount(); j++) {
          if (inner.getBodyPart(j).isMimeType("text/plain")) {
            text = (String) inner.getBodyPart(j).getContent();
          }
        }
      }
    }
    assertThat(pdf).isNotNull();
    assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      assertThat(document.getDocumentInformation().getTitle()).startsWith("Referral of ");
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document))
          .contains("Sent on " + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
              java.util.Locale.UK)));
    }
    assertThat(text).contains("Hard to understand; stalled on language targets", "An assessment by the service");
    await().atMost(Duration.ofSeconds(30)).until(() -> row(referralId).get("parent_copy_sent_at") != null);
    assertThat(senco.get(base).body()).contains("Emailed on", email);

    PageSession.Page skipped = senco.post(base + "/status", date("changedOn", today,
        Map.of("status", "ADVICE_RECEIVED", "version", version(referralId))));
    assertThat(skipped.body()).contains("A referral that is sent cannot be marked advice received");
    PageSession.Page accepted = senco.post(base + "/status", date("changedOn", today,
        Map.of("status", "ACCEPTED", "version", version(referralId), "note", "Triage call on Monday")));
    assertThat(accepted.status()).isEqualTo(302);
    PageSession.Page stale = senco.post(base + "/status", date("changedOn", today,
        Map.of("status", "ASSESSMENT_BOOKED", "version", "0")));
    assertThat(stale.body()).contains(ConcurrentEdit.MESSAGE.substring(0, 40));
    assertThat(jdbc.sql("select status from referral_status_change where referral_id = ? order by id")
        .param(referralId).query(String.class).list()).containsExactly("DRAFT", "SENT", "ACCEPTED");
    assertThat(senco.get(base).body()).contains("Triage call on Monday");

    assertThat(page("TEACHER", school()).get(base).status()).isEqualTo(403);
    assertThat(page("SENCO", otherSchool()).get(base).status()).isEqualTo(404);
    assertThat(page("SENCO", otherSchool()).get("/schools/" + otherSchool() + "/referrals/" + referralId).status())
        .isEqualTo(404);
    assertThat(page("DSL", school()).get(base).status()).isEqualTo(200);
    assertThat(page("DSL", school()).post(base + "/status", date("changedOn", today,
        Map.of("status", "CLOSED", "version", version(referralId)))).status()).isEqualTo(403);
  }

  @Test
  void aReportMustBeAPdfWithinTheLimitAndFeedsTheNextReview() {
    long pupilId = pupil();
    long referralId = newReferral(pupilId);
    String base = "/schools/" + school() + "/referrals/" + referralId;
    PageSession senco = page("SENCO", school());
    LocalDate received = LocalDate.now(clock).minusDays(1);
    Map<String, String> fields = date("receivedOn", received, Map.of("adviceSummary",
        "Use visual supports and one instruction at a time"));

    senco.get(base + "/reports/new");
    PageSession.Page notPdf = senco.postFile(base + "/reports", fields, "file", "report.pdf",
        "application/pdf", "PK\u0003\u0004 a word document".getBytes());
    assertThat(notPdf.status()).isEqualTo(200);
    assertThat(notPdf.body()).contains("The selected file must be a PDF");
    byte[] large = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, large, 0, PDF.length);
    PageSession.Page tooLarge = senco.postFile(base + "/reports", fields, "file", "report.pdf",
        "application/pdf", large);
    assertThat(tooLarge.body()).contains("The selected file must be smaller than 5MB");
    PageSession.Page noSummary = senco.postFile(base + "/reports", Map.of("receivedOn.day", "31",
        "receivedOn.month", "2", "receivedOn.year", "2026"), "file", "report.pdf", "application/pdf", PDF);
    assertThat(noSummary.body()).contains("Enter a summary of the professional", "must be a real date");
    assertThat(jdbc.sql("select count(*) from referral_report where referral_id = ?").param(referralId)
        .query(Integer.class).single()).isZero();

    PageSession.Page saved = senco.postFile(base + "/reports", fields, "file", "../SALT report.pdf",
        "application/pdf", PDF);
    assertThat(saved.status()).isEqualTo(302);
    long reportId = jdbc.sql("select id from referral_report where referral_id = ?").param(referralId)
        .query(Long.class).single();
    String download = "/schools/" + school() + "/referral-reports/" + reportId;
    PageSession.Page file = senco.get(download);
    assertThat(file.status()).isEqualTo(200);
    assertThat(file.header("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(file.header("Content-Disposition").orElseThrow()).contains("SALT report.pdf").doesNotContain("..");
    assertThat(page("TEACHER", school()).get(download).status()).isEqualTo(403);
    assertThat(page("SENCO", otherSchool()).get(download).status()).isEqualTo(404);
    assertThat(page("SENCO", otherSchool()).get("/schools/" + otherSchool() + "/referral-reports/" + reportId)
        .status()).isEqualTo(404);

    List<ReviewEvidenceItem> items = evidence.stream().flatMap(e -> e.since(pupilId, received).stream()).toList();
    assertThat(items).anySatisfy(i -> {
      assertThat(i.summary()).isEqualTo("Use visual supports and one instruction at a time");
      assertThat(i.receivedOn()).isEqualTo(received);
      assertThat(i.href()).isEqualTo(base);
    });
    assertThat(evidence.stream().flatMap(e -> e.since(pupilId, received.plusDays(1)).stream())
        .filter(i -> base.equals(i.href()))).isEmpty();
    PageSession.Page pupilPage = senco.get("/schools/" + school() + "/pupils/" + pupilId);
    assertThat(pupilPage.body()).contains("External agencies", "Use visual supports and one instruction at a time",
        "Referral to Northshire Children&#39;s Speech and Language Therapy: draft");
  }

  @Test
  void adviceReceivedInThePlanCycleIsListedOnTheReviewPage() {
    long pupilId = pupil();
    long referralId = newReferral(pupilId);
    LocalDate today = LocalDate.now(clock);
    Api senco = api("SENCO", school());
    Api.Response plan = senco.postJson("/api/v1/pupils/" + pupilId + "/support-plans", """
        {"outcomes":[{"description":"Follows two-step instructions","measure":"Instructions followed in a week",
        "baseline":"1 of 10","target":"7 of 10","targetDate":"%s","strategies":["One instruction at a time"]}],
        "wave":2,"reviewDate":"%s","status":"ACTIVE"}""".formatted(today.plusMonths(3), today.plusMonths(2)));
    assertThat(plan.status()).as(plan.body()).isEqualTo(201);
    long planId = plan.json().get("id").asLong();

    PageSession page = page("SENCO", school());
    page.get("/schools/" + school() + "/referrals/" + referralId + "/reports/new");
    assertThat(page.postFile("/schools/" + school() + "/referrals/" + referralId + "/reports",
        date("receivedOn", today, Map.of("adviceSummary", "Blank level questioning in small groups")), "file",
        "salt.pdf", "application/pdf", PDF).status()).isEqualTo(302);

    PageSession.Page review = page.get("/schools/" + school() + "/support-plans/" + planId + "/review");
    assertThat(review.status()).isEqualTo(200);
    assertThat(review.body()).contains("Speech and language therapy report", "Priya Patel",
        "Blank level questioning in small groups", "/schools/" + school() + "/referrals/" + referralId);
  }

  @Test
  void theApiRefusesToSendWithoutConsentAndWritesNothing() {
    long pupilId = pupil();
    Api senco = api("SENCO", school());
    long agencyId = agency("EDUCATIONAL_PSYCHOLOGY");
    Api.Response refused = senco.postJson("/api/v1/pupils/" + pupilId + "/referrals", """
        {"agencyId":%d,"reason":"Reading has not improved after two terms of intervention","status":"SENT"}"""
        .formatted(agencyId));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("errors").valueStream().map(e -> e.get("field").asString())).as(refused.body() + " agency " + agencyId + " directory "
            + senco.get("/api/v1/schools/" + school() + "/agencies").body())
        .containsExactly("consent");
    assertThat(jdbc.sql("select count(*) from referral where pupil_id = ?").param(pupilId).query(Integer.class)
        .single()).isZero();

    Api.Response badConsent = senco.postJson("/api/v1/pupils/" + pupilId + "/referrals", """
        {"agencyId":%d,"reason":"Reading","status":"SENT","consent":{"givenBy":"Sam Jones","relationship":"Father",
         "givenOn":"2999-01-01","how":"SHOUTED","scope":[]}}""".formatted(agencyId));
    assertThat(badConsent.status()).isEqualTo(422);
    assertThat(badConsent.json().get("errors").valueStream().map(e -> e.get("field").asString()))
        .containsExactlyInAnyOrder("consent.givenOn", "consent.how", "consent.scope");

    String today = LocalDate.now(clock).toString();
    Api.Response created = senco.postJson("/api/v1/pupils/" + pupilId + "/referrals", """
        {"agencyId":%d,"reason":"Reading has not improved after two terms of intervention","status":"SENT",
         "consent":{"givenBy":"Sam Jones","relationship":"Father","givenOn":"%s","how":"VERBAL",
         "scope":["ASSESSMENT","SHARE_INFORMATION"]}}""".formatted(agencyId, today));
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    JsonNode read = senco.get("/api/v1/referrals/" + id).json();
    assertThat(read.get("status").asString()).isEqualTo("SENT");
    assertThat(read.get("sentOn").asString()).isEqualTo(today);
    assertThat(read.get("consent").get("how").asString()).isEqualTo("VERBAL");
    assertThat(read.get("history").valueStream().map(h -> h.get("status").asString())).containsExactly("DRAFT", "SENT");
    assertThat(senco.get("/api/v1/pupils/" + pupilId + "/referrals").json().valueStream()
        .map(r -> r.get("id").asLong())).contains(id);

    assertThat(api("SENCO", otherSchool()).get("/api/v1/referrals/" + id).status()).isEqualTo(404);
    assertThat(api("SENCO", otherSchool()).get("/api/v1/pupils/" + pupilId + "/referrals").status()).isEqualTo(404);
    assertThat(api("DSL", school()).get("/api/v1/referrals/" + id).status()).isEqualTo(200);
    assertThat(api("DSL", school()).postJson("/api/v1/pupils/" + pupilId + "/referrals", """
        {"agencyId":%d,"reason":"x"}""".formatted(agencyId)).status()).isEqualTo(403);
    assertThat(api("GOVERNOR", school()).get("/api/v1/referrals/" + id).status()).isEqualTo(404);
  }

  @Test
  void theSencoSeesOpenAndOverdueReferralsOfTheSchool() {
    PageSession senco = page("SENCO", school());
    PageSession.Page open = senco.get("/schools/" + school() + "/referrals");
    assertThat(open.status()).isEqualTo(200);
    assertThat(open.body()).contains("Overdue");
    PageSession.Page overdue = senco.get("/schools/" + school() + "/referrals?overdue=true");
    assertThat(overdue.body()).contains("govuk-tag--red").doesNotContain("Accepted</strong>");
    // One query for the referrals and one for their pupils, whatever the number of referrals.
    PageSession.Page other = page("SENCO", otherSchool()).get("/schools/" + otherSchool() + "/referrals");
    org.senda.test.SqlStatements.assertBounded(14, org.senda.test.SqlStatements.of(open),
        org.senda.test.SqlStatements.of(other));
    assertThat(page("TEACHER", school()).get("/schools/" + school() + "/referrals").status()).isEqualTo(403);
    assertThat(page("SENCO", otherSchool()).get("/schools/" + school() + "/referrals").status()).isEqualTo(404);
  }

  /** Sends a referral through the API with the consent of the pupil's first parent; returns its id. */
  long sentReferral(long pupilId, long contactId) {
    Api.Response created = api("SENCO", school()).postJson("/api/v1/pupils/" + pupilId + "/referrals", """
        {"agencyId":%d,"reason":"Hard to understand in class","status":"SENT",
         "consent":{"contactId":%d,"givenOn":"%s","how":"IN_WRITING","scope":["ASSESSMENT"]}}"""
        .formatted(agency("SPEECH_AND_LANGUAGE"), contactId, LocalDate.now(clock)));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asLong();
  }

  int audited(String recordType, String action, Object recordId) {
    return jdbc.sql("select count(*) from audit_entry where record_type = ? and action = ? and record_id = ?")
        .params(recordType, action, recordId.toString()).query(Integer.class).single();
  }

  @Test
  void aParentWithoutEmailGetsALetterToPostAndTheSchoolRecordsWhenItWasPosted() throws Exception {
    long pupilId = pupil();
    Map<String, Object> parent = jdbc.sql("""
            select id, name from pupil_contact where pupil_id = ? and parental_responsibility
            order by contact_order, id limit 1""").param(pupilId).query().singleRow();
    long contactId = ((Number) parent.get("id")).longValue();
    String name = (String) parent.get("name");
    jdbc.sql("""
            update pupil_contact set email = null, address_line_1 = '7 Mill Lane', address_line_2 = null,
              town = 'Oakham', postcode = 'LE15 6AB' where id = ?""").param(contactId).update();
    long referralId = sentReferral(pupilId, contactId);
    long letterId = await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
        "select id from referral_letter where referral_id = ? and contact_id = ?").params(referralId, contactId)
        .query(Long.class).optional(), Optional::isPresent).orElseThrow();
    assertThat(row(referralId).get("status")).isEqualTo("SENT");

    String base = "/schools/" + school() + "/referrals/" + referralId;
    PageSession senco = page("SENCO", school());
    assertThat(senco.get(base).body()).contains("Letters to post", name, "Not posted",
        base + "/letters/" + letterId + ".pdf");
    String list = "/schools/" + school() + "/referrals/letters";
    PageSession.Page toPost = senco.get(list);
    assertThat(toPost.status()).isEqualTo(200);
    assertThat(toPost.body()).contains(name, base + "/letters/" + letterId + "\"", "7 Mill Lane, Oakham, LE15 6AB");
    // One query each for the letters, their pupils and the parents' addresses, whatever the number of letters: a
    // second letter, to a parent of another pupil, issues no more statements.
    jdbc.sql("""
            insert into referral_letter (referral_id, school_id, pupil_id, contact_id, parent_name, relationship,
              created_at)
            select r.id, r.school_id, r.pupil_id, c.id, c.name, c.relationship, current_timestamp
            from referral r join pupil_contact c on c.pupil_id = r.pupil_id
            where r.id = (select min(x.id) from referral x where x.school_id = ? and x.pupil_id <> ?
                          and x.sent_on is not null)
              and c.id = (select min(c2.id) from pupil_contact c2 where c2.pupil_id = r.pupil_id)""")
        .params(school(), pupilId).update();
    PageSession.Page twoToPost = senco.get(list);
    assertThat(twoToPost.body()).contains(name);
    SqlStatements.assertBounded(14, SqlStatements.of(toPost), SqlStatements.of(twoToPost));

    PageSession.Page pdf = senco.get(base + "/letters/" + letterId + ".pdf");
    assertThat(pdf.status()).isEqualTo(200);
    assertThat(pdf.header("Content-Type").orElseThrow()).startsWith("application/pdf");
    assertThat(audited("referral-letter", "EXPORT", letterId)).isEqualTo(1);
    byte[] bytes = senco.getBytes(base + "/letters/" + letterId + ".pdf");
    try (var document = org.apache.pdfbox.Loader.loadPDF(bytes)) {
      assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
      assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " "))
          .contains(name + " 7 Mill Lane Oakham LE15 6AB", "Dear " + name + ",",
              "Sent on " + LocalDate.now(clock).format(
                  java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
    }

    String record = base + "/letters/" + letterId;
    LocalDate today = LocalDate.now(clock);
    assertThat(page("TEACHER", school()).get(record + ".pdf").status()).isEqualTo(403);
    assertThat(page("SENCO", otherSchool()).get(record + ".pdf").status()).isEqualTo(404);
    assertThat(page("DSL", school()).get(record + ".pdf").status()).isEqualTo(200);
    assertThat(page("DSL", school()).post(record, date("postedOn", today, Map.of("version", "0"))).status())
        .isEqualTo(403);
    assertThat(page("TEACHER", school()).get(list).status()).isEqualTo(403);
    assertThat(page("SENCO", otherSchool()).get(list).status()).isEqualTo(404);

    // Without an address, those who keep pupils' records are shown where to add it. The DSL, who reads referrals but
    // may not change a parent's details, sees the gap without the link and is refused the form.
    jdbc.sql("update pupil_contact set address_line_1 = null, address_line_2 = null, town = null, postcode = null"
        + " where id = ?").param(contactId).update();
    String contactForm = "/schools/" + school() + "/pupils/" + pupilId + "/contacts/" + contactId + "/edit";
    assertThat(senco.get(list).body()).contains("No postal address", "href=\"" + contactForm + "\"");
    PageSession.Page dslList = page("DSL", school()).get(list);
    assertThat(dslList.status()).isEqualTo(200);
    assertThat(dslList.body()).contains("No postal address").doesNotContain(contactForm);
    assertThat(page("DSL", school()).get(contactForm).status()).isEqualTo(403);

    assertThat(senco.get(record).status()).isEqualTo(200);
    PageSession.Page future = senco.post(record, date("postedOn", today.plusDays(1), Map.of("version", "0")));
    assertThat(future.status()).isEqualTo(200);
    assertThat(future.body()).contains("There is a problem", "must be today or in the past");
    PageSession.Page stale = senco.post(record, date("postedOn", today, Map.of("version", "7")));
    assertThat(stale.body()).contains(ConcurrentEdit.MESSAGE.substring(0, 40));
    assertThat(jdbc.sql("select posted_on from referral_letter where id = ?").param(letterId)
        .query(LocalDate.class).optional()).isEmpty();

    PageSession.Page posted = senco.post(record, date("postedOn", today, Map.of("version", "0")));
    assertThat(posted.status()).isEqualTo(302);
    Map<String, Object> letter = jdbc.sql("select posted_on, posted_by_name from referral_letter where id = ?")
        .param(letterId).query().singleRow();
    assertThat(letter.get("POSTED_ON").toString()).isEqualTo(today.toString());
    assertThat((String) letter.get("POSTED_BY_NAME")).isNotBlank();
    assertThat(audited("referral-letter", "UPDATE", letterId)).isEqualTo(1);
    assertThat(senco.get(base).body()).contains("Letter to " + name.replace("'", "&#39;") + " recorded as posted",
        "by " + ((String) letter.get("POSTED_BY_NAME")).replace("'", "&#39;"));
    assertThat(senco.get(list).body()).doesNotContain(base + "/letters/" + letterId + "\"");
  }

  @Test
  void theApiKeepsAReportOnlyWhenItIsAPdfWithASummaryAndRefusesOthers() {
    long pupilId = pupil();
    long contactId = jdbc.sql("""
            select min(id) from pupil_contact where pupil_id = ? and parental_responsibility""")
        .param(pupilId).query(Long.class).single();
    long referralId = sentReferral(pupilId, contactId);
    String path = "/api/v1/referrals/" + referralId + "/reports";
    Api senco = api("SENCO", school());

    Api.Response noSummary = senco.post(path, "application/pdf", PDF);
    assertThat(noSummary.status()).isEqualTo(422);
    assertThat(noSummary.contentType()).startsWith("application/problem+json");
    assertThat(fields(noSummary)).containsExactly("adviceSummary");
    Api.Response notPdf = senco.post(path + "?adviceSummary=Visual%20supports", "application/pdf",
        "PK\u0003\u0004 a word document".getBytes());
    assertThat(fields(notPdf)).containsExactly("file");
    assertThat(notPdf.body()).contains("must be a PDF");
    byte[] large = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(PDF, 0, large, 0, PDF.length);
    Api.Response tooLarge = senco.post(path + "?adviceSummary=Visual%20supports", "application/pdf", large);
    assertThat(fields(tooLarge)).containsExactly("file");
    assertThat(tooLarge.body()).contains("smaller than 5MB");
    Api.Response badForm = senco.postMultipart(path, Map.of("adviceSummary", " ", "receivedOn", "2026-02-31"),
        "file", "report.pdf", "application/pdf", "%PD".getBytes());
    assertThat(badForm.status()).isEqualTo(422);
    assertThat(fields(badForm)).containsExactlyInAnyOrder("adviceSummary", "receivedOn", "file");
    assertThat(jdbc.sql("select count(*) from referral_report where referral_id = ?").param(referralId)
        .query(Integer.class).single()).isZero();

    Api.Response raw = senco.post(path + "?adviceSummary=Use%20visual%20supports&filename=SALT%20report.pdf",
        "application/pdf", PDF);
    assertThat(raw.status()).as(raw.body()).isEqualTo(201);
    long rawId = raw.json().get("id").asLong();
    assertThat(raw.json().get("receivedOn").asString()).isEqualTo(LocalDate.now(clock).toString());
    String yesterday = LocalDate.now(clock).minusDays(1).toString();
    Api.Response form = senco.postMultipart(path, Map.of("adviceSummary", "One instruction at a time",
        "receivedOn", yesterday), "file", "../ot.pdf", "application/octet-stream", PDF);
    assertThat(form.status()).as(form.body()).isEqualTo(201);
    assertThat(form.json().get("filename").asString()).isEqualTo("ot.pdf");
    Api.Response adviceOnly = senco.postMultipart(path, Map.of("adviceSummary", "Advice by telephone"), "file",
        "", "", null);
    assertThat(adviceOnly.status()).as(adviceOnly.body()).isEqualTo(201);
    assertThat(jdbc.sql("""
            select advice_summary || ':' || coalesce(filename, '-') || ':' || coalesce(size_bytes, 0)
            from referral_report where referral_id = ? order by id""").param(referralId).query(String.class).list())
        .containsExactly("Use visual supports:SALT report.pdf:" + PDF.length,
            "One instruction at a time:ot.pdf:" + PDF.length, "Advice by telephone:-:0");
    assertThat(audited("referral-report", "CREATE", rawId)).isEqualTo(1);
    assertThat(senco.get("/api/v1/referrals/" + referralId).json().get("reports").valueStream()
        .map(r -> r.get("adviceSummary").asString())).contains("Use visual supports", "Advice by telephone");

    Map<String, String> summary = Map.of("adviceSummary", "x");
    assertThat(api("DSL", school()).postMultipart(path, summary, "file", "r.pdf", "application/pdf", PDF).status())
        .isEqualTo(403);
    assertThat(api("TEACHER", school()).post(path + "?adviceSummary=x", "application/pdf", PDF).status())
        .isIn(403, 404);
    assertThat(api("SENCO", otherSchool()).post(path + "?adviceSummary=x", "application/pdf", PDF).status())
        .isEqualTo(404);
    assertThat(api("GOVERNOR", school()).post(path + "?adviceSummary=x", "application/pdf", PDF).status())
        .isEqualTo(404);
    assertThat(senco.post("/api/v1/referrals/999999999/reports?adviceSummary=x", "application/pdf", PDF).status())
        .isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from referral_report where referral_id = ?").param(referralId)
        .query(Integer.class).single()).isEqualTo(3);
  }

  @Test
  void theApiMovesAReferralOnByTheRulesOfTheStatusPageAndRefusesAStaleChange() {
    long pupilId = pupil();
    long referralId = newReferral(pupilId);
    String path = "/api/v1/referrals/" + referralId + "/status";
    Api senco = api("SENCO", school());
    String today = LocalDate.now(clock).toString();

    Api.Response noConsent = senco.postJson(path, """
        {"status":"SENT","changedOn":"%s","version":%s}""".formatted(today, version(referralId)));
    assertThat(noConsent.status()).isEqualTo(422);
    assertThat(fields(noConsent)).containsExactly("consent");
    Api.Response nonsense = senco.postJson(path, """
        {"status":"LOST","changedOn":"yesterday","note":"%s"}""".formatted("n".repeat(1001)));
    assertThat(fields(nonsense)).containsExactlyInAnyOrder("status", "changedOn", "note");
    assertThat(row(referralId).get("status")).isEqualTo("DRAFT");

    PageSession page = page("SENCO", school());
    long contactId = jdbc.sql("select min(id) from pupil_contact where pupil_id = ? and parental_responsibility")
        .param(pupilId).query(Long.class).single();
    assertThat(page.post("/schools/" + school() + "/referrals/" + referralId + "/consent", date("givenOn",
        LocalDate.now(clock), Map.of("version", version(referralId), "contact", String.valueOf(contactId),
            "how", "VERBAL", "scope", "ASSESSMENT"))).status()).isEqualTo(302);
    Api.Response future = senco.postJson(path, """
        {"status":"SENT","changedOn":"%s"}""".formatted(LocalDate.now(clock).plusDays(1)));
    assertThat(fields(future)).containsExactly("changedOn");

    Api.Response sent = senco.postJson(path, """
        {"status":"SENT","changedOn":"%s","version":%s}""".formatted(today, version(referralId)));
    assertThat(sent.status()).as(sent.body()).isEqualTo(200);
    assertThat(sent.json().get("status").asString()).isEqualTo("SENT");
    assertThat(sent.json().get("sentOn").asString()).isEqualTo(today);
    await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
        "select parent_copy_recipients from referral where id = ?").param(referralId).query(String.class)
        .optional().isPresent());

    Api.Response skipped = senco.postJson(path, """
        {"status":"ADVICE_RECEIVED"}""");
    assertThat(skipped.status()).isEqualTo(422);
    assertThat(fields(skipped)).containsExactly("status");
    assertThat(skipped.body()).contains("A referral that is sent cannot be marked advice received");

    Api.Response stale = senco.postJson(path, """
        {"status":"ACCEPTED","version":0}""");
    assertThat(stale.status()).isEqualTo(409);
    Api.Response staleHeader = senco.post(path, "application/json", """
        {"status":"ACCEPTED"}""".getBytes(), "If-Match", "\"0\"");
    assertThat(staleHeader.status()).isEqualTo(409);
    assertThat(row(referralId).get("status")).isEqualTo("SENT");

    assertThat(api("DSL", school()).postJson(path, """
        {"status":"CLOSED"}""").status()).isEqualTo(403);
    assertThat(api("SENCO", otherSchool()).postJson(path, """
        {"status":"CLOSED"}""").status()).isEqualTo(404);
    assertThat(api("GOVERNOR", school()).postJson(path, """
        {"status":"CLOSED"}""").status()).isEqualTo(404);

    Api.Response accepted = senco.post(path, "application/json", """
        {"status":"ACCEPTED","note":"Triage call booked"}""".getBytes(), "If-Match", "\"" + version(referralId)
        + "\"");
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
    assertThat(accepted.json().get("history").valueStream().map(h -> h.get("status").asString()))
        .containsExactly("DRAFT", "SENT", "ACCEPTED");
    assertThat(accepted.json().get("history").get(2).get("note").asString()).isEqualTo("Triage call booked");
    assertThat(jdbc.sql("""
            select count(*) from audit_entry where record_type = 'referral' and record_id = ? and action = 'UPDATE'
              and detail = 'status ACCEPTED'""").param(String.valueOf(referralId)).query(Integer.class).single())
        .isEqualTo(1);
  }

  static List<String> fields(Api.Response response) {
    return response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
  }

  static boolean sentTo(Message message, String email) {
    try {
      return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().contains(email));
    } catch (Exception e) {
      return false;
    }
  }

  static String subject(Message message) {
    try {
      return String.valueOf(message.getSubject());
    } catch (Exception e) {
      return "";
    }
  }

}
