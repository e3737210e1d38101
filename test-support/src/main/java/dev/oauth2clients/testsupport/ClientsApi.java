package dev.oauth2clients.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The oauth2-clients API of one realm, called with one access token. */
public final class ClientsApi {

  public static final String JSON = "application/json";
  public static final String MERGE_PATCH = "application/merge-patch+json";

  private final String url;
  private final String token;

  ClientsApi(String realmUrl, String token) {
    this.url = realmUrl + "/oauth2-clients";
    this.token = token;
  }

  public HttpResult create(Object body) {
    return raw("POST", "", JSON, body);
  }

  public HttpResult list(String query) {
    return raw("GET", query.isEmpty() ? "" : "?" + query, null, null);
  }

  public HttpResult read(String clientId) {
    return raw("GET", "/" + clientId, null, null);
  }

  public HttpResult replace(String clientId, Object body) {
    return raw("PUT", "/" + clientId, JSON, body);
  }

  public HttpResult patch(String clientId, Object body) {
    return raw("PATCH", "/" + clientId, MERGE_PATCH, body);
  }

  public HttpResult delete(String clientId) {
    return raw("DELETE", "/" + clientId, null, null);
  }

  public HttpResult rotate(String clientId) {
    return raw("POST", "/" + clientId + "/secret", null, null);
  }

  /** A rotation with terms, e.g. {@code previous_secret_expires_in}. */
  public HttpResult rotate(String clientId, Object body) {
    return raw("POST", "/" + clientId + "/secret", "application/json", body);
  }

  public HttpResult endOverlap(String clientId) {
    return raw("DELETE", "/" + clientId + "/secret/previous", null, null);
  }

  /** Any request: body is a JSON-able object, a string sent as is, or raw bytes. */
  public HttpResult raw(String method, String path, String contentType, Object body) {
    Map<String, String> headers = new HashMap<>(Http.bearer(token));
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    byte[] bytes =
        body == null
            ? null
            : body instanceof byte[] raw ? raw : Json.write(body).getBytes(StandardCharsets.UTF_8);
    return Http.send(method, url + path, headers, bytes);
  }

  /** Creates a client that must succeed, and returns the body (with its one-time secret). */
  public JsonNode createNamed(String name) {
    HttpResult created = create(Map.of("client_name", name));
    assertEquals(201, created.status(), created::toString);
    return created.json();
  }

  public String url() {
    return url;
  }

  /** The access token this API is called with, for callers that build their own requests. */
  public String token() {
    return token;
  }
}
