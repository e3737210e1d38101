package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.Pause;
import dev.oauth2clients.testsupport.Sha256;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak itself upgraded from the oldest supported line to the newest, with the provider in both:
 * what users made on the old release keeps working on the new one. Runs where the build unpacked
 * the old release ({@code keycloak.upgrade-from.home}); it starts two servers of its own.
 */
class KeycloakUpgradeIT {

  private static final String URI = "https://app.example.com/paused";

  private static final String NAME = "Café \"upgrade\" 🚀";

  /** 43 base64url characters, as every secret was before the prefixed format. */
  private static final String OLD_SECRET = "Q2xpZW50U2VjcmV0QmVmb3JlVGhlRm9ybWF0LV8tXyE";

  @Test
  void clientsSecretsRefreshTokensAndListsSurviveAnUpgradeOfKeycloak() {
    String fromHome = System.getProperty("keycloak.upgrade-from.home");
    assumeTrue(
        fromHome != null && Files.isDirectory(Path.of(fromHome)),
        "no older Keycloak unpacked to upgrade from (-DskipOldest=true leaves it out)");
    Path log =
        Path.of(System.getProperty("keycloak.log"))
            .resolveSibling("keycloak-upgrade")
            .resolve("keycloak-before.log");
    createDirectories(log.getParent());
    KeycloakServer before = KeycloakServer.startOfRelease(Path.of(fromHome), log);
    KeycloakServer after = null;
    try {
      TestRealm old =
          TestRealm.createOn(before.baseUrl(), Policy.enabled().attributes(), r -> {}, "alice");
      ClientsApi alice = old.api("alice");
      HttpResult created =
          alice.create(
              Map.of(
                  "client_name",
                  NAME,
                  "description",
                  "made before the upgrade: é, 🚀, \"quotes\"",
                  "redirect_uris",
                  List.of("https://app.example.com/cb"),
                  "metadata",
                  Map.of("team", "ünïcode")));
      assertEquals(201, created.status(), created::toString);
      String kept = created.json().get("client_id").asText();
      String keptSecret = created.json().get("client_secret").asText();
      HttpResult grant = old.tokens().clientCredentials(kept, keptSecret);
      assertEquals(200, grant.status(), grant::toString);
      String refreshToken = grant.json().get("refresh_token").asText();

      JsonNode rotating = alice.createNamed("Rotating");
      String rotated = rotating.get("client_id").asText();
      String replacedSecret = rotating.get("client_secret").asText();
      HttpResult rotation = alice.rotate(rotated, Map.of("previous_secret_expires_in", 3600));
      assertEquals(200, rotation.status(), rotation::toString);
      String newSecret = rotation.json().get("client_secret").asText();
      String pausedEarlier = pausedAsBeforeThisRelease(before, old, alice);
      String unprefixed = secretAsBeforeItsFormat(before, old, alice);
      JsonNode listBefore = alice.list("").json();

      after =
          before.upgradeTo(
              Path.of(System.getProperty("keycloak.home")),
              log.resolveSibling("keycloak-after.log"));
      assertEquals(before.baseUrl(), after.baseUrl(), "the same URL, so the same issuer");
      TestRealm upgraded = old.onNode(after.baseUrl());
      ClientsApi aliceAfter = upgraded.api("alice");

      assertEquals(listBefore, aliceAfter.list("").json(), "every field reads as before");
      assertEquals(NAME, aliceAfter.read(kept).json().get("client_name").asText());
      assertEquals(200, upgraded.tokens().clientCredentials(kept, keptSecret).status());
      HttpResult refreshed = upgraded.tokens().refresh(kept, keptSecret, refreshToken);
      assertEquals(200, refreshed.status(), () -> "a refresh token from before: " + refreshed);
      assertEquals(200, upgraded.tokens().clientCredentials(rotated, newSecret).status());
      assertEquals(
          200,
          upgraded.tokens().clientCredentials(rotated, replacedSecret).status(),
          "the overlap of a rotation made before the upgrade still runs");
      assertEquals(401, upgraded.tokens().clientCredentials(kept, keptSecret + "x").status());
      assertEquals(
          200,
          upgraded.tokens().clientCredentials(unprefixed, OLD_SECRET).status(),
          "a secret of the shape before the prefix and checksum works until rotated");
      HttpResult rotatedAfter = aliceAfter.rotate(unprefixed);
      assertEquals(200, rotatedAfter.status(), rotatedAfter::toString);
      String prefixed = rotatedAfter.json().get("client_secret").asText();
      assertTrue(SecretFormat.isWellFormed(prefixed, SecretFormat.DEFAULT_PREFIX), prefixed);
      assertEquals(200, upgraded.tokens().clientCredentials(unprefixed, prefixed).status());
      assertEquals(401, upgraded.tokens().clientCredentials(unprefixed, OLD_SECRET).status());
      // The start-up follow runs in the background, so that Keycloak serves before it ends.
      assertTrue(
          Pause.until(
              Duration.ofSeconds(30),
              () ->
                  BrowserLogin.authorizeWithoutPrompt(upgraded, pausedEarlier, URI).status()
                      == 400),
          "withheld after start-up");
      HttpResult stillPaused = BrowserLogin.authorizeWithoutPrompt(upgraded, pausedEarlier, URI);
      assertEquals(null, stillPaused.header("Location"));
      HttpResult madeAfter = aliceAfter.create(Map.of("client_name", "After"));
      assertEquals(201, madeAfter.status(), madeAfter::toString);
      assertTrue(aliceAfter.list("").json().size() == 5, "the list holds old and new clients");
    } finally {
      (after != null ? after : before).stop();
    }
  }

  /**
   * A paused client as releases before sign-in reach left it: Keycloak still holds its redirect URI
   * (and no post-logout value of the provider's), and the realm has never followed its switch.
   * Written to the database behind the running server, which stops next; the new server must
   * withhold the URI at start-up.
   */
  private static String pausedAsBeforeThisRelease(
      KeycloakServer server, TestRealm realm, ClientsApi owner) {
    HttpResult created =
        owner.create(Map.of("client_name", "Paused earlier", "redirect_uris", List.of(URI)));
    String clientId = created.json().get("client_id").asText();
    assertEquals(200, owner.patch(clientId, Map.of("enabled", false)).status());
    assertEquals(400, BrowserLogin.authorizeWithoutPrompt(realm, clientId, URI).status());
    String id = realm.admin().findClient(realm.name(), clientId).get("id").asText();
    String realmId = realm.admin().realm(realm.name()).get("id").asText();
    try (Connection db = server.database().connect();
        PreparedStatement uri =
            db.prepareStatement("insert into REDIRECT_URIS (CLIENT_ID, VALUE) values (?, ?)");
        PreparedStatement withheld =
            db.prepareStatement(
                "delete from CLIENT_ATTRIBUTES where CLIENT_ID = ? and NAME in (?, ?)");
        PreparedStatement followed =
            db.prepareStatement("delete from REALM_ATTRIBUTE where REALM_ID = ? and NAME = ?")) {
      uri.setString(1, id);
      uri.setString(2, URI);
      assertEquals(1, uri.executeUpdate());
      withheld.setString(1, id);
      withheld.setString(2, "oauth2-clients.withheld-redirect-uris");
      withheld.setString(3, "post.logout.redirect.uris");
      assertEquals(2, withheld.executeUpdate());
      followed.setString(1, realmId);
      followed.setString(2, "oauth2-clients.followed-switch-and-role");
      followed.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return clientId;
  }

  /**
   * A client whose secret is of the shape releases before the prefix made (32 random bytes in
   * base64url, 43 characters), as they stored it: only its SHA-256, on the client and in the
   * provider's row. Written behind the running server, which stops next.
   */
  private static String secretAsBeforeItsFormat(
      KeycloakServer server, TestRealm realm, ClientsApi owner) {
    String clientId = owner.createNamed("Secret from before").get("client_id").asText();
    String id = realm.admin().findClient(realm.name(), clientId).get("id").asText();
    try (Connection db = server.database().connect();
        PreparedStatement attribute =
            db.prepareStatement(
                "update CLIENT_ATTRIBUTES set VALUE = ? where CLIENT_ID = ? and NAME = ?");
        PreparedStatement row =
            db.prepareStatement(
                "update OAUTH2_SELF_SERVICE_CLIENT set SECRET_HASH = ? where ID = ?")) {
      attribute.setString(1, Sha256.hex(OLD_SECRET));
      attribute.setString(2, id);
      attribute.setString(3, "oauth2-clients.secret-sha256");
      assertEquals(1, attribute.executeUpdate());
      row.setString(1, Sha256.hex(OLD_SECRET));
      row.setString(2, id);
      assertEquals(1, row.executeUpdate());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return clientId;
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
