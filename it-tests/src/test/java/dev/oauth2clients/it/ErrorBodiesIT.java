package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Answers that JAX-RS or Keycloak would otherwise write in their own words (a refused CORS origin,
 * a path the API does not have, a method a path does not take, an Accept without JSON) come in the
 * contract's error body, change nothing, and leave Keycloak's other endpoints as they were.
 */
class ErrorBodiesIT {

  private static final String BROWSER_ACCEPT =
      "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
  private static final String EXISTING = "{existing}";

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("erin");
  private static ClientsApi api;
  private static String existingId;

  @BeforeAll
  static void createRealmWithOneClient() {
    api = realm.api("erin");
    existingId = api.createNamed("Stays as it is").get("client_id").asText();
  }

  private static HttpResult send(String method, String path, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(Http.bearer(api.token()));
    all.putAll(headers);
    byte[] body = method.equals("GET") || method.equals("DELETE") ? null : "{}".getBytes();
    if (body != null) {
      all.put("Content-Type", ClientsApi.JSON);
    }
    return Http.send(method, api.url() + path.replace(EXISTING, existingId), all, body);
  }

  /** The contract's body, with a sentence, and the list as it was before. */
  private static JsonNode assertContractError(
      HttpResult result, int status, String error, String listBefore) {
    assertEquals(status, result.status(), result::toString);
    assertTrue(result.header("Content-Type").startsWith("application/json"), result::toString);
    JsonNode body = result.json();
    assertEquals(error, body.path("error").asText(), result::toString);
    assertFalse(body.path("error_description").asText().isBlank(), result::toString);
    assertEquals(Set.of("error", "error_description"), fieldNames(body), result::toString);
    assertEquals(Json.parse(listBefore), Json.parse(api.list("").body()), "nothing changed");
    return body;
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "POST", "PATCH", "DELETE"})
  void aRefusedCorsOriginGetsAccessDenied(String method) {
    String before = api.list("").body();
    String path = method.equals("GET") || method.equals("POST") ? "" : "/" + EXISTING;
    HttpResult refused = send(method, path, Map.of("Origin", "https://evil.example"));
    assertContractError(refused, 403, "access_denied", before);
    assertNull(refused.header("Access-Control-Allow-Origin"), "no CORS headers for it");
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /{existing}/secret/more",
    "GET, /a/b/c",
    "POST, /{existing}/rotate",
    "PUT, /{existing}/secret/more",
    "PATCH, /a/b",
    "DELETE, /{existing}/nothing",
  })
  void anUnknownPathGetsNotFound(String method, String path) {
    String before = api.list("").body();
    assertContractError(send(method, path, Map.of()), 404, "not_found", before);
    assertContractError(
        send(method, path, Map.of("Accept", BROWSER_ACCEPT)), 404, "not_found", before);
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, '', GET HEAD OPTIONS POST",
    "PATCH, '', GET HEAD OPTIONS POST",
    "DELETE, '', GET HEAD OPTIONS POST",
    "POST, /{existing}, DELETE GET HEAD OPTIONS PATCH PUT",
    "GET, /{existing}/secret, OPTIONS POST",
    "DELETE, /{existing}/secret, OPTIONS POST",
  })
  void aWrongMethodGetsMethodNotAllowedWithTheMethodsThatFit(
      String method, String path, String allowed) {
    String before = api.list("").body();
    HttpResult result = send(method, path, Map.of("Accept", BROWSER_ACCEPT));
    assertContractError(result, 405, "invalid_request", before);
    assertEquals(Set.of(allowed.split(" ")), allowHeader(result), result::toString);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"text/html", "application/xml", "text/plain, image/png", "application/json;q=0"})
  void anAcceptWithoutJsonGetsNotAcceptable(String accept) {
    String before = api.list("").body();
    assertContractError(send("GET", "", Map.of("Accept", accept)), 406, "invalid_request", before);
    assertContractError(
        send("PATCH", "/" + EXISTING, Map.of("Accept", accept)), 406, "invalid_request", before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "*/*", "application/*", BROWSER_ACCEPT})
  void anAcceptThatCoversJsonIsAnswered(String accept) {
    HttpResult read = send("GET", "/" + EXISTING, Map.of("Accept", accept));
    assertEquals(200, read.status(), read::toString);
    assertEquals(existingId, read.json().get("client_id").asText());
  }

  /** The fallbacks live in the API's own resource class: Keycloak's other answers stay its own. */
  @Test
  void keycloaksOwnEndpointsKeepTheirOwnBodies() {
    HttpResult otherExtension =
        Http.send(
            "GET",
            realm.url() + "/no-such-extension/a/b",
            Map.of("Accept", "application/json"),
            null);
    assertEquals(404, otherExtension.status(), otherExtension::toString);
    assertEquals("HTTP 404 Not Found", otherExtension.json().path("error").asText());
    assertFalse(otherExtension.json().has("error_description"), otherExtension::toString);
  }

  private static Set<String> fieldNames(JsonNode body) {
    Set<String> names = new TreeSet<>();
    body.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static Set<String> allowHeader(HttpResult result) {
    String allow = result.header("Allow");
    assertTrue(allow != null, "an Allow header: " + result);
    return Arrays.stream(allow.split(",")).map(String::trim).collect(Collectors.toSet());
  }
}
