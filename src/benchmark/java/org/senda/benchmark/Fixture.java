package org.senda.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.senda.access.Totp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The running Senda and its data as the benchmark sees them: the demo accounts from demo-accounts.json, a JDBC
 * connection to the same database (for the floor and for looking up ids such as the largest school), and
 * signed-in sessions.
 */
final class Fixture {

  record Account(String role, @Nullable Long schoolId, @Nullable String school, String email, String password,
      String totpSecret, String apiToken) {}

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String baseUrl;
  private final List<Account> accounts;
  private final @Nullable Connection connection;
  private final Map<Account, String> sessions = new HashMap<>();
  private final Map<String, Long> remembered = new HashMap<>();

  Fixture(String baseUrl, List<Account> accounts, @Nullable Connection connection) {
    this.baseUrl = baseUrl;
    this.accounts = accounts;
    this.connection = connection;
  }

  static List<Account> readAccounts(Path file) {
    if (!file.toFile().isFile()) {
      return List.of();
    }
    JsonNode root = JsonMapper.builder().build().readTree(file.toFile());
    return root.get("accounts").valueStream()
        .map(a -> new Account(
            a.get("role").asString(),
            a.get("schoolId").isNull() ? null : a.get("schoolId").asLong(),
            a.get("school").isNull() ? null : a.get("school").asString(),
            a.get("email").asString(),
            a.get("password").asString(),
            a.get("totpSecret").asString(),
            a.get("apiToken").asString()))
        .toList();
  }

  String baseUrl() {
    return baseUrl;
  }

  List<Account> accounts() {
    return accounts;
  }

  /**
   * The demo account with this role in this school (null: trust-wide; {@link Pages#FIRST_SCHOOL}: the first demo
   * school, whose id is known once the data exists).
   */
  Account account(String role, @Nullable Long school) {
    if (school != null && school == Pages.FIRST_SCHOOL) {
      return account(role, schoolIds().stream().findFirst().orElseThrow(() -> new MissingData("no demo school")));
    }
    return accounts.stream()
        .filter(a -> a.role().equals(role) && Objects.equals(a.schoolId(), school))
        .findFirst()
        .orElseThrow(() -> new MissingData("no demo account " + role + (school == null ? "" : " in school " + school)));
  }

  /** The demo schools' ids in the order of demo-accounts.json. */
  List<Long> schoolIds() {
    return accounts.stream().map(Account::schoolId).filter(Objects::nonNull).distinct().toList();
  }

  /** The school with the most pupils on roll (about 2,000 in a generated trust). */
  long largestSchoolId() {
    return queryLong("""
        select school_id from pupil where leaving_date is null group by school_id
        order by count(*) desc, school_id fetch first 1 rows only""");
  }

  /** One number from the database, e.g. the id of the school with the most pupils. */
  long queryLong(String sql, Object... parameters) {
    List<Long> values = queryLongs(sql, parameters);
    if (values.isEmpty()) {
      throw new MissingData("no row for " + sql);
    }
    return values.getFirst();
  }

  /**
   * A number looked up once per run (e.g. the pupil with the most history, which many floor statements use): the
   * same query with the same parameters gives the remembered value.
   */
  long rememberLong(String sql, Object... parameters) {
    String key = sql + java.util.Arrays.toString(parameters);
    Long known = remembered.get(key);
    if (known == null) {
      known = queryLong(sql, parameters);
      remembered.put(key, known);
    }
    return known;
  }

  /** The first column of every row, e.g. the ids of a trust's schools. */
  List<Long> queryLongs(String sql, Object... parameters) {
    try (PreparedStatement statement = connection().prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet rows = statement.executeQuery()) {
        List<Long> values = new java.util.ArrayList<>();
        while (rows.next()) {
          values.add(rows.getLong(1));
        }
        return values;
      }
    } catch (SQLException e) {
      throw new MissingData("cannot run " + sql + ": " + e.getMessage(), e);
    }
  }

  Connection connection() {
    if (connection == null) {
      throw new MissingData("no database connection in this run");
    }
    return connection;
  }

  /**
   * The Cookie header of a session signed in as this account, with its password and the current code; one
   * session per account for the whole run (a code cannot be used twice).
   */
  synchronized String sessionCookie(Account account) {
    String existing = sessions.get(account);
    if (existing != null) {
      return existing;
    }
    CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    try (HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build()) {
      HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
          .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
      Matcher csrf = CSRF.matcher(form.body());
      if (form.statusCode() != 200 || !csrf.find()) {
        throw new MissingData("the sign-in page answered " + form.statusCode() + " without a form");
      }
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("_csrf", csrf.group(1));
      fields.put("email", account.email());
      fields.put("password", account.password());
      fields.put("code", Totp.code(account.totpSecret(), Totp.stepAt(Instant.now())));
      HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/sign-in"))
          .timeout(Duration.ofSeconds(30))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(formBody(fields))).build(), HttpResponse.BodyHandlers.ofString());
      String location = signedIn.headers().firstValue("Location").orElse("");
      if (signedIn.statusCode() != 302 || location.contains("/sign-in")) {
        throw new MissingData("sign-in as " + account.email() + " failed: " + signedIn.statusCode() + " " + location);
      }
      String header = cookies.getCookieStore().getCookies().stream()
          .map(HttpCookie::toString)
          .collect(Collectors.joining("; "));
      sessions.put(account, header);
      return header;
    } catch (IOException e) {
      throw new IllegalStateException("Signing in as " + account.email() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String formBody(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
