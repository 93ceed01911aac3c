package org.senda.test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person using Senda's pages over real HTTP: cookies kept, CSRF token taken from the last form, redirects not
 * followed (so tests see them). For permission tests of pages without the cost of a browser.
 */
public final class PageSession {

  public record Page(int status, String location, String body, HttpHeaders headers) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

  private final int port;
  private final HttpClient client;
  private String csrf = "";

  public PageSession(int port) {
    this.port = port;
    this.client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** Signs in with password and the next TOTP code; fails the test when sign-in does not succeed. */
  public static PageSession signedIn(int port, DemoAccounts.Account account) {
    PageSession session = new PageSession(port);
    session.get("/sign-in");
    Page result = session.post("/sign-in", Map.of(
        "email", account.email(),
        "password", account.password(),
        "code", TotpCodes.next(account.email(), account.totpSecret())));
    if (result.status() != 302 || !result.location().endsWith("/")) {
      throw new AssertionError("Sign-in as " + account.email() + " failed: " + result.status() + " "
          + result.location());
    }
    return session;
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  /**
   * Follows a redirect as a browser does (a GET of its Location), so the message it leaves for the next page is
   * taken there rather than by a later request.
   */
  public Page follow(Page redirect) {
    if (redirect.status() != 302) {
      throw new AssertionError("expected a redirect, got " + redirect.status());
    }
    String location = redirect.header("Location").orElseThrow(() -> new AssertionError("a redirect without Location"));
    return get(location.replaceFirst("^https?://[^/]+", ""));
  }

  /** A GET with extra request headers (e.g. to ask a test filter to count the request's SQL statements). */
  public Page get(String path, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
    headers.forEach(request::header);
    return send(request);
  }

  /** A GET whose body is binary (an XLSX or PDF download): the status and the bytes. */
  public byte[] getBytes(String path) {
    try {
      HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri(path)).GET()
          .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new AssertionError("GET " + path + " answered " + response.statusCode());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Page post(String path, Map<String, String> fields) {
    return post(path, fields, "");
  }

  /**
   * A form post with fields given more than once (ticked checkboxes) in {@code repeated}, already encoded, like
   * {@code pupilIds=1&pupilIds=2}.
   */
  public Page post(String path, Map<String, String> fields, String repeated) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    String body = all.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")) + (repeated.isEmpty() ? "" : "&" + repeated);
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A multipart form post with one file, as a browser sends a file upload (the CSRF token goes in the fields). */
  public Page postFile(String path, Map<String, String> fields, String fileField, String fileName, String contentType,
      byte[] content) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("_csrf", csrf);
    String boundary = "senda-test-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    all.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
        + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private Page send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      String body = response.body();
      Matcher matcher = CSRF.matcher(body);
      if (matcher.find()) {
        csrf = matcher.group(1);
      } else {
        Matcher meta = CSRF_META.matcher(body);
        if (meta.find()) {
          csrf = meta.group(1);
        }
      }
      return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(""), body,
          response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
