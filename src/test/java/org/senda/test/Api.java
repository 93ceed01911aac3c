package org.senda.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the JSON API on the test server's port, with a bearer token. */
public final class Api {

  public record Response(int status, String contentType, String body, HttpHeaders headers) {
    public JsonNode json() {
      return MAPPER.readTree(body);
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final int port;
  private final @Nullable String token;

  public Api(int port, @Nullable String token) {
    this.port = port;
    this.token = token;
  }

  public Response get(String path) {
    return send(request(path).GET());
  }

  public Response post(String path, String contentType, String body) {
    return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts raw bytes (a PDF, for example) with the given content type and extra headers (name, value pairs). */
  public Response post(String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder request = request(path).header("Content-Type", contentType);
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Posts a multipart form with text fields and, when {@code content} is not null, one file. */
  public Response postMultipart(String path, java.util.Map<String, String> fields, String fileField,
      String fileName, String contentType, byte @Nullable [] content) {
    String boundary = "senda-api-test-" + System.nanoTime();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
    fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + name + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
    if (content != null) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
          + "\"; filename=\"" + fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(utf8));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(utf8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
    return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
  }

  public Response postJson(String path, String json) {
    return post(path, "application/json", json);
  }

  public Response put(String path, String json) {
    return send(request(path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public Response delete(String path) {
    return send(request(path).DELETE());
  }

  /** A request with any method, body and extra headers (name, value, name, value...). */
  public Response send(String method, String path, String contentType, byte[] body, String... headers) {
    HttpRequest.Builder builder = request(path).header("Content-Type", contentType)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.setHeader(headers[i], headers[i + 1]);
    }
    return send(builder);
  }

  /** A GET whose answer is bytes (an image), asking for {@code accept}. */
  public Binary getBytes(String path, String accept) {
    try {
      HttpResponse<byte[]> response = CLIENT.send(request(path).setHeader("Accept", accept).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
      return new Binary(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public record Binary(int status, byte[] bytes, HttpHeaders headers) {
    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.body(), response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
