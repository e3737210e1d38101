package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import dev.oauth2clients.validation.AdminRequests;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The realm admin's inventory of self-service clients in Keycloak's admin API: filters alone and
 * combined, paging, who may list, revoke and look up, and what a revocation does. Alice's and Bob's
 * clients are made once and only read; the revocation and lookup tests change Carol's.
 */
class AdminInventoryIT {

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Map.of("oauth2-clients.enabled", "true"),
          representation ->
              representation.put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true),
          "alice",
          "bob",
          "carol",
          "viewer",
          "manager",
          "nobody");

  private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
  private static final String JSON = ClientsApi.JSON;
  private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  /** Bob's; aged: created 30 days ago, last used 20 days ago. */
  private static String bobIdle;

  /** Alice's; aged: created 10 days ago, never used. */
  private static String aliceNeverUsed;

  /** Alice's; aged: created 9 days ago; used just now. */
  private static String aliceUsed;

  /** Alice's, whose secret expires in a day. */
  private static String aliceExpiring;

  /** Bob's, new. */
  private static String bobNew;

  private static List<String> readOnly;

  /** Whether the test could open the server's database to age the clients above. */
  private static boolean aged;

  @BeforeAll
  static void clientsOfSeveralOwners() throws SQLException {
    Admin admin = realm.admin();
    admin.grantClientRole(realm.name(), realm.userId("viewer"), "realm-management", "view-clients");
    admin.grantClientRole(
        realm.name(), realm.userId("manager"), "realm-management", "manage-clients");

    ClientsApi alice = realm.api("alice");
    ClientsApi bob = realm.api("bob");
    bobIdle = bob.createNamed("Bob's idle").get("client_id").asText();
    aliceNeverUsed = alice.createNamed("Alice's never used").get("client_id").asText();
    JsonNode used = alice.createNamed("Alice's used");
    aliceUsed = used.get("client_id").asText();
    HttpResult expiring =
        alice.create(Map.of("client_name", "Alice's expiring", "secret_expires_in", 86400));
    assertEquals(201, expiring.status(), expiring::toString);
    aliceExpiring = expiring.json().get("client_id").asText();
    bobNew = bob.createNamed("Bob's new").get("client_id").asText();
    readOnly = List.of(bobIdle, aliceNeverUsed, aliceUsed, aliceExpiring, bobNew);

    HttpResult grant =
        realm.tokens().clientCredentials(aliceUsed, used.get("client_secret").asText());
    assertEquals(200, grant.status(), grant::toString);

    // Ages the rows in their creation order, so that the oldest-first order stays the same.
    Database database = KeycloakServer.get().database();
    aged = database != null;
    if (aged) {
      long now = System.currentTimeMillis();
      try (Connection db = database.connect()) {
        age(db, bobIdle, now - 30 * DAY_MILLIS, now - 20 * DAY_MILLIS);
        age(db, aliceNeverUsed, now - 10 * DAY_MILLIS, null);
        age(db, aliceUsed, now - 9 * DAY_MILLIS, now);
      }
    }
  }

  @Test
  void listsEveryClientOldestFirstWithItsOwnersUsernameAndNoSecret() {
    HttpResult answer =
        Admin.expect(
            200, realm.admin().call("GET", "/" + realm.name() + "/oauth2-clients?max=1000", null));
    JsonNode all = answer.json();
    assertEquals(readOnly, mine(all));
    assertEquals("no-store", answer.header("Cache-Control"));
    for (JsonNode entry : all) {
      assertFalse(entry.has("client_secret"), entry::toString);
      assertTrue(entry.has("secret_revoked_at"), entry::toString);
      assertFalse(entry.has("matched"), entry::toString);
      String owner = entry.get("owner").asText();
      String username =
          List.of("alice", "bob", "carol").stream()
              .filter(name -> realm.userId(name).equals(owner))
              .findFirst()
              .orElseThrow();
      assertEquals(username, entry.get("owner_username").asText(), entry::toString);
    }
    assertFalse(ids(all).contains(TestRealm.PLAIN_CLIENT), "only self-service clients");
    JsonNode expiringEntry = entryOf(all, aliceExpiring);
    assertTrue(expiringEntry.get("client_secret_expires_at").asLong() > 0);
    assertEquals("Alice's expiring", expiringEntry.get("client_name").asText());
  }

  @Test
  void ownerByUsernameOrById() {
    List<String> alices = List.of(aliceNeverUsed, aliceUsed, aliceExpiring);
    assertEquals(alices, ids(list("viewer", "owner=alice")));
    assertEquals(alices, ids(list("viewer", "owner=" + realm.userId("alice"))));
    assertEquals(List.of(bobIdle, bobNew), ids(list("viewer", "owner=bob")));
    assertEquals(List.of(), ids(list("viewer", "owner=nobody")));
    assertEquals(List.of(), ids(list("viewer", "owner=no-such-user")));
  }

  @Test
  void idleDaysCountsFromTheLastGrantOrElseFromCreation() {
    assertEquals(readOnly, mine(list("viewer", "idle_days=0&max=1000")));
    assumeTrue(aged, "the database of an external server cannot be aged");
    assertEquals(List.of(bobIdle, aliceNeverUsed), mine(list("viewer", "idle_days=5&max=1000")));
    assertEquals(List.of(bobIdle), mine(list("viewer", "idle_days=15&max=1000")));
    assertEquals(List.of(), mine(list("viewer", "idle_days=25&max=1000")));
    assertEquals(List.of(aliceNeverUsed), ids(list("viewer", "idle_days=5&owner=alice")));
  }

  @Test
  void neverExpiresTrueOrFalseAndCombined() {
    assertEquals(
        List.of(aliceNeverUsed, aliceUsed), ids(list("viewer", "owner=alice&never_expires=true")));
    assertEquals(List.of(aliceExpiring), ids(list("viewer", "owner=alice&never_expires=false")));
    assertEquals(List.of(), ids(list("viewer", "owner=bob&never_expires=false")));
    assumeTrue(aged, "the database of an external server cannot be aged");
    assertEquals(
        List.of(bobIdle, aliceNeverUsed),
        mine(list("viewer", "never_expires=true&idle_days=5&max=1000")));
    assertEquals(
        List.of(bobIdle), ids(list("viewer", "owner=" + realm.userId("bob") + "&idle_days=15")));
  }

  @Test
  void pagesOldestFirstWithALinkToTheNextWhileAPageIsFull() {
    HttpResult firstPage = call("viewer", "GET", "?owner=alice&max=2", null, null);
    assertEquals(200, firstPage.status(), firstPage::toString);
    assertEquals(List.of(aliceNeverUsed, aliceUsed), ids(firstPage.json()));
    String link = firstPage.header("Link");
    assertNotNull(link, firstPage::toString);
    assertTrue(link.contains("first=2") && link.contains("rel=\"next\""), link);

    HttpResult secondPage = call("viewer", "GET", "?owner=alice&max=2&first=2", null, null);
    assertEquals(List.of(aliceExpiring), ids(secondPage.json()));
    assertNull(secondPage.header("Link"), secondPage::toString);
    assertEquals(List.of(), ids(list("viewer", "owner=alice&first=3")));
  }

  @Test
  void badFiltersAreInvalidRequests() {
    for (String query :
        List.of(
            "idle_days=abc",
            "idle_days=-1",
            "never_expires=maybe",
            "max=0",
            "max=1001",
            "idle_days=36501",
            "owner=" + encoded("é😀\"".repeat(85) + "x"),
            "first=-1",
            "owner=a&owner=b",
            "ownr=alice")) {
      HttpResult refused = call("viewer", "GET", "?" + query, null, null);
      assertEquals(400, refused.status(), () -> query + ": " + refused);
      assertEquals("invalid_request", refused.error(), () -> query + ": " + refused);
      assertTrue(refused.json().get("error_description").asText().length() > 5);
    }
  }

  @Test
  void filtersAreTakenAtTheirLimits() {
    assertEquals(List.of(), mine(list("viewer", "idle_days=36500&max=1000")));
    assertEquals(List.of(), ids(list("viewer", "owner=" + encoded("é😀\"".repeat(85)))));
  }

  @Test
  void revokeSecretsTakesAThousandIds() {
    JsonNode named = realm.api("carol").createNamed("Carol's one of a thousand");
    String clientId = named.get("client_id").asText();
    List<String> thousand = new ArrayList<>(List.of(clientId));
    for (int i = 1; i < AdminRequests.MAX_CLIENT_IDS; i++) {
      thousand.add("no-such-client-" + i);
    }
    HttpResult answer =
        call("manager", "POST", "/revoke-secrets", JSON, Map.of("client_ids", thousand));
    assertEquals(200, answer.status(), answer::toString);
    assertEquals(List.of(clientId), strings(answer.json().get("revoked")));
    assertEquals(
        401,
        realm.tokens().clientCredentials(clientId, named.get("client_secret").asText()).status());
  }

  @Test
  void whoMayDoWhat() {
    String body = "{\"client_ids\":[\"" + aliceUsed + "\"]}";
    String lookup = "{\"secret\":\"kcoa_nothing\"}";
    for (HttpResult refused :
        List.of(
            call("nobody", "GET", "", null, null),
            call("nobody", "POST", "/lookup", JSON, lookup),
            call("nobody", "POST", "/revoke-secrets", JSON, body),
            call("viewer", "POST", "/revoke-secrets", JSON, body))) {
      assertEquals(403, refused.status(), refused::toString);
      assertEquals("access_denied", refused.error(), refused::toString);
    }
    assertEquals(200, call("viewer", "GET", "", null, null).status());
    assertEquals(404, call("viewer", "POST", "/lookup", JSON, lookup).status());
    assertEquals(200, call("manager", "GET", "", null, null).status());
    assertNull(
        entryOf(list("viewer", "owner=alice"), aliceUsed).get("secret_revoked_at").textValue(),
        "refused revocations changed nothing");
  }

  @Test
  void revokeSecretsStopsEverySecretOfTheNamedSelfServiceClientsOnly() {
    ClientsApi carol = realm.api("carol");
    JsonNode revokedClient = carol.createNamed("Carol's leaked");
    JsonNode keptClient = carol.createNamed("Carol's kept");
    String revokedId = revokedClient.get("client_id").asText();
    String keptId = keptClient.get("client_id").asText();

    HttpResult answer =
        call(
            "manager",
            "POST",
            "/revoke-secrets",
            JSON,
            Map.of(
                "client_ids",
                List.of(revokedId, TestRealm.PLAIN_CLIENT, "no-such-client", revokedId)));

    assertEquals(200, answer.status(), answer::toString);
    assertEquals(List.of(revokedId), strings(answer.json().get("revoked")));
    HttpResult refused =
        realm.tokens().clientCredentials(revokedId, revokedClient.get("client_secret").asText());
    assertEquals(401, refused.status(), refused::toString);
    assertEquals("invalid_client", refused.error());
    assertEquals(
        200,
        realm
            .tokens()
            .clientCredentials(keptId, keptClient.get("client_secret").asText())
            .status());
    assertEquals(
        200,
        realm.tokens().clientCredentials(TestRealm.PLAIN_CLIENT, TestRealm.PLAIN_SECRET).status(),
        "a plain Keycloak client named in the request is left as it is");
    assertNotNull(carol.read(revokedId).json().get("secret_revoked_at").textValue());
    JsonNode carols = list("viewer", "owner=carol");
    assertNotNull(entryOf(carols, revokedId).get("secret_revoked_at").textValue());
    assertNull(entryOf(carols, keptId).get("secret_revoked_at").textValue());
    List<String> neverExpiring = ids(list("viewer", "owner=carol&never_expires=true"));
    assertTrue(neverExpiring.contains(keptId) && !neverExpiring.contains(revokedId));

    JsonNode event = adminEvent("oauth2-clients/revoke-secrets", revokedId);
    assertEquals("CLIENT", event.get("resourceType").asText());
    assertEquals(realm.userId("manager"), event.at("/authDetails/userId").asText());
    assertFalse(
        event.toString().contains(revokedClient.get("client_secret").asText()), event::toString);
  }

  @Test
  void lookupTellsTheCurrentOrPreviousSecretAndChangesNothing() {
    ClientsApi carol = realm.api("carol");
    JsonNode client = carol.createNamed("Carol's rotated");
    String clientId = client.get("client_id").asText();
    String previous = client.get("client_secret").asText();
    HttpResult rotated = carol.rotate(clientId, Map.of("previous_secret_expires_in", 3600));
    assertEquals(200, rotated.status(), rotated::toString);
    String current = rotated.json().get("client_secret").asText();

    JsonNode foundCurrent = lookup("viewer", current);
    assertEquals(clientId, foundCurrent.get("client_id").asText());
    assertEquals("current", foundCurrent.get("matched").asText());
    assertEquals("carol", foundCurrent.get("owner_username").asText());
    assertFalse(foundCurrent.has("client_secret"));
    assertEquals("previous", lookup("viewer", previous).get("matched").asText());

    // The current secret with another last character: one in 62 secrets ends in "x" already.
    String lastChanged =
        current.substring(0, current.length() - 1) + (current.endsWith("x") ? "y" : "x");
    for (String miss : List.of(lastChanged, TestRealm.PLAIN_SECRET, "", "x")) {
      HttpResult notFound = call("viewer", "POST", "/lookup", JSON, Map.of("secret", miss));
      assertEquals(404, notFound.status(), notFound::toString);
      assertEquals("not_found", notFound.error());
    }
    assertEquals(200, realm.tokens().clientCredentials(clientId, current).status());
    assertEquals(200, realm.tokens().clientCredentials(clientId, previous).status());

    JsonNode event = adminEvent("oauth2-clients/lookup", clientId);
    assertEquals(realm.userId("viewer"), event.at("/authDetails/userId").asText());
    assertFalse(event.toString().contains(current), event::toString);
  }

  @Test
  void badBodiesAreInvalidRequests() {
    List<String> thousandAndOne = new ArrayList<>();
    for (int i = 0; i <= 1000; i++) {
      thousandAndOne.add("c" + i);
    }
    Object[][] cases = {
      {"/revoke-secrets", null, "{\"client_ids\":[\"a\"]}"},
      {"/revoke-secrets", "text/plain", "{\"client_ids\":[\"a\"]}"},
      {"/revoke-secrets", JSON, "not json"},
      {"/revoke-secrets", JSON, "{\"client_ids\":[]}"},
      {"/revoke-secrets", JSON, "{\"client_ids\":\"a\"}"},
      {"/revoke-secrets", JSON, "{\"client_ids\":[\"a\"],\"all\":true}"},
      {"/revoke-secrets", JSON, Map.of("client_ids", thousandAndOne)},
      {"/revoke-secrets", JSON, Map.of("client_ids", List.of("a".repeat(70 * 1024)))},
      {"/lookup", JSON, "{}"},
      {"/lookup", JSON, "{\"secret\":1}"},
      {"/lookup", JSON, "[\"kcoa_x\"]"},
      {"/lookup", "application/x-www-form-urlencoded", "secret=kcoa_x"},
    };
    for (Object[] c : cases) {
      HttpResult refused = call("manager", "POST", (String) c[0], (String) c[1], c[2]);
      assertEquals(400, refused.status(), () -> c[0] + " " + c[1] + ": " + refused);
      assertEquals("invalid_request", refused.error(), refused::toString);
    }
  }

  // Helpers

  private static void age(Connection db, String clientId, long createdAt, Long lastUsedAt)
      throws SQLException {
    try (PreparedStatement update =
        db.prepareStatement(
            "update OAUTH2_SELF_SERVICE_CLIENT set CREATED_AT = ?, LAST_USED_AT = ?"
                + " where CLIENT_ID = ?")) {
      update.setLong(1, createdAt);
      if (lastUsedAt == null) {
        update.setNull(2, Types.BIGINT);
      } else {
        update.setLong(2, lastUsedAt);
      }
      update.setString(3, clientId);
      assertEquals(1, update.executeUpdate());
    }
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static JsonNode lookup(String who, String secret) {
    HttpResult found = call(who, "POST", "/lookup", JSON, Map.of("secret", secret));
    assertEquals(200, found.status(), found::toString);
    return found.json();
  }

  /** The newest ACTION admin event at {@code path} whose representation names {@code clientId}. */
  private static JsonNode adminEvent(String path, String clientId) {
    JsonNode events =
        realm.admin().get("/" + realm.name() + "/admin-events?operationTypes=ACTION&max=100");
    for (JsonNode event : events) {
      if (event.path("resourcePath").asText().equals(path)
          && event.path("representation").asText().contains(clientId)) {
        return event;
      }
    }
    throw new AssertionError("no admin event at " + path + " for " + clientId + ": " + events);
  }

  private static JsonNode list(String who, String query) {
    HttpResult answer = call(who, "GET", "?" + query, null, null);
    assertEquals(200, answer.status(), answer::toString);
    return answer.json();
  }

  private static List<String> ids(JsonNode entries) {
    List<String> ids = new ArrayList<>();
    entries.forEach(entry -> ids.add(entry.get("client_id").asText()));
    return ids;
  }

  /** The listed ids of the clients the listing tests made, in the order listed. */
  private static List<String> mine(JsonNode entries) {
    return ids(entries).stream().filter(readOnly::contains).toList();
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(member -> strings.add(member.asText()));
    return strings;
  }

  private static JsonNode entryOf(JsonNode entries, String clientId) {
    for (JsonNode entry : entries) {
      if (entry.get("client_id").asText().equals(clientId)) {
        return entry;
      }
    }
    throw new AssertionError(clientId + " is not listed: " + entries);
  }

  /** A call to the inventory with the access token of one of the realm's users. */
  private static HttpResult call(
      String who, String method, String path, String contentType, Object body) {
    String url =
        KeycloakServer.get().baseUrl() + "/admin/realms/" + realm.name() + "/oauth2-clients" + path;
    Map<String, String> headers =
        new HashMap<>(Http.bearer(TOKENS.computeIfAbsent(who, realm::userToken)));
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    byte[] bytes =
        body == null
            ? null
            : (body instanceof String text ? text : Json.write(body))
                .getBytes(StandardCharsets.UTF_8);
    return Http.send(method, url, headers, bytes);
  }
}
