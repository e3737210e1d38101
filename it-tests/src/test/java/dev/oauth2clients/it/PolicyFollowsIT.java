package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import org.junit.jupiter.api.Test;

/**
 * A change of realm policy reaches every existing self-service client at once, at Keycloak's token
 * endpoint, without the owner touching the client.
 */
class PolicyFollowsIT {

  @Test
  void aNewLifespanReachesTheNextTokenOfAnExistingClient() {
    try (TestRealm realm = TestRealm.create("alice")) {
      JsonNode client = realm.api("alice").createNamed("Long-lived");
      String clientId = client.get("client_id").asText();
      String secret = client.get("client_secret").asText();
      assertEquals(3600, lifespan(realm.tokens().clientCredentials(clientId, secret)));

      realm.setAttributes(Policy.only(PolicySetting.ACCESS_TOKEN_LIFESPAN, "600"));

      assertEquals(600, lifespan(realm.tokens().clientCredentials(clientId, secret)));
      assertEquals(600, lifespan(realm.tokens().clientCredentials(clientId, secret)), "and stays");
      assertEquals(
          600,
          realm.api("alice").read(clientId).json().get("access_token_lifespan").asInt(),
          "reads say so too");
    }
  }

  @Test
  void anOwnerWithoutTheRequiredRoleHasTheirClientsRefusedUntilItIsBack() {
    try (TestRealm realm = TestRealm.create("alice")) {
      Admin admin = realm.admin();
      admin.createRealmRole(realm.name(), "api-user");
      admin.setRealmRoleMapping(realm.name(), realm.userId("alice"), "api-user", true);
      realm.setAttributes(Policy.only(PolicySetting.REQUIRED_ROLE, "api-user"));
      JsonNode client = realm.api("alice").createNamed("Needs the role");
      String clientId = client.get("client_id").asText();
      String secret = client.get("client_secret").asText();
      JsonNode tokens = realm.tokens().clientCredentials(clientId, secret).json();

      admin.setRealmRoleMapping(realm.name(), realm.userId("alice"), "api-user", false);

      HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
      assertEquals(401, refused.status(), refused::toString);
      assertEquals("invalid_client", refused.error());
      assertTrue(refused.json().get("error_description").asText().contains("api-user"));
      HttpResult refresh =
          realm.tokens().refresh(clientId, secret, tokens.get("refresh_token").asText());
      assertEquals(401, refresh.status(), refresh::toString);

      admin.setRealmRoleMapping(realm.name(), realm.userId("alice"), "api-user", true);

      assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
    }
  }

  private static int lifespan(HttpResult tokenResponse) {
    assertEquals(200, tokenResponse.status(), tokenResponse::toString);
    JsonNode claims = Json.claims(tokenResponse.json().get("access_token").asText());
    return claims.get("exp").asInt() - claims.get("iat").asInt();
  }
}
