package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A self-service client's {@code client_credentials} grants share one service-account session, so
 * its sessions do not grow with its grants, while every grant still returns a refresh token that
 * works; ordinary clients keep Keycloak's behaviour, one session per grant with refresh tokens on.
 */
class SharedSessionIT {

  private static final int GRANTS = 120;
  private static final int THREADS = 8;

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");

  @Test
  void manyGrantsAtOnceShareOneSessionAndEveryRefreshTokenWorks() throws Exception {
    assumeTrue(
        realm.admin().serverIsAtLeast(26, 5),
        "Keycloak 26.4's client_credentials grant has no hook to share sessions: there each grant"
            + " keeps Keycloak's own session (README: Supported Keycloak versions)");
    JsonNode client = realm.api("alice").createNamed("Busy machine");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();

    List<JsonNode> responses =
        concurrently(() -> realm.tokens().clientCredentials(clientId, secret));

    Set<String> sessionIds = ConcurrentHashMap.newKeySet();
    for (JsonNode response : responses) {
      String refreshToken = response.get("refresh_token").asText();
      JsonNode access = Json.claims(response.get("access_token").asText());
      JsonNode refresh = Json.claims(refreshToken);
      assertEquals(access.get("sid"), refresh.get("sid"), "both tokens name the same session");
      sessionIds.add(refresh.get("sid").asText());
    }
    assertEquals(1, sessionIds.size(), "all grants name one session: " + sessionIds);
    assertEquals(1, realm.admin().sessionCount(realm.name(), clientId));

    for (JsonNode response : responses) {
      HttpResult refreshed =
          realm.tokens().refresh(clientId, secret, response.get("refresh_token").asText());
      assertEquals(200, refreshed.status(), refreshed::toString);
      assertNotNull(refreshed.json().get("access_token"));
    }
    assertEquals(1, realm.admin().sessionCount(realm.name(), clientId));
  }

  /**
   * With Revoke Refresh Token on, Keycloak counts each refresh token's uses in notes on its client
   * session: shared, those notes would grow with every grant, and one reused token would end the
   * session of every worker of the client. Each grant keeps a session of its own there instead.
   */
  @Test
  void whereTheRealmRevokesRefreshTokensEachGrantHasItsOwnSessionAndAReuseEndsOnlyIts() {
    try (TestRealm revoking = TestRealm.create("alice")) {
      ObjectNode settings = Json.object().put("revokeRefreshToken", true);
      assertEquals(204, revoking.admin().call("PUT", "/" + revoking.name(), settings).status());
      JsonNode client = revoking.api("alice").createNamed("Single-use refresh tokens");
      String clientId = client.get("client_id").asText();
      String secret = client.get("client_secret").asText();
      List<String> refreshTokens = new ArrayList<>();
      Set<String> sessionIds = new HashSet<>();
      for (int grant = 0; grant < 3; grant++) {
        JsonNode tokens = revoking.tokens().clientCredentials(clientId, secret).json();
        refreshTokens.add(tokens.get("refresh_token").asText());
        sessionIds.add(Json.claims(tokens.get("refresh_token").asText()).get("sid").asText());
      }
      assertEquals(3, sessionIds.size(), "one session per grant: " + sessionIds);
      assertEquals(3, revoking.admin().sessionCount(revoking.name(), clientId));

      HttpResult first = revoking.tokens().refresh(clientId, secret, refreshTokens.get(0));
      assertEquals(200, first.status(), first::toString);
      HttpResult reused = revoking.tokens().refresh(clientId, secret, refreshTokens.get(0));
      assertEquals(400, reused.status(), () -> "a refresh token is single-use here: " + reused);
      HttpResult otherWorker = revoking.tokens().refresh(clientId, secret, refreshTokens.get(1));
      assertEquals(
          200, otherWorker.status(), () -> "another grant's session lives: " + otherWorker);
    }
  }

  @Test
  void refreshesAtOnceAfterAnAdminRevokedTheServiceAccountsConsentStoreOneConsent()
      throws Exception {
    JsonNode client = realm.api("alice").createNamed("Consent race");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    String serviceAccount =
        realm
            .admin()
            .call(
                "GET",
                "/"
                    + realm.name()
                    + "/clients/"
                    + realm.admin().findClient(realm.name(), clientId).get("id").asText()
                    + "/service-account-user",
                null)
            .json()
            .get("id")
            .asText();
    String consents = "/" + realm.name() + "/users/" + serviceAccount + "/consents";
    assertEquals(1, realm.admin().call("GET", consents, null).json().size(), "given at creation");
    assertEquals(204, realm.admin().call("DELETE", consents + "/" + clientId, null).status());
    String refreshToken =
        realm.tokens().clientCredentials(clientId, secret).json().get("refresh_token").asText();

    concurrently(() -> realm.tokens().refresh(clientId, secret, refreshToken));

    assertEquals(1, realm.admin().call("GET", consents, null).json().size());
    assertEquals(200, realm.tokens().refresh(clientId, secret, refreshToken).status());
  }

  @Test
  void grantsWithinAMinuteLeaveTheSessionsTimestampsAlone() throws Exception {
    assumeTrue(
        realm.admin().serverIsAtLeast(26, 7),
        "Keycloak before 26.7 has no refresh-token SPI: each grant writes the session's timestamps"
            + " (README: Supported Keycloak versions)");
    JsonNode client = realm.api("alice").createNamed("Quiet session");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    String firstRefreshToken =
        realm.tokens().clientCredentials(clientId, secret).json().get("refresh_token").asText();
    long lastAccess = lastAccess(clientId);

    Thread.sleep(2_100);
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());

    assertEquals(
        lastAccess,
        lastAccess(clientId),
        "Keycloak would write the session on every grant a second apart");
    HttpResult refreshed = realm.tokens().refresh(clientId, secret, firstRefreshToken);
    assertEquals(
        200, refreshed.status(), () -> "a later grant must not restart the session: " + refreshed);
  }

  private static long lastAccess(String clientId) {
    String id = realm.admin().findClient(realm.name(), clientId).get("id").asText();
    JsonNode sessions =
        realm
            .admin()
            .call("GET", "/" + realm.name() + "/clients/" + id + "/user-sessions", null)
            .json();
    assertEquals(1, sessions.size(), sessions::toString);
    return sessions.get(0).get("lastAccess").asLong();
  }

  @Test
  void tokensOfASharedSessionLookLikeKeycloaksOwn() {
    JsonNode client = realm.api("alice").createNamed("Ordinary tokens");
    String clientId = client.get("client_id").asText();
    JsonNode response =
        realm.tokens().clientCredentials(clientId, client.get("client_secret").asText()).json();

    assertEquals("Bearer", response.get("token_type").asText());
    assertTrue(response.get("expires_in").asInt() > 0, response::toString);
    assertTrue(
        response.get("refresh_expires_in").asInt() >= 1740,
        "a full SSO Session Idle (30 minutes) less the coalescing slack: " + response);
    JsonNode access = Json.claims(response.get("access_token").asText());
    assertEquals(clientId, access.get("azp").asText());
    assertEquals(clientId, access.get("client_id").asText());
    assertTrue(access.get("aud").toString().contains(realm.userId("alice")), access::toString);
    assertTrue(access.has("clientAddress"), "Keycloak's service-account mappers still apply");
    assertFalse(
        access.has("resource_access"), "the client's own role is held by no one: " + access);
    assertEquals(
        "Refresh", Json.claims(response.get("refresh_token").asText()).get("typ").asText());
  }

  /**
   * An offline session per grant, each idling for 30 days, would let one user fill the database.
   */
  @Test
  void anOfflineRequestIsRefusedAndMakesNoOfflineSession() {
    JsonNode client = realm.api("alice").createNamed("Offline");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    for (String scope :
        List.of("offline_access", "openid offline_access", "offline_access email")) {
      HttpResult offline =
          realm
              .tokens()
              .post(
                  Map.of(
                      "grant_type", "client_credentials",
                      "client_id", clientId,
                      "client_secret", secret,
                      "scope", scope));
      assertEquals(400, offline.status(), offline::toString);
      assertEquals("invalid_scope", offline.error(), offline::toString);
      assertTrue(
          offline.json().get("error_description").asText().contains("offline_access"),
          offline::toString);
    }
    String id = realm.admin().findClient(realm.name(), clientId).get("id").asText();
    JsonNode count =
        realm
            .admin()
            .call("GET", "/" + realm.name() + "/clients/" + id + "/offline-session-count", null)
            .json();
    assertEquals(0, count.get("count").asInt(), count::toString);
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
  }

  @Test
  void plainClientsKeepKeycloaksSessions() {
    String withRefresh = "plain-with-refresh";
    ObjectNode representation = Json.MAPPER.createObjectNode();
    representation.put("clientId", withRefresh);
    representation.put("secret", TestRealm.PLAIN_SECRET);
    representation.put("publicClient", false);
    representation.put("standardFlowEnabled", false);
    representation.put("serviceAccountsEnabled", true);
    representation.putObject("attributes").put("client_credentials.use_refresh_token", "true");
    realm.admin().createClient(realm.name(), representation);

    for (int i = 0; i < 5; i++) {
      JsonNode withDefaults =
          realm.tokens().clientCredentials(TestRealm.PLAIN_CLIENT, TestRealm.PLAIN_SECRET).json();
      assertFalse(withDefaults.has("refresh_token"), withDefaults::toString);
      JsonNode refreshing =
          realm.tokens().clientCredentials(withRefresh, TestRealm.PLAIN_SECRET).json();
      assertTrue(refreshing.has("refresh_token"), refreshing::toString);
    }
    assertEquals(0, realm.admin().sessionCount(realm.name(), TestRealm.PLAIN_CLIENT));
    assertEquals(
        5,
        realm.admin().sessionCount(realm.name(), withRefresh),
        "Keycloak's own grant: one session per grant");
  }

  private static List<JsonNode> concurrently(Supplier<HttpResult> grant) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<HttpResult>> futures = new ArrayList<>();
      for (int i = 0; i < GRANTS; i++) {
        futures.add(pool.submit(grant::get));
      }
      List<JsonNode> responses = new ArrayList<>();
      for (Future<HttpResult> future : futures) {
        HttpResult result = future.get();
        assertEquals(200, result.status(), result::toString);
        responses.add(result.json());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }
}
