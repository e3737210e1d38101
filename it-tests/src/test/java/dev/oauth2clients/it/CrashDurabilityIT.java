package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract's durability promise: a SIGKILL of the server in the middle of parallel creates
 * loses no create that was answered 201 and leaves no client half made. It crashes the suite's own
 * server and restarts it in place (same database, same port), so that the test classes after it run
 * on as before, without the minute another server would take to start.
 */
class CrashDurabilityIT {

  private static final int OWNERS = 8;
  // Below the realm's default quota of 25, so that the quota refuses none of them.
  private static final int CREATES_PER_OWNER = 20;
  // H2 without WRITE_DELAY=0 lost a third of 40 acknowledged creates: enough to show.
  private static final int ACKNOWLEDGED_BEFORE_KILL = 40;
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private static final String CLIENTS_WITHOUT_OWNERSHIP_ROW =
      "select c.ID from CLIENT c join CLIENT_ATTRIBUTES a on a.CLIENT_ID = c.ID"
          + " where a.NAME = 'oauth2-clients.owner'"
          + " and not exists (select 1 from OAUTH2_SELF_SERVICE_CLIENT s where s.ID = c.ID)";
  private static final String OWNERSHIP_ROWS_WITHOUT_CLIENT =
      "select s.ID from OAUTH2_SELF_SERVICE_CLIENT s"
          + " where not exists (select 1 from CLIENT c where c.ID = s.ID)";

  @Test
  void aKillDuringParallelCreatesLosesNoAcknowledgedCreateNorSessionAndLeavesNoHalfMadeClient()
      throws Exception {
    KeycloakServer server = KeycloakServer.get();
    Database database = server.database();
    assumeTrue(database != null, "a server the tests did not start cannot be killed");
    List<String> owners = IntStream.rangeClosed(1, OWNERS).mapToObj(i -> "owner" + i).toList();
    try (TestRealm realm = TestRealm.create(owners.toArray(String[]::new));
        CreateBurst burst =
            CreateBurst.start(realm, owners, CREATES_PER_OWNER, ACKNOWLEDGED_BEFORE_KILL)) {
      realm.addUser("machine-owner");
      JsonNode machine = realm.api("machine-owner").createNamed("Running through the crash");
      String refreshToken = grant(realm, machine).get("refresh_token").asText();
      burst.awaitAcknowledged(PATIENCE);
      server.crashAndRestart();
      burst.awaitEnd(PATIENCE);
      report(burst);

      assertEquals(List.of(), burst.otherAnswers(), "every create before the kill was a 201");
      assertFalse(burst.ownersCutOffInFlight().isEmpty(), "the kill caught creates in flight");
      Map<String, Set<String>> listed = listedAfterRestart(realm, owners);
      assertNoAcknowledgedCreateLost(listed, burst);
      for (String owner : owners) {
        assertNothingUnasked(listed, owner, burst);
      }
      for (CreateBurst.Acknowledged created : burst.acknowledged()) {
        assertSecretWorks(realm, created);
      }
      assertSharedSessionSurvived(realm, machine, refreshToken);
      assertEquals(
          List.of(),
          ids(database, CLIENTS_WITHOUT_OWNERSHIP_ROW),
          "Keycloak clients marked with an owner but without their row in the provider's table");
      assertEquals(
          List.of(),
          ids(database, OWNERSHIP_ROWS_WITHOUT_CLIENT),
          "rows of the provider's table whose Keycloak client does not exist");
    }
  }

  private static void report(CreateBurst burst) {
    System.out.printf(
        "crash test: SIGKILL after %d creates were answered 201; %d were in flight (sent, no"
            + " answer), %d connections refused after the kill%n",
        burst.acknowledged().size(),
        burst.ownersCutOffInFlight().size(),
        burst.refusedConnections());
  }

  private static void assertNoAcknowledgedCreateLost(
      Map<String, Set<String>> listed, CreateBurst burst) {
    List<String> lost =
        burst.acknowledged().stream()
            .filter(created -> !listed.get(created.owner()).contains(created.clientId()))
            .map(CreateBurst.Acknowledged::clientId)
            .toList();
    assertEquals(
        List.of(),
        lost,
        () ->
            lost.size()
                + " of "
                + burst.acknowledged().size()
                + " acknowledged creates are gone after the restart");
  }

  /**
   * Beyond the acknowledged ones, an owner can only have the one create that was in flight, which
   * the server may have committed without answering.
   */
  private static void assertNothingUnasked(
      Map<String, Set<String>> listed, String owner, CreateBurst burst) {
    long inFlight = burst.ownersCutOffInFlight().stream().filter(owner::equals).count();
    assertTrue(
        listed.get(owner).size() <= burst.acknowledgedFor(owner).size() + inFlight,
        () -> owner + " has clients that no request made: " + listed.get(owner));
  }

  /** Each owner's client ids, as the API lists them to a fresh sign-in. */
  private static Map<String, Set<String>> listedAfterRestart(TestRealm realm, List<String> owners) {
    Map<String, Set<String>> listed = new HashMap<>();
    for (String owner : owners) {
      HttpResult list = realm.api(owner).list("max=1000");
      assertEquals(200, list.status(), list::toString);
      Set<String> ids = new HashSet<>();
      list.json().forEach(client -> ids.add(client.get("client_id").asText()));
      listed.put(owner, ids);
    }
    return listed;
  }

  private static void assertSecretWorks(TestRealm realm, CreateBurst.Acknowledged created) {
    HttpResult grant = realm.tokens().clientCredentials(created.clientId(), created.secret());
    assertEquals(200, grant.status(), () -> created.clientId() + ": " + grant);
    JsonNode tokens = grant.json();
    assertTrue(tokens.hasNonNull("access_token"), grant::toString);
    assertTrue(tokens.hasNonNull("refresh_token"), grant::toString);
  }

  private static JsonNode grant(TestRealm realm, JsonNode client) {
    HttpResult grant =
        realm
            .tokens()
            .clientCredentials(
                client.get("client_id").asText(), client.get("client_secret").asText());
    assertEquals(200, grant.status(), grant::toString);
    return grant.json();
  }

  /**
   * The refresh token of a session shared before the kill still works; the restarted node starts a
   * session of its own, and the old one waits for its idle timeout.
   */
  private static void assertSharedSessionSurvived(
      TestRealm realm, JsonNode client, String refreshToken) {
    String clientId = client.get("client_id").asText();
    HttpResult refreshed =
        realm.tokens().refresh(clientId, client.get("client_secret").asText(), refreshToken);
    assertEquals(200, refreshed.status(), () -> "refresh after the restart: " + refreshed);
    grant(realm, client);
    grant(realm, client);
    assertTrue(
        realm.admin().sessionCount(realm.name(), clientId) <= 2,
        "the session from before the kill and the restarted node's own");
  }

  private static List<String> ids(Database database, String query) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection db = database.connect();
        PreparedStatement statement = db.prepareStatement(query);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
