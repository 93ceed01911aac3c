package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@SendaTest
class SupportPdfIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  private byte[] download(DemoAccounts.Account account, String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + account.apiToken()).header("Accept", "application/pdf").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    return response.body();
  }

  private static void assertAccessible(PDDocument pdf, String title) throws IOException {
    assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).as("tagged: structure tree").isNotNull();
    assertThat(pdf.getDocumentCatalog().getMarkInfo()).isNotNull();
    assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
    assertThat(pdf.getDocumentCatalog().getLanguage()).startsWith("en");
    assertThat(pdf.getDocumentInformation().getTitle()).contains(title);
    for (PDPage page : pdf.getPages()) {
      for (var name : page.getResources().getFontNames()) {
        PDFont font = page.getResources().getFont(name);
        assertThat(font.isEmbedded()).as("font " + font.getName() + " embedded").isTrue();
      }
    }
  }

  @Test
  void aPlanWithItsReviewRecordsIsATaggedPdfWithTheSchoolsName() throws Exception {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account senco = accounts.get("SENCO", school);
    DemoAccounts.Account teacher = accounts.get("TEACHER", school);
    long pupil = SupportFixtures.pupilTaughtBy(jdbc, teacher);
    LocalDate today = LocalDate.now(clock);
    Api api = new Api(port, senco.apiToken());
    long id = api.postJson("/api/v1/pupils/" + pupil + "/support-plans", """
        {"outcomes":[{"description":"Reads the first 100 high-frequency words","measure":"Words read from the list",
        "baseline":"22 of 100","target":"60 of 100","targetDate":"%s","strategies":["Pre-teach key words"]}],
        "wave":2,"reviewDate":"%s","status":"ACTIVE","strengths":"Kind & funny; loves drawing"}"""
        .formatted(today.plusMonths(3), today.plusMonths(2))).json().get("id").asLong();
    long outcome = api.get("/api/v1/support-plans/" + id).json().get("outcomes").get(0).get("id").asLong();
    assertThat(api.postJson("/api/v1/support-plans/" + id + "/reviews", """
        {"heldOn":"%s","outcomes":[{"outcomeId":%d,"result":"PARTLY","evidence":"41 of 100"}],
         "pupilView":"I like the word games","parentsView":"Reading at bedtime","decision":"CONTINUE"}"""
        .formatted(today, outcome)).status()).isEqualTo(201);

    byte[] bytes = download(teacher, "/api/v1/support-plans/" + id + "/pdf");
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      assertAccessible(pdf, "for");
      String text = new PDFTextStripper().getText(pdf);
      String schoolName = jdbc.sql("select name from school where id = ?").param(school).query(String.class).single();
      assertThat(text).contains(schoolName, "Reads the first 100 high-frequency words", "Kind & funny",
          "Review records", "I like the word games", "Partly achieved");
    }

    assertThat(new Api(port, accounts.get("GOVERNOR", school).apiToken()).get("/api/v1/support-plans/" + id + "/pdf")
        .status()).isEqualTo(404);
  }

  @Test
  void aLongPassportStillFitsOneA4Page() throws Exception {
    long school = accounts.schoolIds().getFirst();
    DemoAccounts.Account senco = accounts.get("SENCO", school);
    long pupil = jdbc.sql("select max(p.id) from pupil p where p.school_id = ?").param(school)
        .query(Long.class).single();
    String longText = "I like drawing dragons and building things with Lego. ".repeat(12);
    Api api = new Api(port, senco.apiToken());
    assertThat(api.put("/api/v1/pupils/" + pupil + "/passport", """
        {"likedAndAdmired":"%1$s","importantToMe":"%1$s","howBestToSupportMe":"%1$s","findHard":"%1$s",
         "hopes":"%1$s","pupilContributedOn":"2026-11-20"}""".formatted(longText)).status()).isEqualTo(200);

    try (PDDocument pdf = Loader.loadPDF(download(senco, "/api/v1/pupils/" + pupil + "/passport/pdf"))) {
      assertThat(pdf.getNumberOfPages()).isEqualTo(1);
      assertAccessible(pdf, "All about me");
      assertThat(new PDFTextStripper().getText(pdf)).contains("How best to support me", "My hopes");
    }
  }
}
