package org.senda.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.senda.access.AccessEvent;
import org.senda.access.StaffAccounts;
import org.senda.access.StaffAccounts.Person;
import org.senda.test.Api;
import org.senda.test.PageSession;
import tools.jackson.databind.JsonNode;

class ApiTokensIntegrationTest extends AccountIntegrationTest {

  private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\" class=\"senda-token\">(senda_[A-Za-z0-9_-]{43})<");
  private static final Pattern REVOKE = Pattern.compile("action=\"(/account/api-tokens/\\d+/revoke)\"");

  @Test
  void aTokenIsShownOnceWorksIsListedAndStopsWhenRevoked() {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession session = PageSession.signedIn(port, StaffAccounts.account(person));
    assertThat(session.get("/account/api-tokens").body()).contains("You have no API tokens");

    PageSession.Page invalid = session.post("/account/api-tokens", Map.of("name", "", "lifetimeDays", "0"));
    assertThat(invalid.body()).contains("Enter a name for the token")
        .contains("Number of days must be between 1 and 365").contains("value=\"0\"");
    assertThat(session.post("/account/api-tokens", Map.of("name", "Report", "lifetimeDays", "ninety")).body())
        .contains("Number of days must be a whole number, like 90").contains("value=\"Report\"");

    PageSession.Page created = session.post("/account/api-tokens",
        Map.of("name", "Weekly report", "lifetimeDays", "30"));
    Matcher shown = NEW_TOKEN.matcher(created.body());
    assertThat(shown.find()).isTrue();
    String token = shown.group(1);
    assertThat(created.body()).contains("you will not see it again");
    // Never again: the list shows only the first characters.
    PageSession.Page list = session.get("/account/api-tokens");
    assertThat(list.body()).doesNotContain(token).contains(token.substring(0, 12)).contains("Weekly report")
        .contains("Active").contains("Never");
    assertThat(events.of(AccessEvent.Kind.API_TOKEN_ISSUED, person.email())).hasSize(1);

    Api api = new Api(port, token);
    Api.Response me = api.get("/api/v1/me");
    assertThat(me.status()).isEqualTo(200);
    JsonNode body = me.json();
    assertThat(body.get("email").asString()).isEqualTo(person.email());
    assertThat(body.get("name").asString()).startsWith("Alex Tester");
    assertThat(body.get("trustId").asLong()).isEqualTo(person.trustId());
    assertThat(body.get("roles")).hasSize(1);
    assertThat(body.get("roles").get(0).get("schoolId").asLong()).isEqualTo(person.schoolId());
    assertThat(body.get("roles").get(0).get("school").asString()).startsWith("Test School");
    assertThat(body.get("roles").get(0).get("roles").get(0).asString()).isEqualTo("SENCO");
    assertThat(body.get("trustRoles")).isEmpty();
    assertThat(session.get("/account/api-tokens").body()).doesNotContain(">Never<");

    Matcher revoke = REVOKE.matcher(session.get("/account/api-tokens").body());
    assertThat(revoke.find()).isTrue();
    assertThat(session.post(revoke.group(1), Map.of()).location()).endsWith("/account/api-tokens");
    assertThat(session.get("/account/api-tokens").body()).contains("Revoked");
    Api.Response refused = api.get("/api/v1/me");
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(events.of(AccessEvent.Kind.API_TOKEN_REVOKED, person.email())).hasSize(1);
  }

  @Test
  void someoneElsesTokenCannotBeRevoked() {
    Person owner = new StaffAccounts(jdbc, accounts).enrolled();
    String token = accounts.issueApiToken(owner.accountId(), "Owner's", Duration.ofDays(5));
    long tokenId = jdbc.sql("select id from api_token where account_id = ?").param(owner.accountId())
        .query(Long.class).single();
    Person other = new StaffAccounts(jdbc, accounts).enrolled();
    PageSession session = PageSession.signedIn(port, StaffAccounts.account(other));
    session.get("/account/api-tokens");
    assertThat(session.post("/account/api-tokens/" + tokenId + "/revoke", Map.of()).status()).isEqualTo(404);
    assertThat(new Api(port, token).get("/api/v1/me").status()).isEqualTo(200);
  }

  @Test
  void anExpiredTokenIsRefusedAndLastUseIsRecordedAtMostOnceAMinute() {
    Person person = new StaffAccounts(jdbc, accounts).enrolled();
    clock.setTo(java.time.Instant.now());
    String token = accounts.issueApiToken(person.accountId(), "Short-lived", Duration.ofDays(1));
    Api api = new Api(port, token);
    assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    java.sql.Timestamp firstUse = lastUsed(person);
    clock.advance(Duration.ofSeconds(30));
    assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(lastUsed(person)).isEqualTo(firstUse);
    clock.advance(Duration.ofSeconds(31));
    assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
    assertThat(lastUsed(person)).isAfter(firstUse);

    clock.advance(Duration.ofDays(1));
    Api.Response expired = api.get("/api/v1/me");
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.contentType()).startsWith("application/problem+json");
  }

  @Test
  void meWithoutATokenIsRefused() {
    assertThat(new Api(port, null).get("/api/v1/me").status()).isEqualTo(401);
  }

  private java.sql.Timestamp lastUsed(Person person) {
    return jdbc.sql("select last_used_at from api_token where account_id = ?").param(person.accountId())
        .query(java.sql.Timestamp.class).single();
  }
}
