package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Secrets that expire, rotations that keep the old secret for a while, and when each secret was
 * last used, through the API and Keycloak's token endpoint.
 */
class SecretLifecycleIT {

  private static final int TEN_YEARS = 315_360_000;
  private static final int WEEK = 604_800;

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice", "mallory");
  private static TestRealm capped;
  private static TestRealm required;

  @BeforeAll
  static void createRealms() {
    capped =
        TestRealm.create(
            Policy.enabled().with(PolicySetting.MAX_SECRET_LIFETIME, "3600").attributes(), "carol");
    required =
        TestRealm.create(
            Policy.enabled().with(PolicySetting.SECRET_LIFETIME_REQUIRED, "true").attributes(),
            "rita");
  }

  @AfterAll
  static void deleteRealms() {
    capped.close();
    required.close();
  }

  @Test
  void aSecretWithALifetimeWorksUntilItExpires() throws InterruptedException {
    long before = Instant.now().getEpochSecond();
    HttpResult created =
        realm.api("alice").create(Map.of("client_name", "Short-lived", "secret_expires_in", 3));
    assertEquals(201, created.status(), created::toString);
    long expiresAt = created.json().get("client_secret_expires_at").asLong();
    assertTrue(expiresAt >= before + 3 && expiresAt <= Instant.now().getEpochSecond() + 3);
    String clientId = created.json().get("client_id").asText();
    String secret = created.json().get("client_secret").asText();
    HttpResult beforeExpiry = grant(realm, clientId, secret);
    assertEquals(200, beforeExpiry.status(), beforeExpiry::toString);
    String refreshToken = beforeExpiry.json().get("refresh_token").asText();
    assertEquals(
        expiresAt,
        realm.api("alice").read(clientId).json().get("client_secret_expires_at").asLong());

    sleepUntilPast(expiresAt);
    HttpResult expired = grant(realm, clientId, secret);
    assertEquals(401, expired.status(), expired::toString);
    assertEquals("invalid_client", expired.error());
    assertTrue(
        expired.json().get("error_description").asText().contains("expired"), expired::toString);
    assertFalse(expired.body().contains(secret));
    HttpResult refresh = realm.tokens().refresh(clientId, secret, refreshToken);
    assertEquals(401, refresh.status(), "nor does a refresh with the expired secret: " + refresh);

    HttpResult rotated = realm.api("alice").rotate(clientId);
    assertEquals(200, rotated.status(), rotated::toString);
    assertEquals(0, rotated.json().get("client_secret_expires_at").asLong(), "no lifetime: never");
    assertEquals(
        200, grant(realm, clientId, rotated.json().get("client_secret").asText()).status());
  }

  @Test
  void aRealmMaximumIsTheDefaultAndTheLimit() {
    ClientsApi api = capped.api("carol");
    long now = Instant.now().getEpochSecond();
    JsonNode byDefault = api.createNamed("Default lifetime");
    long expiresAt = byDefault.get("client_secret_expires_at").asLong();
    assertTrue(expiresAt >= now + 3600 && expiresAt <= now + 3602, byDefault::toString);

    HttpResult atTheMaximum =
        api.create(Map.of("client_name", "At the maximum", "secret_expires_in", 3600));
    assertEquals(201, atTheMaximum.status(), atTheMaximum::toString);
    String before = api.list("").body();
    HttpResult beyond =
        api.create(Map.of("client_name", "Beyond the maximum", "secret_expires_in", 3601));
    assertRefused(beyond, "3600");
    assertEquals(before, api.list("").body(), "a refused create changes nothing");

    String clientId = byDefault.get("client_id").asText();
    String secret = byDefault.get("client_secret").asText();
    assertRefused(api.rotate(clientId, Map.of("secret_expires_in", 3601)), "3600");
    assertEquals(
        200, grant(capped, clientId, secret).status(), "a refused rotation changes nothing");
  }

  @Test
  void aRequiredLifetimeIsEnforced() {
    ClientsApi api = required.api("rita");
    String before = api.list("").body();
    assertRefused(api.create(Map.of("client_name", "No lifetime")), "secret_expires_in");
    assertEquals(before, api.list("").body());

    HttpResult created =
        api.create(Map.of("client_name", "With a lifetime", "secret_expires_in", 60));
    assertEquals(201, created.status(), created::toString);
    String clientId = created.json().get("client_id").asText();
    String secret = created.json().get("client_secret").asText();
    assertRefused(api.rotate(clientId), "secret_expires_in");
    assertEquals(200, grant(required, clientId, secret).status());
    HttpResult rotated = api.rotate(clientId, Map.of("secret_expires_in", 120));
    assertEquals(200, rotated.status(), rotated::toString);
  }

  @Test
  void lifetimesAndOverlapsAreCheckedOnBothSidesOfTheirLimits() {
    ClientsApi api = realm.api("alice");
    HttpResult longest =
        api.create(Map.of("client_name", "Ten years", "secret_expires_in", TEN_YEARS));
    assertEquals(201, longest.status(), longest::toString);
    assertRefused(api.create(Map.of("client_name", "x", "secret_expires_in", TEN_YEARS + 1)), "");
    for (Object wrong : new Object[] {0, -1, 1.5, "60", true, Map.of()}) {
      assertRefused(api.create(Map.of("client_name", "x", "secret_expires_in", wrong)), "");
    }

    JsonNode client = api.createNamed("Rotated with limits");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    String shown = api.read(clientId).body();
    for (Object wrong : new Object[] {WEEK + 1, -1, 2.5, "600", false}) {
      assertRefused(api.rotate(clientId, Map.of("previous_secret_expires_in", wrong)), "");
    }
    assertRefused(api.rotate(clientId, Map.of("secret_expires_in", 0)), "");
    assertRefused(api.rotate(clientId, Map.of("client_name", "not here")), "client_name");
    assertEquals("invalid_request", api.rotate(clientId, "[1]").error());
    assertEquals(
        "invalid_request", api.raw("POST", "/" + clientId + "/secret", "text/plain", "{}").error());
    assertEquals(
        "invalid_request",
        api.rotate(clientId, Map.of("secret_expires_in", 60, "pad", "x".repeat(70_000))).error());
    assertEquals(shown, api.read(clientId).body(), "refused rotations change nothing");
    assertEquals(200, grant(realm, clientId, secret).status());

    HttpResult longestOverlap = api.rotate(clientId, Map.of("previous_secret_expires_in", WEEK));
    assertEquals(200, longestOverlap.status(), longestOverlap::toString);
    long end = longestOverlap.json().get("previous_secret_expires_at").asLong();
    assertTrue(
        Math.abs(end - (Instant.now().getEpochSecond() + WEEK)) <= 2, longestOverlap::toString);

    HttpResult otherUsers = realm.api("mallory").rotate(clientId, Map.of("secret_expires_in", 60));
    assertEquals(404, otherUsers.status());
    assertEquals(404, realm.api("mallory").endOverlap(clientId).status());
    assertEquals(200, grant(realm, clientId, secret).status(), "mallory ended nothing");
  }

  @Test
  void duringAnOverlapBothSecretsWorkThenOnlyTheNewOne() throws InterruptedException {
    ClientsApi api = realm.api("alice");
    JsonNode client = api.createNamed("Overlapping");
    String clientId = client.get("client_id").asText();
    String oldSecret = client.get("client_secret").asText();

    HttpResult rotated = api.rotate(clientId, Map.of("previous_secret_expires_in", 4));
    assertEquals(200, rotated.status(), rotated::toString);
    String newSecret = rotated.json().get("client_secret").asText();
    long overlapEnd = rotated.json().get("previous_secret_expires_at").asLong();
    assertEquals(overlapEnd, api.read(clientId).json().get("previous_secret_expires_at").asLong());
    assertEquals(200, grant(realm, clientId, oldSecret).status(), "the old secret still works");
    assertEquals(200, grant(realm, clientId, newSecret).status());

    sleepUntilPast(overlapEnd);
    HttpResult old = grant(realm, clientId, oldSecret);
    assertEquals(401, old.status(), old::toString);
    assertTrue(
        old.json().get("error_description").asText().contains("overlap ended"), old::toString);
    assertEquals(200, grant(realm, clientId, newSecret).status());
    assertFalse(api.read(clientId).json().has("previous_secret_expires_at"));
  }

  @Test
  void endingTheOverlapOrRotatingAgainCutsTheOldSecretOff() {
    ClientsApi api = realm.api("alice");
    JsonNode client = api.createNamed("Ended early");
    String clientId = client.get("client_id").asText();
    String first = client.get("client_secret").asText();
    String second = rotateKeeping(api, clientId, first, 600);
    String third = rotateKeeping(api, clientId, second, 600);
    assertEquals(401, grant(realm, clientId, first).status(), "a third rotation ends the oldest");
    assertEquals(200, grant(realm, clientId, second).status());

    assertEquals(204, api.endOverlap(clientId).status());
    assertEquals(401, grant(realm, clientId, second).status(), "the overlap was ended");
    assertEquals(200, grant(realm, clientId, third).status());
    assertFalse(api.read(clientId).json().has("previous_secret_expires_at"));
    assertEquals(204, api.endOverlap(clientId).status(), "ending no overlap is no error");
    HttpResult wrongMethod = api.raw("GET", "/" + clientId + "/secret/previous", null, null);
    assertEquals(405, wrongMethod.status(), wrongMethod::toString);
    assertTrue(wrongMethod.header("Allow").contains("DELETE"), wrongMethod::toString);

    HttpResult withoutOverlap = api.rotate(clientId);
    assertEquals(401, grant(realm, clientId, third).status(), "no overlap asked: gone at once");
    assertEquals(
        200, grant(realm, clientId, withoutOverlap.json().get("client_secret").asText()).status());
  }

  @Test
  void anAdminsRegenerateEndsBothSecrets() {
    ClientsApi api = realm.api("alice");
    JsonNode client = api.createNamed("Regenerated during an overlap");
    String clientId = client.get("client_id").asText();
    String first = client.get("client_secret").asText();
    String second = rotateKeeping(api, clientId, first, 600);
    String uuid = realm.admin().findClient(realm.name(), clientId).get("id").asText();
    Admin.expect(
        200,
        realm
            .admin()
            .call("POST", "/" + realm.name() + "/clients/" + uuid + "/client-secret", null));
    assertEquals(401, grant(realm, clientId, first).status());
    assertEquals(401, grant(realm, clientId, second).status());
  }

  @Test
  void readsShowWhenEachSecretWasLastUsed() {
    ClientsApi api = realm.api("alice");
    JsonNode client = api.createNamed("Used");
    String clientId = client.get("client_id").asText();
    String oldSecret = client.get("client_secret").asText();
    JsonNode unused = api.read(clientId).json();
    assertTrue(unused.get("last_used_at").isNull(), unused::toString);
    assertTrue(unused.get("secret_last_used_at").isNull());
    assertFalse(unused.has("previous_secret_last_used_at"), "no overlap, no previous secret");

    assertEquals(401, grant(realm, clientId, "wrong").status());
    assertTrue(api.read(clientId).json().get("last_used_at").isNull(), "a failed try is no use");

    Instant beforeGrant = Instant.now().minusSeconds(1);
    assertEquals(200, grant(realm, clientId, oldSecret).status());
    JsonNode used = api.read(clientId).json();
    Instant lastUsed = Instant.parse(used.get("last_used_at").asText());
    assertTrue(!lastUsed.isBefore(beforeGrant) && !lastUsed.isAfter(Instant.now()), used::toString);
    assertEquals(used.get("last_used_at"), used.get("secret_last_used_at"));
    assertEquals(200, grant(realm, clientId, oldSecret).status());
    assertEquals(
        used.get("last_used_at"),
        api.read(clientId).json().get("last_used_at"),
        "a second grant within the minute writes nothing");

    HttpResult rotated = api.rotate(clientId, Map.of("previous_secret_expires_in", 600));
    String newSecret = rotated.json().get("client_secret").asText();
    JsonNode afterRotation = api.read(clientId).json();
    assertTrue(afterRotation.get("secret_last_used_at").isNull(), "the new secret is unused");
    assertEquals(
        used.get("secret_last_used_at"), afterRotation.get("previous_secret_last_used_at"));
    assertEquals(200, grant(realm, clientId, newSecret).status());
    JsonNode newUsed = api.read(clientId).json();
    assertNotNull(newUsed.get("secret_last_used_at").textValue(), newUsed::toString);
    assertEquals(newUsed.get("secret_last_used_at"), newUsed.get("last_used_at"));
    assertEquals(used.get("secret_last_used_at"), newUsed.get("previous_secret_last_used_at"));

    ObjectNode echoed = (ObjectNode) newUsed.deepCopy();
    echoed.put("last_used_at", "2000-01-01T00:00:00Z");
    HttpResult replaced = api.replace(clientId, echoed);
    assertEquals(200, replaced.status(), "shown times may be echoed back: " + replaced);
    assertEquals(
        newUsed.get("last_used_at"), replaced.json().get("last_used_at"), "and are ignored");
    assertRefused(
        api.replace(clientId, Json.object().put("client_name", "x").put("last_used_at", 5)),
        "last_used_at");
    assertRefused(
        api.replace(clientId, Json.object().put("client_name", "x").put("secret_expires_in", 60)),
        "secret_expires_in");
  }

  @Test
  void anUnusedOldSecretShowsNullDuringItsOverlap() {
    ClientsApi api = realm.api("alice");
    String clientId = api.createNamed("Never used").get("client_id").asText();
    assertEquals(200, api.rotate(clientId, Map.of("previous_secret_expires_in", 60)).status());
    JsonNode read = api.read(clientId).json();
    assertTrue(read.has("previous_secret_last_used_at"), read::toString);
    assertTrue(read.get("previous_secret_last_used_at").isNull(), read::toString);
  }

  /**
   * A node whose client cache has not yet seen a rotation made on another node still takes the old
   * secret for the current one. Its use must be credited to the old secret, or its owner would see
   * the old secret unused and end an overlap that a worker still depends on. The rotation on
   * "another node" is written to the database behind this node's cache, which is exactly what this
   * node sees until the invalidation arrives.
   */
  @Test
  void aUseOnANodeThatHasNotSeenARotationIsCreditedToTheSecretItMatched() throws Exception {
    ClientsApi api = realm.api("alice");
    JsonNode client = api.createNamed("Rotated elsewhere");
    String clientId = client.get("client_id").asText();
    String id = realm.admin().findClient(realm.name(), clientId).get("id").asText();
    Database database = KeycloakServer.get().database();
    assumeTrue(database != null, "the database of an external server cannot be opened");
    try (Connection db = database.connect();
        PreparedStatement rotatedElsewhere =
            db.prepareStatement(
                "update OAUTH2_SELF_SERVICE_CLIENT set PREVIOUS_SECRET_HASH = SECRET_HASH,"
                    + " SECRET_HASH = ? where ID = ?")) {
      rotatedElsewhere.setString(1, "0".repeat(64));
      rotatedElsewhere.setString(2, id);
      assertEquals(1, rotatedElsewhere.executeUpdate());
    }

    assertEquals(200, grant(realm, clientId, client.get("client_secret").asText()).status());

    try (Connection db = database.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select SECRET_LAST_USED_AT, PREVIOUS_SECRET_LAST_USED_AT, LAST_USED_AT"
                    + " from OAUTH2_SELF_SERVICE_CLIENT where ID = ?")) {
      query.setString(1, id);
      try (ResultSet row = query.executeQuery()) {
        assertTrue(row.next());
        assertNull(row.getObject(1), "the new secret was not used");
        assertNotNull(row.getObject(2), "the old secret was");
        assertNotNull(row.getObject(3), "and so was the client");
      }
    }
  }

  /**
   * The realm's prefix begins each new secret from the moment it is set; secrets made before keep
   * theirs and keep working. A malformed prefix, as an import or the admin API can bring it (the
   * admin tab refuses it), counts as the default.
   */
  @Test
  void newSecretsCarryTheRealmsPrefixFromTheMomentItIsSet() {
    try (TestRealm prefixed =
        TestRealm.create(
            Policy.enabled().with(PolicySetting.SECRET_PREFIX, "acme-prod_").attributes(),
            "paula")) {
      ClientsApi api = prefixed.api("paula");
      JsonNode first = api.createNamed("Prefixed");
      String firstSecret = first.get("client_secret").asText();
      assertTrue(SecretFormat.isWellFormed(firstSecret, "acme-prod_"), firstSecret);
      JsonNode second = api.createNamed("Kept through a prefix change");

      prefixed.setAttributes(Policy.only(PolicySetting.SECRET_PREFIX, "Not a prefix!"));
      String firstId = first.get("client_id").asText();
      HttpResult rotated = api.rotate(firstId);
      assertEquals(200, rotated.status(), rotated::toString);
      String rotatedSecret = rotated.json().get("client_secret").asText();
      assertTrue(SecretFormat.isWellFormed(rotatedSecret, "kcoa_"), rotatedSecret);
      assertEquals(200, grant(prefixed, firstId, rotatedSecret).status());
      assertEquals(401, grant(prefixed, firstId, firstSecret).status());
      HttpResult kept =
          grant(prefixed, second.get("client_id").asText(), second.get("client_secret").asText());
      assertEquals(200, kept.status(), () -> "a secret made under the old prefix: " + kept);
    }
  }

  /** Rotates keeping the old secret {@code overlap} seconds; both then work. */
  private static String rotateKeeping(ClientsApi api, String clientId, String old, int overlap) {
    HttpResult rotated = api.rotate(clientId, Map.of("previous_secret_expires_in", overlap));
    assertEquals(200, rotated.status(), rotated::toString);
    String secret = rotated.json().get("client_secret").asText();
    assertEquals(200, grant(realm, clientId, old).status(), "the old secret works in the overlap");
    assertEquals(200, grant(realm, clientId, secret).status());
    return secret;
  }

  private static HttpResult grant(TestRealm realm, String clientId, String secret) {
    return realm.tokens().clientCredentials(clientId, secret);
  }

  private static void assertRefused(HttpResult result, String descriptionMentions) {
    assertEquals(400, result.status(), result::toString);
    assertEquals("invalid_client_metadata", result.error(), result::toString);
    assertTrue(
        result.json().get("error_description").asText().contains(descriptionMentions),
        result::toString);
  }

  /** Waits until the clock is a whole second past {@code epochSecond}. */
  private static void sleepUntilPast(long epochSecond) throws InterruptedException {
    long wait = (epochSecond + 1) * 1000 - System.currentTimeMillis() + 100;
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }
}
