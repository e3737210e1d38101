package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.OpenApiValidator;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The API serves its OpenAPI 3.1 document to anyone, with the realm's own API URL as server, and it
 * is the one committed in docs/ (which names the demo realm). That every answer of the suite fits
 * the document is checked on every request (test-support ResponseValidation).
 */
class OpenApiDocumentIT {

  private static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("olga");

  private static HttpResult document(TestRealm of, Map<String, String> headers) {
    return Http.send("GET", of.url() + "/oauth2-clients/openapi.json", headers, null);
  }

  @Test
  void theServedDocumentIsTheCommittedOneWithThisRealmsApiUrl() throws Exception {
    HttpResult served = document(realm, Map.of());
    assertEquals(200, served.status(), served::toString);
    assertTrue(served.header("Content-Type").startsWith("application/json"), served::toString);
    JsonNode document = served.json();
    assertTrue(document.path("openapi").asText().startsWith("3.1"), served::toString);

    String issuer =
        Http.send("GET", realm.url() + "/.well-known/openid-configuration", Map.of(), null)
            .json()
            .get("issuer")
            .asText();
    assertEquals(issuer + "/oauth2-clients", document.at("/servers/0/url").asText());

    ObjectNode committed =
        (ObjectNode) Json.parse(Files.readString(COMMITTED, StandardCharsets.UTF_8));
    committed.set("servers", document.get("servers"));
    assertEquals(
        committed,
        document,
        "docs/openapi.json is not what the API serves (but for servers); copy the provider's"
            + " openapi.json there with the demo realm's servers URL");
  }

  @Test
  void itNeedsNoTokenNorTheFeatureSwitch() {
    try (TestRealm switchedOff = TestRealm.create(Map.of(), "otto")) {
      HttpResult clients = switchedOff.api("otto").list("");
      assertEquals("feature_disabled", clients.error(), clients::toString);
      assertEquals(200, document(switchedOff, Map.of()).status());
    }
    HttpResult withBadToken = document(realm, Http.bearer("not-a-token"));
    assertEquals(200, withBadToken.status(), withBadToken::toString);
  }

  /**
   * The suite's validation is on, and the document is strict: a member the code would add without
   * documenting it, or a secret in a read, fails.
   */
  @Test
  void theSuiteHoldsEveryAnswerToTheDocumentAndTheDocumentIsStrict() {
    assertTrue(
        Boolean.getBoolean("oauth2-clients.validate-responses"),
        "failsafe turns on the validation of every answer");
    ClientsApi api = realm.api("olga");
    HttpResult created = api.create(Map.of("client_name", "Checked"));
    String documentUrl = api.url() + "/" + OpenApiValidator.DOCUMENT_PATH;
    OpenApiValidator validator =
        new OpenApiValidator(documentUrl, document(realm, Map.of()).body());

    ObjectNode undocumented = (ObjectNode) created.json();
    undocumented.put("undocumented_field", true);
    assertThrows(
        AssertionError.class,
        () ->
            validator.check(
                "POST",
                api.url(),
                new HttpResult(201, created.headers(), undocumented.toString())));

    String clientId = created.json().get("client_id").asText();
    HttpResult read = api.read(clientId);
    ObjectNode withSecret = (ObjectNode) read.json();
    withSecret.put("client_secret", created.json().get("client_secret").asText());
    assertThrows(
        AssertionError.class,
        () ->
            validator.check(
                "GET",
                api.url() + "/" + clientId,
                new HttpResult(200, read.headers(), withSecret.toString())));
  }

  /** The document names the collection "/", as OpenAPI paths start with one. */
  @Test
  void theCollectionAnswersWithATrailingSlashToo() {
    ClientsApi api = realm.api("olga");
    api.createNamed("Listed either way");
    HttpResult withSlash = api.raw("GET", "/", null, null);
    assertEquals(200, withSlash.status(), withSlash::toString);
    assertEquals(api.list("").json(), withSlash.json());
  }
}
