package org.senda.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.senda.test.Api;
import org.senda.test.DemoAccounts;
import org.senda.test.SendaTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@SendaTest
class PassportApiIntegrationTest {

  @LocalServerPort
  int port;

  @Autowired
  DemoAccounts accounts;

  @Autowired
  JdbcClient jdbc;

  long school;
  DemoAccounts.Account senco;
  DemoAccounts.Account teacher;

  @BeforeEach
  void setUp() {
    school = accounts.schoolIds().getFirst();
    senco = accounts.get("SENCO", school);
    teacher = accounts.get("TEACHER", school);
  }

  private Api api(DemoAccounts.Account account) {
    return new Api(port, account.apiToken());
  }

  /** A pupil the teacher teaches (the tests share one database, so it may already have a passport). */
  private long freshPupil() {
    return jdbc.sql("""
            select max(p.id) from pupil p
            join class_staff cs on cs.class_id = p.class_id join account a on a.staff_id = cs.staff_id
            where lower(a.email) = lower(?)""")
        .param(teacher.email()).query(Long.class).single();
  }

  private int version(long pupil) {
    return jdbc.sql("select coalesce(max(number), 0) from pupil_passport where pupil_id = ?").param(pupil)
        .query(Integer.class).single();
  }

  @Test
  void passportsAreVersionedAndReadByThePupilsTeacher() {
    long pupil = freshPupil();
    int v = version(pupil);
    if (v == 0) {
      assertThat(api(senco).get("/api/v1/pupils/" + pupil + "/passport").status()).isEqualTo(404);
    }

    Api.Response first = api(senco).put("/api/v1/pupils/" + pupil + "/passport", """
        {"version":%d,"likedAndAdmired":"I am kind and funny","importantToMe":"My dog Biscuit","howBestToSupportMe":
         "Tell me what is happening next","findHard":"Loud rooms","hopes":"To be a vet",
         "pupilContributedOn":"2026-11-20"}""".formatted(v));
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    assertThat(first.json().get("version").asInt()).isEqualTo(v + 1);

    Api.Response second = api(senco).put("/api/v1/pupils/" + pupil + "/passport", """
        {"version":%d,"likedAndAdmired":"I am kind and funny","importantToMe":"My dog Biscuit and my nan",
         "howBestToSupportMe":"Tell me what is happening next","pupilContributedOn":"2026-11-24"}"""
        .formatted(v + 1));
    assertThat(second.json().get("version").asInt()).isEqualTo(v + 2);

    JsonNode read = api(teacher).get("/api/v1/pupils/" + pupil + "/passport").json();
    assertThat(read.get("version").asInt()).isEqualTo(v + 2);
    assertThat(read.get("importantToMe").asString()).isEqualTo("My dog Biscuit and my nan");
    assertThat(read.get("pupilContributedOn").asString()).isEqualTo("2026-11-24");

    Api.Response stale = api(senco).put("/api/v1/pupils/" + pupil + "/passport",
        "{\"version\":" + (v + 1) + ",\"hopes\":\"Overwrite\"}");
    assertThat(stale.status()).as("a save based on version 1 after version 2").isEqualTo(409);
    assertThat(api(senco).get("/api/v1/pupils/" + pupil + "/passport").json().get("version").asInt())
        .isEqualTo(v + 2);
  }

  @Test
  void onlyThoseWhoMayKnowReadOrWrite() {
    long pupil = freshPupil();
    api(senco).put("/api/v1/pupils/" + pupil + "/passport", "{\"hopes\":\"To be a vet\"}");
    long otherPupil = SupportFixtures.pupilNotTaughtBy(jdbc, teacher);
    api(senco).put("/api/v1/pupils/" + otherPupil + "/passport", "{\"hopes\":\"To swim\"}");

    assertThat(api(teacher).get("/api/v1/pupils/" + otherPupil + "/passport").status()).isEqualTo(404);
    assertThat(api(accounts.get("GOVERNOR", school)).get("/api/v1/pupils/" + pupil + "/passport").status())
        .isEqualTo(404);
    assertThat(api(accounts.get("SENCO", accounts.schoolIds().get(1))).get("/api/v1/pupils/" + pupil + "/passport")
        .status()).isEqualTo(404);
    assertThat(new Api(port, null).get("/api/v1/pupils/" + pupil + "/passport").status()).isEqualTo(401);
    assertThat(api(teacher).put("/api/v1/pupils/" + pupil + "/passport", "{\"hopes\":\"x\"}").status())
        .isEqualTo(403);
  }

  @Test
  void thePlainLanguageCheckScoresTextAndListsJargonWithPlainAlternatives() {
    Api.Response response = api(teacher).postJson("/api/v1/plain-language/check",
        "{\"text\":\"Sam has SLCN. He gets wave 3 support and differentiation in class.\"}");
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    JsonNode json = response.json();
    assertThat(json.get("readingEase").isNumber()).isTrue();
    List<String> terms = new ArrayList<>();
    json.get("jargon").forEach(j -> {
      terms.add(j.get("term").asString());
      assertThat(j.get("suggestion").asString()).isNotBlank();
    });
    assertThat(terms).containsExactly("SLCN", "wave 3", "differentiation");
    assertThat(new Api(port, null).postJson("/api/v1/plain-language/check", "{\"text\":\"x\"}").status())
        .isEqualTo(401);
  }
}
