package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keycloak's own enabled switch is the admins'; the owner's pause is a switch of its own. What an
 * admin turned off, no owner request turns on again.
 */
class AdminSwitchIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("olga");
  private static ClientsApi api;

  @BeforeAll
  static void createRealm() {
    api = realm.api("olga");
  }

  @Test
  void anAdminDisabledClientStaysDisabledWhateverTheOwnerSends() {
    JsonNode created = api.createNamed("Disabled by an admin");
    String clientId = created.get("client_id").asText();
    assertFalse(created.get("disabled_by_admin").asBoolean());
    realm.admin().setClientEnabled(realm.name(), clientId, false);

    JsonNode shown = api.read(clientId).json();
    assertFalse(shown.get("enabled").asBoolean());
    assertTrue(shown.get("disabled_by_admin").asBoolean());

    assertRefusedAndUnchanged(clientId, () -> api.replace(clientId, Map.of("client_name", "On")));
    assertRefusedAndUnchanged(
        clientId, () -> api.replace(clientId, Map.of("client_name", "On", "enabled", true)));
    assertRefusedAndUnchanged(clientId, () -> api.patch(clientId, Map.of("enabled", true)));
    assertEquals(
        401,
        realm.tokens().clientCredentials(clientId, created.get("client_secret").asText()).status());
    assertFalse(adminView(clientId).get("enabled").asBoolean());
  }

  @Test
  void theOwnerMayStillChangeOtherFieldsAndPauseIt() {
    String clientId = api.createNamed("Still editable").get("client_id").asText();
    realm.admin().setClientEnabled(realm.name(), clientId, false);

    HttpResult patched = api.patch(clientId, Map.of("description", "edited while disabled"));
    assertEquals(200, patched.status(), patched::toString);
    assertEquals("edited while disabled", patched.json().get("description").asText());
    assertTrue(patched.json().get("disabled_by_admin").asBoolean());
    HttpResult paused = api.replace(clientId, Map.of("client_name", "Paused", "enabled", false));
    assertEquals(200, paused.status(), paused::toString);
    assertFalse(adminView(clientId).get("enabled").asBoolean(), "the admin's switch is untouched");

    realm.admin().setClientEnabled(realm.name(), clientId, true);
    JsonNode afterAdmin = api.read(clientId).json();
    assertFalse(afterAdmin.get("enabled").asBoolean(), "the owner's pause outlives the admin");
    assertFalse(afterAdmin.get("disabled_by_admin").asBoolean());
    assertTrue(api.patch(clientId, Map.of("enabled", true)).json().get("enabled").asBoolean());
  }

  @Test
  void theOwnersPauseNeverTouchesKeycloaksSwitch() {
    String clientId = api.createNamed("Paused by its owner").get("client_id").asText();
    JsonNode paused = api.patch(clientId, Map.of("enabled", false)).json();
    assertFalse(paused.get("enabled").asBoolean());
    assertFalse(paused.get("disabled_by_admin").asBoolean());
    JsonNode admin = adminView(clientId);
    assertTrue(admin.get("enabled").asBoolean());
    assertEquals("true", admin.at("/attributes/oauth2-clients.paused").asText());

    assertTrue(api.patch(clientId, Map.of("enabled", true)).json().get("enabled").asBoolean());
    assertTrue(adminView(clientId).at("/attributes/oauth2-clients.paused").isMissingNode());
  }

  @Test
  void disabledByAdminMayBeEchoedOnlyWithItsValue() {
    String clientId = api.createNamed("Echo").get("client_id").asText();
    ObjectNode read = (ObjectNode) api.read(clientId).json();
    assertEquals(200, api.replace(clientId, read).status());
    read.put("disabled_by_admin", true);
    HttpResult refused = api.replace(clientId, read);
    assertEquals(400, refused.status(), refused::toString);
    assertEquals("invalid_client_metadata", refused.error());
  }

  private static void assertRefusedAndUnchanged(String clientId, Supplier<HttpResult> request) {
    JsonNode before = api.read(clientId).json();
    HttpResult refused = request.get();
    assertEquals(403, refused.status(), refused::toString);
    assertEquals("access_denied", refused.error());
    assertTrue(
        refused.json().get("error_description").asText().contains("administrator"),
        refused::toString);
    assertEquals(before, api.read(clientId).json(), "a refused request changes nothing");
  }

  private static JsonNode adminView(String clientId) {
    return realm.admin().findClient(realm.name(), clientId);
  }
}
