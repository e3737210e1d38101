package dev.oauth2clients.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Plain HTTP against the server under test; nothing of Keycloak's client libraries. */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private Http() {}

  /**
   * One request. With response validation on (see {@link ResponseValidation}), an answer of the
   * oauth2-clients API that its OpenAPI document does not allow fails the test here.
   */
  public static HttpResult send(
      String method, String url, Map<String, String> headers, byte[] body) {
    HttpResult result = exchange(method, url, headers, body);
    ResponseValidation.check(method, url, result);
    return result;
  }

  /** One request, never validated. */
  static HttpResult exchange(String method, String url, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(60))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new HttpResult(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static HttpResult postForm(
      String url, Map<String, String> form, Map<String, String> headers) {
    var all = new java.util.HashMap<>(headers);
    all.put("Content-Type", "application/x-www-form-urlencoded");
    return send("POST", url, all, encodeForm(form).getBytes(StandardCharsets.UTF_8));
  }

  public static String encodeForm(Map<String, String> form) {
    return form.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  public static Map<String, String> bearer(String token) {
    return Map.of("Authorization", "Bearer " + token);
  }
}
