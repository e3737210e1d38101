package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad request gets the contract's status and error code, a readable description, and changes
 * nothing: the owner's clients read back exactly as before.
 */
class BadInputIT {

  private static final String METADATA = "invalid_client_metadata";
  private static final String REDIRECT = "invalid_redirect_uri";
  private static final String REQUEST = "invalid_request";
  private static final String EXISTING = "{existing}";

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");
  private static ClientsApi api;
  private static String existingId;

  @BeforeAll
  static void createRealmWithOneClient() {
    api = realm.api("alice");
    ObjectNode body = Json.object();
    body.put("client_name", "Untouchable");
    body.put("description", "must survive every bad request");
    body.putArray("redirect_uris").add("https://app.example.com/cb");
    existingId = api.create(body).json().get("client_id").asText();
  }

  /** One bad request: where it goes, what it sends, and what the contract says it gets. */
  record Case(
      String name,
      String method,
      String path,
      String contentType,
      Object body,
      int status,
      String error) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Case create(String name, Object body, String error) {
    return new Case(name, "POST", "", ClientsApi.JSON, body, 400, error);
  }

  private static Case put(String name, Object body, String error) {
    return new Case(name, "PUT", "/" + EXISTING, ClientsApi.JSON, body, 400, error);
  }

  private static Case patch(String name, Object body, String error) {
    return new Case(name, "PATCH", "/" + EXISTING, ClientsApi.MERGE_PATCH, body, 400, error);
  }

  private static Case list(String name, String query) {
    return new Case(name, "GET", "?" + query, null, null, 400, REQUEST);
  }

  private static Case raw(String name, String method, String contentType, Object body) {
    String path = method.equals("POST") ? "" : "/" + EXISTING;
    return new Case(name, method, path, contentType, body, 400, REQUEST);
  }

  /** A client body with one field set to a value, beside a valid name. */
  private static ObjectNode with(String field, Object value) {
    ObjectNode body = Json.object();
    body.put("client_name", "ok");
    body.set(field, Json.MAPPER.valueToTree(value));
    return body;
  }

  private static ObjectNode redirect(String uri) {
    return with("redirect_uris", List.of(uri));
  }

  static Stream<Case> badRequests() {
    String big = "x".repeat(70 * 1024);
    return Stream.of(
        // client_name
        create("missing client_name", Map.of("description", "no name"), METADATA),
        create("null client_name", "{\"client_name\":null}", METADATA),
        create("empty client_name", Map.of("client_name", ""), METADATA),
        create("blank client_name", Map.of("client_name", "   "), METADATA),
        create("client_name of 201 characters", Map.of("client_name", "n".repeat(201)), METADATA),
        create("client_name with a control character", Map.of("client_name", "a\u0007b"), METADATA),
        create("client_name as a number", "{\"client_name\":42}", METADATA),
        create("client_name as an object", "{\"client_name\":{\"en\":\"x\"}}", METADATA),
        // other user fields
        create("description of 1001 characters", with("description", "d".repeat(1001)), METADATA),
        create("description as an array", with("description", List.of("a")), METADATA),
        create("enabled as a string", with("enabled", "yes"), METADATA),
        create("contacts as a string", with("contacts", "ops@example.com"), METADATA),
        create(
            "eleven contacts",
            with("contacts", IntStream.range(0, 11).mapToObj(i -> i + "@example.com").toList()),
            METADATA),
        create("metadata as an array", with("metadata", List.of(1)), METADATA),
        create("metadata over 4 KiB", with("metadata", Map.of("blob", "m".repeat(4100))), METADATA),
        create("client_uri over plain http", with("client_uri", "http://example.com"), METADATA),
        create("logo_uri that is no URL", with("logo_uri", "not a url"), METADATA),
        create("tos_uri as a number", with("tos_uri", 7), METADATA),
        // redirect URIs
        create("wildcard host", redirect("https://*.example.com/cb"), REDIRECT),
        create("wildcard path", redirect("https://example.com/*"), REDIRECT),
        create("fragment", redirect("https://example.com/cb#section"), REDIRECT),
        create("http on a public host", redirect("http://example.com/cb"), REDIRECT),
        create("relative URI", redirect("/cb"), REDIRECT),
        create("custom scheme without a dot", redirect("myapp:/cb"), REDIRECT),
        create("javascript URI", redirect("javascript:alert(1)"), REDIRECT),
        create("user info in the URI", redirect("https://user:pw@example.com/cb"), REDIRECT),
        create("URI longer than 255", redirect("https://example.com/" + "p".repeat(236)), REDIRECT),
        create("URI that is not ASCII", redirect("https://example.com/caf\u00e9"), REDIRECT),
        create(
            "client_uri longer than 255",
            with("client_uri", "https://example.com/" + "p".repeat(236)),
            METADATA),
        create("client_name reversed by U+202E", with("client_name", "abc\u202Edef"), METADATA),
        create("description with a zero-width space", with("description", "a\u200Bb"), METADATA),
        create(
            "21 redirect URIs",
            with(
                "redirect_uris",
                IntStream.range(0, 21).mapToObj(i -> "https://example.com/cb" + i).toList()),
            REDIRECT),
        create(
            "redirect_uris as a string", with("redirect_uris", "https://example.com/cb"), METADATA),
        create("redirect_uris holding a number", with("redirect_uris", List.of(1)), METADATA),
        create(
            "post-logout URI over plain http",
            with("post_logout_redirect_uris", List.of("http://example.com/bye")),
            REDIRECT),
        create(
            "CORS origin with a path",
            with("allowed_cors_origins", List.of("https://example.com/app")),
            METADATA),
        create(
            "CORS origin over plain http",
            with("allowed_cors_origins", List.of("http://example.com")),
            METADATA),
        // fixed and unknown fields
        create("unknown field", with("colour", "blue"), METADATA),
        create("client_secret chosen by the user", with("client_secret", "mine"), METADATA),
        create("client_id chosen by the user", with("client_id", "my-client"), METADATA),
        create("other grant types", with("grant_types", List.of("password")), METADATA),
        create("other response types", with("response_types", List.of("token")), METADATA),
        create("other scope", with("scope", "openid admin"), METADATA),
        create("other audience", with("audience", List.of("someone-else")), METADATA),
        create(
            "other auth method",
            with("token_endpoint_auth_method", "client_secret_basic"),
            METADATA),
        create("other owner", with("owner", "someone-else"), METADATA),
        create("other token lifespan", with("access_token_lifespan", 99999), METADATA),
        create("created_at on create", with("created_at", "2020-01-01T00:00:00Z"), METADATA),
        create("secret expiry other than 0", with("client_secret_expires_at", 5), METADATA),
        // body, syntax and media type
        raw("body that is not JSON", "POST", ClientsApi.JSON, "client_name=x"),
        raw("truncated JSON", "POST", ClientsApi.JSON, "{\"client_name\":"),
        raw("JSON array body", "POST", ClientsApi.JSON, "[{\"client_name\":\"x\"}]"),
        raw("JSON string body", "POST", ClientsApi.JSON, "\"client_name\""),
        raw("empty body", "POST", ClientsApi.JSON, ""),
        raw(
            "duplicate keys",
            "POST",
            ClientsApi.JSON,
            "{\"client_name\":\"a\",\"client_name\":\"b\"}"),
        raw("trailing garbage", "POST", ClientsApi.JSON, "{\"client_name\":\"a\"} x"),
        raw("text/plain", "POST", "text/plain", "{\"client_name\":\"x\"}"),
        raw("form content type", "POST", "application/x-www-form-urlencoded", "client_name=x"),
        raw("no content type", "POST", null, "{\"client_name\":\"x\"}"),
        raw(
            "latin-1 charset",
            "POST",
            "application/json; charset=iso-8859-1",
            "{\"client_name\":\"x\"}"),
        raw(
            "invalid UTF-8",
            "POST",
            ClientsApi.JSON,
            new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'}),
        raw("body over 64 KiB", "POST", ClientsApi.JSON, "{\"client_name\":\"" + big + "\"}"),
        // listing parameters
        list("max of 0", "max=0"),
        list("max over 1000", "max=1001"),
        list("max that is no number", "max=ten"),
        list("negative first", "first=-1"),
        list("fractional first", "first=1.5"),
        list("first given twice", "first=1&first=2"),
        // replace and merge patch on an existing client
        put("PUT without client_name", Map.of("description", "nameless"), METADATA),
        put("PUT changing client_id", with("client_id", "ssc-other"), METADATA),
        put("PUT changing created_at", with("created_at", "2001-01-01T00:00:00Z"), METADATA),
        put("PUT with a wildcard redirect", redirect("https://example.com/*"), REDIRECT),
        raw("PUT as merge patch", "PUT", ClientsApi.MERGE_PATCH, Map.of("client_name", "x")),
        raw("PUT over 64 KiB", "PUT", ClientsApi.JSON, "{\"client_name\":\"" + big + "\"}"),
        patch("PATCH clearing client_name", "{\"client_name\":null}", METADATA),
        patch("PATCH changing the owner", Map.of("owner", "someone-else"), METADATA),
        patch(
            "PATCH with an http redirect",
            Map.of("redirect_uris", List.of("http://example.com/cb")),
            REDIRECT),
        patch("PATCH with wrong types", Map.of("enabled", "false"), METADATA),
        patch("PATCH with an unknown field", Map.of("colour", "blue"), METADATA),
        raw("PATCH sent as application/json", "PATCH", ClientsApi.JSON, Map.of("client_name", "x")),
        raw("PATCH with an array body", "PATCH", ClientsApi.MERGE_PATCH, "[]"),
        raw("PATCH that is not JSON", "PATCH", ClientsApi.MERGE_PATCH, "client_name: x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  void isRefusedClearlyAndChangesNothing(Case bad) {
    String before = api.list("").body();

    HttpResult result =
        api.raw(
            bad.method(), bad.path().replace(EXISTING, existingId), bad.contentType(), bad.body());

    assertEquals(bad.status(), result.status(), result::toString);
    assertTrue(result.header("Content-Type").startsWith("application/json"), result::toString);
    JsonNode error = result.json();
    assertEquals(bad.error(), error.get("error").asText(), result::toString);
    String description = error.get("error_description").asText();
    assertFalse(description.isBlank(), "a human sentence is expected");
    assertFalse(
        description.contains("Exception"), "no stack trace or exception names: " + description);
    assertEquals(
        Json.parse(before), Json.parse(api.list("").body()), "a failed request changes nothing");
  }

  @Test
  void thereAreAtLeastFortyBadRequests() {
    assertTrue(badRequests().count() >= 40);
  }

  @Test
  void anUnknownIdAndAWrongMethodChangeNothingEither() {
    String before = api.list("").body();
    assertEquals(404, api.read("ssc-doesnotexist").status());
    assertEquals(404, api.replace("ssc-doesnotexist", Map.of("client_name", "x")).status());
    assertEquals(404, api.rotate("ssc-doesnotexist").status());
    assertEquals(405, api.raw("DELETE", "", null, null).status());
    assertEquals(Json.parse(before), Json.parse(api.list("").body()));
  }

  /** PostgreSQL refuses NUL in text with an error; such an id must not reach a query. */
  @ParameterizedTest
  @MethodSource("idsNoClientCanHave")
  void anIdNoClientCanHaveIsNotFoundOnEveryDatabase(String pathId) {
    String before = api.list("").body();
    for (HttpResult result :
        List.of(
            api.read(pathId),
            api.patch(pathId, Map.of("client_name", "x")),
            api.delete(pathId),
            api.rotate(pathId))) {
      assertEquals(404, result.status(), result::toString);
      assertEquals("not_found", result.error());
    }
    // Keycloak itself refuses a NUL in any query string (400, before the API runs).
    if (!pathId.contains("%00")) {
      HttpResult filtered = api.list("client_id=" + pathId);
      assertEquals(200, filtered.status(), filtered::toString);
      assertEquals(0, filtered.json().size(), filtered::toString);
    }
    assertEquals(Json.parse(before), Json.parse(api.list("").body()));
  }

  static Stream<String> idsNoClientCanHave() {
    // One past the longest client id, and a long one that still fits Keycloak 26.7.0's request line
    // (it answers 431 itself to 10 000 characters).
    return Stream.of(
        "%00abc", "abc%00", "%ED%A0%80x", "%FF%FE", "a".repeat(256), "a".repeat(2_000));
  }

  @Test
  void invalidUtf8IsNotSilentlyRepaired() {
    byte[] body = "{\"client_name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    HttpResult result = api.raw("POST", "", ClientsApi.JSON, body);
    assertEquals(400, result.status(), result::toString);
    List<String> names = new ArrayList<>();
    api.list("").json().forEach(c -> names.add(c.get("client_name").asText()));
    assertEquals(Collections.singletonList("Untouchable"), names);
  }
}
