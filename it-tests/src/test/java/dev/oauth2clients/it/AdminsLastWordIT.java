package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A realm admin's decision on a self-service client wins over its owner's, whatever the owner sends
 * afterwards: Regenerate revokes the owner's secret, a rename keeps the client its owner's, and a
 * disabled client stays disabled.
 */
class AdminsLastWordIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");

  @Test
  void anAdminsRegenerateRevokesTheOwnersSecretUntilTheOwnerRotates() {
    ClientsApi alice = realm.api("alice");
    JsonNode client = alice.createNamed("Leaked");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());

    HttpResult regenerated =
        realm.admin().call("POST", clientPath(clientId) + "/client-secret", null);
    Admin.expect(200, regenerated);

    HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, refused.status(), refused::toString);
    assertEquals("invalid_client", refused.error());
    assertTrue(refused.json().get("error_description").asText().contains("administrator"));
    String adminsSecret = regenerated.json().get("value").asText();
    assertEquals(
        401,
        realm.tokens().clientCredentials(clientId, adminsSecret).status(),
        "Keycloak's own plain secret opens nothing either");

    HttpResult rotated = alice.rotate(clientId);
    assertEquals(200, rotated.status(), rotated::toString);
    String newSecret = rotated.json().get("client_secret").asText();
    HttpResult works = realm.tokens().clientCredentials(clientId, newSecret);
    assertEquals(200, works.status(), works::toString);
  }

  @Test
  void aClientAnAdminRenamedStaysItsOwnersUnderTheNewId() {
    ClientsApi alice = realm.api("alice");
    JsonNode client = alice.createNamed("To be renamed");
    String oldId = client.get("client_id").asText();
    String newId = "renamed-by-admin-" + oldId.substring(4, 12);

    realm.admin().updateClient(realm.name(), oldId, renamed -> renamed.put("clientId", newId));

    HttpResult read = alice.read(newId);
    assertEquals(200, read.status(), read::toString);
    assertEquals(newId, read.json().get("client_id").asText());
    assertEquals(404, alice.read(oldId).status());
    JsonNode listed = alice.list("client_id=" + newId).json();
    assertEquals(1, listed.size(), listed::toString);
    assertEquals(newId, listed.get(0).get("client_id").asText());

    HttpResult replaced = alice.replace(newId, Map.of("client_name", "Renamed, then edited"));
    assertEquals(200, replaced.status(), replaced::toString);
    assertEquals("Renamed, then edited", replaced.json().get("client_name").asText());
    String secret = client.get("client_secret").asText();
    assertEquals(200, realm.tokens().clientCredentials(newId, secret).status());

    assertEquals(204, alice.delete(newId).status());
    assertEquals(null, realm.admin().findClient(realm.name(), newId));
  }

  @Test
  void aClientAnAdminDisabledGetsNoTokens() {
    ClientsApi alice = realm.api("alice");
    JsonNode client = alice.createNamed("Disabled by the admin");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    JsonNode tokens = realm.tokens().clientCredentials(clientId, secret).json();

    realm.admin().setClientEnabled(realm.name(), clientId, false);

    HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, refused.status(), refused::toString);
    HttpResult refresh =
        realm.tokens().refresh(clientId, secret, tokens.get("refresh_token").asText());
    assertTrue(refresh.status() >= 400, refresh::toString);
  }

  @Test
  void anOwnerCannotDeleteAClientAnAdminDisabled() {
    ClientsApi alice = realm.api("alice");
    String clientId =
        alice.createNamed("Not to be deleted and made anew").get("client_id").asText();
    realm.admin().setClientEnabled(realm.name(), clientId, false);

    HttpResult refused = alice.delete(clientId);

    assertEquals(403, refused.status(), refused::toString);
    assertEquals("access_denied", refused.json().get("error").asText());
    assertTrue(
        refused.json().get("error_description").asText().contains("administrator disabled"),
        refused::toString);
    assertTrue(realm.admin().findClient(realm.name(), clientId) != null);
    assertEquals(200, alice.read(clientId).status());
  }

  private static String clientPath(String clientId) {
    return "/"
        + realm.name()
        + "/clients/"
        + realm.admin().findClient(realm.name(), clientId).get("id").asText();
  }
}
