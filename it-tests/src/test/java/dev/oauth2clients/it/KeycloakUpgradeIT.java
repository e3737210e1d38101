package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keycloak itself upgraded from the oldest supported line to the newest, with the provider in both:
 * what users made on the old release keeps working on the new one. Runs where the build unpacked
 * the old release ({@code keycloak.upgrade-from.home}); it starts two servers of its own.
 */
class KeycloakUpgradeIT {

  private static final String NAME = "Café \"upgrade\" 🚀";

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
      HttpResult madeAfter = aliceAfter.create(Map.of("client_name", "After"));
      assertEquals(201, madeAfter.status(), madeAfter::toString);
      assertTrue(aliceAfter.list("").json().size() == 3, "the list holds old and new clients");
    } finally {
      (after != null ? after : before).stop();
    }
  }

  private static void createDirectories(Path directory) {
    try {
      Files.createDirectories(directory);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
