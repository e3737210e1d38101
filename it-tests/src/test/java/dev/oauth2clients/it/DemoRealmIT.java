package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.KeycloakServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo realm that {@code ./run-demo.sh} imports lets its user do what the README's curl
 * walk-through does: a token from the demo's command-line client is good for the API.
 */
class DemoRealmIT {

  private static final Path DEMO_REALM = Path.of("..", "demo", "realm", "demo-realm.json");

  @Test
  void theDemoUserCreatesAClientAndItGetsTokens() throws Exception {
    String baseUrl = KeycloakServer.get().baseUrl();
    Admin admin = new Admin(baseUrl);
    ObjectNode realm =
        (ObjectNode) Json.parse(Files.readString(DEMO_REALM, StandardCharsets.UTF_8));
    admin.createRealm(realm);
    try {
      String realmUrl = baseUrl + "/realms/" + realm.get("realm").asText();
      HttpResult signIn =
          Http.postForm(
              realmUrl + "/protocol/openid-connect/token",
              Map.of(
                  "grant_type", "password",
                  "client_id", "demo-cli",
                  "username", "demo",
                  "password", "demo"),
              Map.of());
      assertEquals(200, signIn.status(), signIn::toString);
      Map<String, String> headers =
          new HashMap<>(Http.bearer(signIn.json().get("access_token").asText()));
      headers.put("Content-Type", "application/json");

      HttpResult created =
          Http.send(
              "POST",
              realmUrl + "/oauth2-clients",
              headers,
              "{\"client_name\":\"My CLI\"}".getBytes(StandardCharsets.UTF_8));
      assertEquals(201, created.status(), created::toString);

      JsonNode client = created.json();
      HttpResult tokens =
          Http.postForm(
              realmUrl + "/protocol/openid-connect/token",
              Map.of(
                  "grant_type", "client_credentials",
                  "client_id", client.get("client_id").asText(),
                  "client_secret", client.get("client_secret").asText()),
              Map.of());
      assertEquals(200, tokens.status(), tokens::toString);
      assertTrue(tokens.json().has("refresh_token"));
    } finally {
      admin.deleteRealm(realm.get("realm").asText());
    }
  }
}
