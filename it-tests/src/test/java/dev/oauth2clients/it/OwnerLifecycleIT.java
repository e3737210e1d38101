package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A client lives and works only while its owner does. */
class OwnerLifecycleIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass();

  @Test
  void deletingTheOwnerDeletesTheirClients() {
    String ownerId = realm.addUser("leaver");
    JsonNode first = realm.api("leaver").createNamed("first");
    JsonNode second = realm.api("leaver").createNamed("second");

    realm.admin().deleteUser(realm.name(), ownerId);

    for (JsonNode client : new JsonNode[] {first, second}) {
      String clientId = client.get("client_id").asText();
      assertNull(
          realm.admin().findClient(realm.name(), clientId), clientId + " outlived its owner");
      HttpResult token =
          realm.tokens().clientCredentials(clientId, client.get("client_secret").asText());
      assertEquals(401, token.status(), token::toString);
    }
  }

  @Test
  void aDisabledOwnersClientsGetNoTokensUntilTheOwnerIsEnabledAgain() {
    String ownerId = realm.addUser("sleeper");
    JsonNode client = realm.api("sleeper").createNamed("paused with its owner");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    String refreshToken =
        realm.tokens().clientCredentials(clientId, secret).json().get("refresh_token").asText();

    realm.admin().setUserEnabled(realm.name(), ownerId, false);
    HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(
        refused.error().equals("invalid_client") || refused.error().equals("unauthorized_client"));
    HttpResult refresh = realm.tokens().refresh(clientId, secret, refreshToken);
    assertTrue(refresh.status() == 400 || refresh.status() == 401, refresh::toString);

    realm.admin().setUserEnabled(realm.name(), ownerId, true);
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
    assertEquals(200, realm.tokens().refresh(clientId, secret, refreshToken).status());
  }

  @Test
  void anAdminDeletingTheClientInTheConsoleRemovesItFromTheOwnersList() {
    realm.addUser("watched");
    String clientId =
        realm.api("watched").createNamed("Deleted by an admin").get("client_id").asText();
    JsonNode asAdminSeesIt = realm.admin().findClient(realm.name(), clientId);
    assertEquals("watched", asAdminSeesIt.at("/attributes/oauth2-clients.owner-username").asText());

    Admin.expect(
        204,
        realm
            .admin()
            .call(
                "DELETE",
                "/" + realm.name() + "/clients/" + asAdminSeesIt.get("id").asText(),
                null));

    assertEquals(0, realm.api("watched").list("").json().size());
    assertEquals(404, realm.api("watched").read(clientId).status());
  }
}
