package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keycloak's token endpoint with self-service clients: client_secret_post only, and the realm's
 * ordinary clients keep working exactly as before.
 */
class TokenEndpointIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");
  private static String clientId;
  private static String secret;

  @BeforeAll
  static void createRealmAndClient() {
    JsonNode client = realm.api("alice").createNamed("Strict");
    clientId = client.get("client_id").asText();
    secret = client.get("client_secret").asText();
  }

  private static void assertInvalidClient(HttpResult result, String reasonFragment) {
    assertEquals(401, result.status(), result::toString);
    assertEquals("invalid_client", result.error(), result::toString);
    String description = result.json().get("error_description").asText();
    assertTrue(description.contains(reasonFragment), description);
    assertFalse(result.body().contains(secret), "the secret must never be echoed");
  }

  @Test
  void theRightSecretSentAnyOtherWayIsRefused() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    assertInvalidClient(
        realm
            .tokens()
            .post(Map.of("grant_type", "client_credentials"), Map.of("Authorization", basic)),
        "HTTP Basic");
    assertInvalidClient(
        realm
            .tokens()
            .post(
                Map.of(
                    "grant_type", "client_credentials",
                    "client_id", clientId,
                    "client_assertion_type",
                        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                    "client_assertion", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl")),
        "assertion");
    assertInvalidClient(
        Http.postForm(
            realm.tokens().tokenUrl() + "?client_secret=" + secret,
            Map.of("grant_type", "client_credentials", "client_id", clientId),
            Map.of()),
        "query string");
  }

  @Test
  void aMissingOrWrongSecretIsRefused() {
    assertInvalidClient(
        realm.tokens().post(Map.of("grant_type", "client_credentials", "client_id", clientId)),
        "missing");
    assertInvalidClient(realm.tokens().clientCredentials(clientId, secret + "x"), "Invalid");
    assertInvalidClient(realm.tokens().clientCredentials(clientId, ""), "Invalid");
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
  }

  /** Paused, disabled by an admin, revoked: a stranger's wrong secret learns none of it. */
  @Test
  void aClientsStateIsNamedOnlyToWhoeverHoldsItsSecret() {
    JsonNode made = realm.api("alice").createNamed("Stateful");
    String id = made.get("client_id").asText();
    String right = made.get("client_secret").asText();
    String healthy = realm.tokens().clientCredentials(id, right + "x").body();

    assertEquals(200, realm.api("alice").patch(id, Map.of("enabled", false)).status());
    assertStateShownOnlyForTheRightSecret(id, right, healthy, "paused by its owner");
    assertEquals(200, realm.api("alice").patch(id, Map.of("enabled", true)).status());

    realm.admin().setClientEnabled(realm.name(), id, false);
    assertStateShownOnlyForTheRightSecret(id, right, healthy, "disabled by an administrator");
    realm.admin().setClientEnabled(realm.name(), id, true);

    String internalId = realm.admin().findClient(realm.name(), id).get("id").asText();
    Admin.expect(
        200,
        realm
            .admin()
            .call("POST", "/" + realm.name() + "/clients/" + internalId + "/client-secret", null));
    assertStateShownOnlyForTheRightSecret(id, right, healthy, "administrator revoked");
  }

  private static void assertStateShownOnlyForTheRightSecret(
      String id, String right, String healthyWrongSecretAnswer, String state) {
    HttpResult wrong = realm.tokens().clientCredentials(id, right + "x");
    assertEquals(healthyWrongSecretAnswer, wrong.body(), "a wrong secret: " + state);
    assertEquals(401, wrong.status(), wrong::toString);
    HttpResult holder = realm.tokens().clientCredentials(id, right);
    assertEquals(401, holder.status(), holder::toString);
    assertTrue(holder.json().get("error_description").asText().contains(state), holder::toString);
  }

  @Test
  void ordinaryClientsOfTheRealmAreUnaffected() {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (TestRealm.PLAIN_CLIENT + ":" + TestRealm.PLAIN_SECRET)
                        .getBytes(StandardCharsets.UTF_8));
    HttpResult viaBasic =
        realm
            .tokens()
            .post(Map.of("grant_type", "client_credentials"), Map.of("Authorization", basic));
    assertEquals(200, viaBasic.status(), viaBasic::toString);
    HttpResult viaPost =
        realm.tokens().clientCredentials(TestRealm.PLAIN_CLIENT, TestRealm.PLAIN_SECRET);
    assertEquals(200, viaPost.status(), viaPost::toString);
    HttpResult wrong = realm.tokens().clientCredentials(TestRealm.PLAIN_CLIENT, "wrong");
    assertEquals(401, wrong.status());
    assertEquals(
        200, realm.api("alice").list("").status(), "the public client still signs users in");

    JsonNode discovery =
        Http.send("GET", realm.url() + "/.well-known/openid-configuration", Map.of(), null).json();
    assertFalse(
        discovery
            .get("token_endpoint_auth_methods_supported")
            .toString()
            .contains("oauth2-clients"),
        "the custom authenticator does not leak into discovery");
  }

  @Test
  void introspectionReportsTokensOfADeletedClientInactive() {
    JsonNode client = realm.api("alice").createNamed("Introspected");
    String id = client.get("client_id").asText();
    JsonNode tokens =
        realm.tokens().clientCredentials(id, client.get("client_secret").asText()).json();
    String accessToken = tokens.get("access_token").asText();

    JsonNode before = realm.tokens().introspectAsPlainClient(accessToken).json();
    assertTrue(before.get("active").asBoolean(), before::toString);
    assertTrue(before.get("aud").toString().contains(realm.userId("alice")));

    assertEquals(204, realm.api("alice").delete(id).status());
    JsonNode after = realm.tokens().introspectAsPlainClient(accessToken).json();
    assertFalse(after.get("active").asBoolean(), after::toString);
    JsonNode refresh =
        realm.tokens().introspectAsPlainClient(tokens.get("refresh_token").asText()).json();
    assertFalse(refresh.get("active").asBoolean(), refresh::toString);
  }

  @Test
  void rotationKeepsSessionsButNotTheOldSecret() {
    JsonNode client = realm.api("alice").createNamed("Rotated with sessions");
    String id = client.get("client_id").asText();
    String oldSecret = client.get("client_secret").asText();
    JsonNode tokens = realm.tokens().clientCredentials(id, oldSecret).json();

    String newSecret = realm.api("alice").rotate(id).json().get("client_secret").asText();

    assertTrue(
        realm
            .tokens()
            .introspectAsPlainClient(tokens.get("access_token").asText())
            .json()
            .get("active")
            .asBoolean(),
        "access tokens issued before rotation stay valid until they expire");
    HttpResult refreshWithOld =
        realm.tokens().refresh(id, oldSecret, tokens.get("refresh_token").asText());
    assertEquals(401, refreshWithOld.status(), refreshWithOld::toString);
    HttpResult refreshWithNew =
        realm.tokens().refresh(id, newSecret, tokens.get("refresh_token").asText());
    assertEquals(200, refreshWithNew.status(), refreshWithNew::toString);
  }
}
