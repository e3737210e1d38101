package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.ClientKey;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The kinds of client a realm may allow besides secret-holders, end to end through Keycloak's own
 * endpoints: a public client signs a user in with PKCE (S256 only) from a browser app's origin, a
 * key-holding client gets tokens with signed assertions that cannot be replayed and whose keys its
 * owner rotates, and a realm that stops allowing a kind stops its clients.
 */
class ClientKindsIT {

  private static final String REDIRECT = "https://app.example.com/cb";
  private static final String ORIGIN = "https://app.example.com";
  private static final String ALL_KINDS = "confidential,public,private_key_jwt";

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Policy.enabled().with(PolicySetting.CLIENT_TYPES, ALL_KINDS).attributes(),
          "alice",
          "bob",
          "carol");

  // ---------------------------------------------------------------- public clients

  @Test
  void aPublicClientSignsAUserInWithPkceAndRefreshesFromItsOrigin() throws Exception {
    ClientsApi alice = realm.api("alice");
    HttpResult created =
        alice.create(
            Map.of(
                "client_name",
                "Single-page app",
                "token_endpoint_auth_method",
                "none",
                "redirect_uris",
                List.of(REDIRECT),
                "allowed_cors_origins",
                List.of(ORIGIN)));
    assertEquals(201, created.status(), created::toString);
    JsonNode client = created.json();
    String clientId = client.get("client_id").asText();
    assertFalse(client.has("client_secret"), "a public client has no secret");
    assertEquals("none", client.get("token_endpoint_auth_method").asText());
    assertEquals(
        List.of("authorization_code", "refresh_token"), strings(client.get("grant_types")));
    assertEquals(client, alice.read(clientId).json());

    // PKCE is required, and only S256: no code without a challenge, nor for a plain one.
    for (String missingOrPlain : List.of("", "&code_challenge=abc&code_challenge_method=plain")) {
      HttpResult refused = authorize(clientId, missingOrPlain);
      assertEquals(302, refused.status(), refused::toString);
      String location = refused.header("Location");
      assertTrue(location.startsWith(REDIRECT) && location.contains("error="), location);
      assertFalse(location.contains("code="), location);
    }

    String verifier = "v".repeat(20) + System.nanoTime() + "-verifier-of-43-or-more-chars";
    String pkce = "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256";
    String wrongCode = BrowserLogin.code(realm, clientId, REDIRECT, "bob", pkce);
    HttpResult wrongVerifier = exchange(clientId, wrongCode, verifier + "x");
    assertEquals(400, wrongVerifier.status(), wrongVerifier::toString);
    assertEquals("invalid_grant", wrongVerifier.error());

    String code = BrowserLogin.code(realm, clientId, REDIRECT, "bob", pkce);
    HttpResult tokens = exchange(clientId, code, verifier);
    assertEquals(200, tokens.status(), tokens::toString);
    assertEquals(ORIGIN, tokens.header("Access-Control-Allow-Origin"), "CORS for the app");
    assertEquals(
        "bob",
        Json.claims(tokens.json().get("access_token").asText())
            .path("preferred_username")
            .asText());
    HttpResult refreshed =
        realm
            .tokens()
            .post(
                Map.of(
                    "grant_type",
                    "refresh_token",
                    "client_id",
                    clientId,
                    "refresh_token",
                    tokens.json().get("refresh_token").asText()),
                Map.of("Origin", ORIGIN));
    assertEquals(200, refreshed.status(), refreshed::toString);
    assertEquals(ORIGIN, refreshed.header("Access-Control-Allow-Origin"));

    HttpResult machine =
        realm.tokens().post(Map.of("grant_type", "client_credentials", "client_id", clientId));
    assertTrue(machine.status() == 400 || machine.status() == 401, machine::toString);
    assertFalse(machine.body().contains("access_token"), machine::toString);

    HttpResult rotated = alice.rotate(clientId);
    assertEquals(400, rotated.status(), rotated::toString);
    assertEquals("invalid_request", rotated.error());
    ObjectNode after = (ObjectNode) alice.read(clientId).json();
    assertTrue(after.hasNonNull("last_used_at"), "the token requests count as uses");
    after.set("last_used_at", client.get("last_used_at"));
    assertEquals(client, after, "a refused rotation changed nothing");
  }

  // ---------------------------------------------------------------- key-holding clients

  @Test
  void aKeyClientGetsTokensWithAssertionsThatCannotBeReplayedAndRotatesItsKeys() {
    ClientsApi carol = realm.api("carol");
    ClientKey first = ClientKey.rsa("first");
    JsonNode created = createKeyClient(carol, "Key holder", first);
    String clientId = created.get("client_id").asText();
    assertFalse(created.has("client_secret"));
    assertEquals(first.jwks(), created.get("jwks"));
    assertEquals(first.jwks(), carol.read(clientId).json().get("jwks"));

    String assertion = first.assertion(clientId, realm.url());
    HttpResult tokens = realm.tokens().post(ClientKey.clientCredentialsForm(clientId, assertion));
    assertEquals(200, tokens.status(), tokens::toString);
    assertNotNull(tokens.json().get("refresh_token"), "client_credentials with a refresh token");
    assertEquals(
        List.of(realm.userId("carol")),
        strings(Json.claims(tokens.json().get("access_token").asText()).get("aud")));

    HttpResult replayed = realm.tokens().post(ClientKey.clientCredentialsForm(clientId, assertion));
    assertTrue(replayed.status() == 400 || replayed.status() == 401, replayed::toString);
    assertEquals("invalid_client", replayed.error());

    HttpResult refreshed =
        realm
            .tokens()
            .post(
                ClientKey.refreshForm(
                    clientId,
                    first.assertion(clientId, realm.url()),
                    tokens.json().get("refresh_token").asText()));
    assertEquals(200, refreshed.status(), refreshed::toString);

    assertEquals(
        1,
        realm.admin().sessionCount(realm.name(), clientId),
        "its grants share one session, as a secret client's do");

    HttpResult rotated = carol.rotate(clientId);
    assertEquals(400, rotated.status(), rotated::toString);
    assertEquals("invalid_request", rotated.error());

    // Key rotation: the new key works at once, the old one no more.
    ClientKey second = ClientKey.ec("second");
    HttpResult patched = carol.patch(clientId, Map.of("jwks", second.jwks()));
    assertEquals(200, patched.status(), patched::toString);
    HttpResult withNew =
        realm
            .tokens()
            .post(
                ClientKey.clientCredentialsForm(clientId, second.assertion(clientId, realm.url())));
    assertEquals(200, withNew.status(), withNew::toString);
    HttpResult withOld =
        realm
            .tokens()
            .post(
                ClientKey.clientCredentialsForm(clientId, first.assertion(clientId, realm.url())));
    assertTrue(withOld.status() == 400 || withOld.status() == 401, withOld::toString);
    assertNull(withOld.json().get("access_token"));

    // An admin's revoke-secrets has nothing to revoke here: the client is left as it is.
    HttpResult revoke =
        realm
            .admin()
            .call(
                "POST",
                "/" + realm.name() + "/oauth2-clients/revoke-secrets",
                Map.of("client_ids", List.of(clientId)));
    assertEquals(200, revoke.status(), revoke::toString);
    assertEquals(0, revoke.json().get("revoked").size(), revoke::toString);
    assertTrue(carol.read(clientId).json().get("secret_revoked_at").isNull());

    // A secret is no credential of a key client.
    HttpResult bySecret = realm.tokens().clientCredentials(clientId, "kcoa_guess");
    assertEquals(401, bySecret.status(), bySecret::toString);
  }

  // ---------------------------------------------------------------- with a client library

  /** openid-client, as a single-page app's code would use it: discovery, PKCE, state, refresh. */
  @Test
  void openidClientSignsAUserInThroughAPublicClient() {
    String clientId =
        realm
            .api("alice")
            .create(
                Map.of(
                    "client_name", "openid-client app",
                    "token_endpoint_auth_method", "none",
                    "redirect_uris", List.of(REDIRECT)))
            .json()
            .get("client_id")
            .asText();
    NodeScript library = openidClient();
    JsonNode request = library.run(step("authorize", clientId).put("redirectUri", REDIRECT));
    String callback = BrowserLogin.callback(realm, request.get("url").asText(), REDIRECT, "bob");
    ObjectNode redeem = step("redeem", clientId).put("callbackUrl", callback);
    redeem
        .put("verifier", request.get("verifier").asText())
        .put("state", request.get("state").asText());
    JsonNode tokens = library.run(redeem);
    assertEquals(
        "bob", tokens.at("/id_token_claims/preferred_username").asText(), tokens::toString);
    assertTrue(tokens.get("refreshed").asBoolean(), tokens::toString);
  }

  /** openid-client's private_key_jwt: client_credentials and refresh with its own assertions. */
  @Test
  void openidClientGetsTokensForAKeyClient() {
    ClientKey key = ClientKey.ec("library");
    String clientId =
        createKeyClient(realm.api("carol"), "openid-client service", key).get("client_id").asText();
    ObjectNode input = step("keyGrants", clientId);
    input.setAll(key.privateKeyInput());
    JsonNode tokens = openidClient().run(input);
    assertTrue(tokens.get("has_refresh_token").asBoolean(), tokens::toString);
    assertTrue(tokens.get("refreshed").asBoolean(), tokens::toString);
    assertEquals(
        clientId,
        Json.claims(tokens.get("access_token").asText()).path("azp").asText(),
        tokens::toString);
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void badKeysAndKindsAreRefusedAndMakeNothing() {
    ClientsApi alice = realm.api("alice");
    String before = alice.list("").body();
    ObjectNode withPrivate = ClientKey.rsa("leaky").jwks();
    ((ObjectNode) withPrivate.get("keys").get(0)).put("d", "AQAB");
    List<Map<String, Object>> bodies =
        List.of(
            keyClient("jwks", withPrivate),
            keyClient("jwks", "{\"keys\": []}"),
            keyClient("jwks", List.of("not", "a", "set")),
            keyClient("jwks_uri", "http://keys.example.com/jwks.json"),
            keyClient("jwks_uri", "https://keys.example.com/" + "a".repeat(231)),
            Map.of("client_name", "No keys", "token_endpoint_auth_method", "private_key_jwt"),
            Map.of("client_name", "Public, nowhere to go", "token_endpoint_auth_method", "none"),
            Map.of("client_name", "Unknown kind", "token_endpoint_auth_method", "tls_client_auth"),
            Map.of("client_name", "Keys on a secret", "jwks", ClientKey.rsa("k").jwks()));
    for (Map<String, Object> body : bodies) {
      HttpResult refused = alice.create(body);
      assertEquals(400, refused.status(), () -> body + " -> " + refused);
      assertTrue(
          List.of("invalid_client_metadata", "invalid_redirect_uri").contains(refused.error()),
          refused::toString);
    }
    assertEquals(Json.parse(before), Json.parse(alice.list("").body()), "nothing was made");

    String secretClient = alice.createNamed("Secret holder").get("client_id").asText();
    HttpResult changed =
        alice.patch(
            secretClient,
            Map.of(
                "token_endpoint_auth_method",
                "private_key_jwt",
                "jwks",
                ClientKey.rsa("k").jwks()));
    assertEquals(400, changed.status(), changed::toString);
    assertTrue(changed.body().contains("cannot be changed"), changed::toString);
  }

  /** The longest jwks_uri and the largest jwks are stored and read back exactly. */
  @Test
  void keysAtTheirLimitsAreStoredWhole() {
    ClientsApi alice = realm.api("alice");
    String uri = "https://keys.example.com/" + "a".repeat(230);
    assertEquals(255, uri.length());
    HttpResult byUri = alice.create(keyClient("jwks_uri", uri));
    assertEquals(201, byUri.status(), byUri::toString);
    assertEquals(
        uri, alice.read(byUri.json().get("client_id").asText()).json().get("jwks_uri").asText());

    ObjectNode largest = ClientKey.rsa("k").jwks();
    ObjectNode key = (ObjectNode) largest.get("keys").get(0);
    String padding = "é😀\"'";
    StringBuilder kid = new StringBuilder();
    while (bytesWithKid(largest, key, kid + padding) <= 8192) {
      kid.append(padding);
    }
    while (bytesWithKid(largest, key, kid + "a") <= 8192) {
      kid.append('a');
    }
    key.put("kid", kid.toString());
    assertEquals(8192, Json.write(largest).getBytes(StandardCharsets.UTF_8).length);
    HttpResult atMost = alice.create(keyClient("jwks", largest));
    assertEquals(201, atMost.status(), atMost::toString);
    assertEquals(largest, alice.read(atMost.json().get("client_id").asText()).json().get("jwks"));

    key.put("kid", kid + "a");
    HttpResult onePast = alice.create(keyClient("jwks", largest));
    assertEquals(400, onePast.status(), onePast::toString);
    assertEquals("invalid_client_metadata", onePast.error());
  }

  // ---------------------------------------------------------------- the realm's say

  @Test
  void aRealmThatNoLongerAllowsAKindStopsItsClientsAndSaysWhy() {
    ClientsApi bob = realm.api("bob");
    ClientKey key = ClientKey.rsa("bob");
    String keyClient = createKeyClient(bob, "Stopped later", key).get("client_id").asText();
    String publicClient =
        bob.create(
                Map.of(
                    "client_name", "Public, stopped later",
                    "token_endpoint_auth_method", "none",
                    "redirect_uris", List.of(REDIRECT)))
            .json()
            .get("client_id")
            .asText();
    String secretClientSecret;
    JsonNode secretClient = bob.createNamed("Still allowed");
    secretClientSecret = secretClient.get("client_secret").asText();
    try {
      realm.setAttributes(Map.of(PolicySetting.CLIENT_TYPES.attribute, "confidential"));
      // As for a paused client, Keycloak no longer sends browsers to the app's redirect URIs.
      HttpResult signIn = authorize(publicClient, "");
      assertEquals(400, signIn.status(), signIn::toString);
      assertNull(signIn.header("Location"), signIn::toString);
      HttpResult stopped =
          realm
              .tokens()
              .post(
                  ClientKey.clientCredentialsForm(
                      keyClient, key.assertion(keyClient, realm.url())));
      assertEquals(401, stopped.status(), stopped::toString);
      assertTrue(
          stopped
              .json()
              .path("error_description")
              .asText()
              .contains("no longer allows private_key_jwt"),
          stopped::toString);
      assertEquals(
          200,
          realm
              .tokens()
              .clientCredentials(secretClient.get("client_id").asText(), secretClientSecret)
              .status());
      HttpResult newOne =
          bob.create(
              Map.of(
                  "client_name", "Not any more",
                  "token_endpoint_auth_method", "private_key_jwt",
                  "jwks", key.jwks()));
      assertEquals(400, newOne.status(), newOne::toString);
      assertEquals("invalid_client_metadata", newOne.error());
      assertEquals(
          "private_key_jwt",
          bob.read(keyClient).json().get("token_endpoint_auth_method").asText(),
          "reads show the kind");
    } finally {
      realm.setAttributes(Map.of(PolicySetting.CLIENT_TYPES.attribute, ALL_KINDS));
    }
    HttpResult again =
        realm
            .tokens()
            .post(
                ClientKey.clientCredentialsForm(keyClient, key.assertion(keyClient, realm.url())));
    assertEquals(200, again.status(), again::toString);
  }

  // ---------------------------------------------------------------- helpers

  private static JsonNode createKeyClient(ClientsApi owner, String name, ClientKey key) {
    HttpResult created =
        owner.create(
            Map.of(
                "client_name",
                name,
                "token_endpoint_auth_method",
                "private_key_jwt",
                "jwks",
                key.jwks()));
    assertEquals(201, created.status(), created::toString);
    return created.json();
  }

  private static NodeScript openidClient() {
    return NodeScript.of("oauth.client.dir", "oauth-client", "flow.mjs", "openid-client");
  }

  private static ObjectNode step(String step, String clientId) {
    return Json.object().put("step", step).put("issuer", realm.url()).put("clientId", clientId);
  }

  private static Map<String, Object> keyClient(String field, Object value) {
    Object json = value instanceof String text && text.startsWith("{") ? Json.parse(text) : value;
    return Map.of(
        "client_name", "Key client", "token_endpoint_auth_method", "private_key_jwt", field, json);
  }

  /** The size of {@code set} as the server counts it, with {@code key}'s kid set to {@code kid}. */
  private static int bytesWithKid(ObjectNode set, ObjectNode key, String kid) {
    key.put("kid", kid);
    return Json.write(set).getBytes(StandardCharsets.UTF_8).length;
  }

  private static HttpResult authorize(String clientId, String extraQuery) {
    return Http.send(
        "GET",
        realm.url()
            + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=s1&client_id="
            + Http.encode(clientId)
            + "&redirect_uri="
            + Http.encode(REDIRECT)
            + extraQuery,
        Map.of(),
        null);
  }

  private static HttpResult exchange(String clientId, String code, String verifier) {
    return realm
        .tokens()
        .post(
            Map.of(
                "grant_type", "authorization_code",
                "code", code,
                "redirect_uri", REDIRECT,
                "client_id", clientId,
                "code_verifier", verifier),
            Map.of("Origin", ORIGIN));
  }

  private static String challenge(String verifier) throws NoSuchAlgorithmException {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static List<String> strings(JsonNode array) {
    return array.isArray()
        ? java.util.stream.StreamSupport.stream(array.spliterator(), false)
            .map(JsonNode::asText)
            .toList()
        : List.of(array.asText());
  }
}
