package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.oauth2clients.it.Mailbox.Mail;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakCluster;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.LeakReports;
import dev.oauth2clients.testsupport.Pause;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Keycloak nodes sharing one PostgreSQL database, as in production: what one node does to a
 * client, the other sees at once. Runs in the PostgreSQL pass only.
 */
class TwoNodeClusterIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  private static KeycloakCluster cluster;
  private static TestRealm onNode1;
  private static TestRealm onNode2;

  @BeforeAll
  static void startTwoNodes() {
    assumeTrue(
        "postgres".equals(System.getProperty("keycloak.db")),
        "a cluster needs the shared PostgreSQL database: runs in the PostgreSQL pass");
    cluster = KeycloakCluster.start(2);
    onNode1 =
        TestRealm.createOn(cluster.baseUrl(1), Policy.enabled().attributes(), realm -> {}, "alice");
    onNode2 = onNode1.onNode(cluster.baseUrl(2));
  }

  @AfterAll
  static void stopNodes() {
    if (cluster != null) {
      cluster.stop();
    }
  }

  @Test
  void whatOneNodeDoesTheOtherSeesAtOnce() {
    JsonNode client = onNode1.api("alice").createNamed("Clustered");
    String clientId = client.get("client_id").asText();
    String oldSecret = client.get("client_secret").asText();

    HttpResult onTheOtherNode = onNode2.tokens().clientCredentials(clientId, oldSecret);
    assertEquals(200, onTheOtherNode.status(), onTheOtherNode::toString);
    String refreshToken = onTheOtherNode.json().get("refresh_token").asText();

    HttpResult rotated = onNode2.api("alice").rotate(clientId);
    assertEquals(200, rotated.status(), rotated::toString);
    String newSecret = rotated.json().get("client_secret").asText();
    HttpResult oldOnNode1 = onNode1.tokens().clientCredentials(clientId, oldSecret);
    assertEquals(401, oldOnNode1.status(), "node 1 must refuse the rotated secret at once");
    assertEquals(200, onNode1.tokens().clientCredentials(clientId, newSecret).status());

    assertEquals(204, onNode1.api("alice").delete(clientId).status());
    HttpResult refresh = onNode2.tokens().refresh(clientId, newSecret, refreshToken);
    assertTrue(
        refresh.status() == 400 || refresh.status() == 401,
        "node 2 must refuse the deleted client's refresh token: " + refresh);
    assertEquals(404, onNode2.api("alice").read(clientId).status());
  }

  /** Both nodes warmed their client caches with the secret; a report on one ends it on both. */
  @Test
  void aSecretReportedOnOneNodeFailsOnBothAtOnce() {
    JsonNode client = onNode1.api("alice").createNamed("Leaked in a cluster");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    assertEquals(200, onNode1.tokens().clientCredentials(clientId, secret).status());
    assertEquals(200, onNode2.tokens().clientCredentials(clientId, secret).status());

    HttpResult reported = LeakReports.report(onNode2.url(), List.of(secret));
    assertEquals(202, reported.status(), reported::toString);

    for (TestRealm node : List.of(onNode1, onNode2)) {
      HttpResult refused = node.tokens().clientCredentials(clientId, secret);
      assertEquals(401, refused.status(), refused::toString);
      assertTrue(refused.json().get("error_description").asText().contains("reported"));
      assertFalse(node.api("alice").read(clientId).json().get("secret_revoked_at").isNull());
    }
  }

  @Test
  void eachNodeSharesOneSessionPerClientAndPausingOnOneStopsTheOther() {
    JsonNode client = onNode1.api("alice").createNamed("Machine on two nodes");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    List<String> fromNode1 = new ArrayList<>();
    List<String> fromNode2 = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      fromNode1.add(refreshToken(onNode1.tokens().clientCredentials(clientId, secret)));
      fromNode2.add(refreshToken(onNode2.tokens().clientCredentials(clientId, secret)));
    }

    int sessions = onNode1.admin().sessionCount(onNode1.name(), clientId);
    assertTrue(sessions <= 2, "at most one session per node after 40 grants: " + sessions);
    // The test nodes answer on different ports, hence different issuers: each refresh token goes
    // back to the node that issued it, as a load balancer with one hostname would not need.
    for (int i = 0; i < fromNode1.size(); i += 5) {
      assertEquals(200, onNode1.tokens().refresh(clientId, secret, fromNode1.get(i)).status());
      assertEquals(200, onNode2.tokens().refresh(clientId, secret, fromNode2.get(i)).status());
    }

    assertEquals(200, onNode1.api("alice").patch(clientId, Map.of("enabled", false)).status());
    HttpResult paused = onNode2.tokens().refresh(clientId, secret, fromNode2.get(0));
    assertTrue(paused.status() == 400 || paused.status() == 401, paused::toString);
    assertEquals(401, onNode2.tokens().clientCredentials(clientId, secret).status());
  }

  /**
   * Both nodes run the expiry notice task; Keycloak keeps them from running it at once, and the
   * claim in the shared database keeps the one that runs next from mailing again.
   */
  @Test
  void onTwoNodesASecretThatExpiresSoonGetsOneReminder() {
    Duration interval = KeycloakServer.EXPIRY_NOTICE_INTERVAL;
    try (TestRealm mailing =
        TestRealm.createOn(
            cluster.baseUrl(1),
            Policy.enabled().attributes(),
            realm -> Mailbox.sendTo(MAIL, realm),
            "carol")) {
      HttpResult created =
          mailing
              .onNode(cluster.baseUrl(2))
              .api("carol")
              .create(Map.of("client_name", "Reminded once", "secret_expires_in", 259_200));
      assertEquals(201, created.status(), created::toString);
      String clientId = created.json().get("client_id").asText();
      Predicate<Mail> reminder =
          mail -> mail.text().contains(clientId) && mail.subject().contains("expires soon");

      List<Mail> reminders =
          Mailbox.await(
              MAIL, "carol@example.com", reminder, 1, interval.multipliedBy(4).plusSeconds(10));
      assertEquals(1, reminders.size(), "a reminder within a few intervals");
      Pause.sleep(interval.multipliedBy(5));
      assertEquals(
          1,
          Mailbox.to(MAIL, "carol@example.com").stream().filter(reminder).count(),
          "two nodes ran the task many times: still one reminder");
    }
  }

  @Test
  void anOverlapAndTheLastUseAreTheSameOnBothNodes() {
    JsonNode client = onNode1.api("alice").createNamed("Rotated on two nodes");
    String clientId = client.get("client_id").asText();
    String oldSecret = client.get("client_secret").asText();
    assertEquals(200, onNode2.tokens().clientCredentials(clientId, oldSecret).status());
    JsonNode readOn1 = onNode1.api("alice").read(clientId).json();
    assertFalse(readOn1.get("last_used_at").isNull(), "node 2's grant shows on node 1");
    assertEquals(
        readOn1.get("last_used_at"),
        onNode2.api("alice").read(clientId).json().get("last_used_at"));

    HttpResult rotated =
        onNode1.api("alice").rotate(clientId, Map.of("previous_secret_expires_in", 600));
    assertEquals(200, rotated.status(), rotated::toString);
    String newSecret = rotated.json().get("client_secret").asText();
    for (TestRealm node : List.of(onNode1, onNode2)) {
      assertEquals(200, node.tokens().clientCredentials(clientId, oldSecret).status());
      assertEquals(200, node.tokens().clientCredentials(clientId, newSecret).status());
    }

    assertEquals(204, onNode2.api("alice").endOverlap(clientId).status());
    assertEquals(401, onNode1.tokens().clientCredentials(clientId, oldSecret).status(), "at once");
    assertEquals(401, onNode2.tokens().clientCredentials(clientId, oldSecret).status());
    assertEquals(200, onNode1.tokens().clientCredentials(clientId, newSecret).status());
  }

  @Test
  void aClientPausedOnOneNodeRedirectsNowhereOnTheOther() {
    String uri = "https://app.example.com/cb";
    HttpResult created =
        onNode1
            .api("alice")
            .create(Map.of("client_name", "Signs in", "redirect_uris", List.of(uri)));
    String clientId = created.json().get("client_id").asText();
    assertEquals(302, BrowserLogin.authorizeWithoutPrompt(onNode2, clientId, uri).status());

    assertEquals(200, onNode1.api("alice").patch(clientId, Map.of("enabled", false)).status());

    HttpResult onNode2Now = BrowserLogin.authorizeWithoutPrompt(onNode2, clientId, uri);
    assertEquals(400, onNode2Now.status(), onNode2Now::toString);
    assertEquals(null, onNode2Now.header("Location"));
  }

  /**
   * Node 2 has just seen the rotation node 1 made (or is about to): either way a use of the old
   * secret there is the old secret's, as the database decides by the hash the grant matched.
   */
  @Test
  void aUseOfTheOldSecretOnTheOtherNodeRightAfterARotationIsCreditedToTheOldSecret() {
    JsonNode client = onNode1.api("alice").createNamed("Rotated, then used elsewhere");
    String clientId = client.get("client_id").asText();
    HttpResult rotated =
        onNode1.api("alice").rotate(clientId, Map.of("previous_secret_expires_in", 600));
    assertEquals(200, rotated.status(), rotated::toString);

    HttpResult oldOnNode2 =
        onNode2.tokens().clientCredentials(clientId, client.get("client_secret").asText());
    assertEquals(200, oldOnNode2.status(), oldOnNode2::toString);

    for (TestRealm node : List.of(onNode1, onNode2)) {
      JsonNode read = node.api("alice").read(clientId).json();
      assertTrue(read.get("secret_last_used_at").isNull(), read::toString);
      assertFalse(read.get("previous_secret_last_used_at").isNull(), read::toString);
    }
  }

  /** Under Revoke Refresh Token each grant keeps its own session, on every node. */
  @Test
  void whereTheRealmRevokesRefreshTokensAReuseOnOneNodeEndsNoOtherWorkersSession() {
    TestRealm revoking =
        TestRealm.createOn(cluster.baseUrl(1), Policy.enabled().attributes(), realm -> {}, "alice");
    try {
      assertEquals(
          204,
          revoking
              .admin()
              .call("PUT", "/" + revoking.name(), Map.of("revokeRefreshToken", true))
              .status());
      TestRealm revokingOn2 = revoking.onNode(cluster.baseUrl(2));
      JsonNode client = revoking.api("alice").createNamed("Single-use on two nodes");
      String clientId = client.get("client_id").asText();
      String secret = client.get("client_secret").asText();
      String onNode1 = refreshToken(revoking.tokens().clientCredentials(clientId, secret));
      String onNode2 = refreshToken(revokingOn2.tokens().clientCredentials(clientId, secret));
      String alsoOnNode2 = refreshToken(revokingOn2.tokens().clientCredentials(clientId, secret));
      assertEquals(3, revoking.admin().sessionCount(revoking.name(), clientId));

      assertEquals(200, revokingOn2.tokens().refresh(clientId, secret, onNode2).status());
      HttpResult reused = revokingOn2.tokens().refresh(clientId, secret, onNode2);
      assertEquals(400, reused.status(), reused::toString);
      assertEquals(200, revokingOn2.tokens().refresh(clientId, secret, alsoOnNode2).status());
      assertEquals(200, revoking.tokens().refresh(clientId, secret, onNode1).status());
    } finally {
      revoking.close();
    }
  }

  /** Node 2 computes the next token's roles from what node 1 changed, not from a stale cache. */
  @Test
  void anOwnerWhoLosesARoleOnOneNodeGetsNoTokenWithItFromTheOther() {
    String ownerId = onNode1.addUser("rhea");
    Roles roles = Roles.of(onNode1);
    onNode1.admin().createRealmRole(onNode1.name(), "reader");
    roles.setGrantable("reader", true);
    roles.grant(ownerId, List.of("reader"), Map.of());
    HttpResult created =
        onNode1
            .api("rhea")
            .create(Map.of("client_name", "Loses a role", "realm_roles", List.of("reader")));
    assertEquals(201, created.status(), created::toString);
    String clientId = created.json().get("client_id").asText();
    String secret = created.json().get("client_secret").asText();
    HttpResult first = onNode2.tokens().clientCredentials(clientId, secret);
    assertEquals(Map.of("", Set.of("reader")), Roles.carried(Roles.accessClaims(first)));

    roles.revoke(ownerId, List.of("reader"), Map.of());

    HttpResult granted = onNode2.tokens().clientCredentials(clientId, secret);
    assertEquals(Map.of(), Roles.carried(Roles.accessClaims(granted)), granted::toString);
    HttpResult refreshed = onNode2.tokens().refresh(clientId, secret, refreshToken(first));
    assertEquals(Map.of(), Roles.carried(Roles.accessClaims(refreshed)), refreshed::toString);
  }

  private static String refreshToken(HttpResult grant) {
    assertEquals(200, grant.status(), grant::toString);
    return grant.json().get("refresh_token").asText();
  }
}
