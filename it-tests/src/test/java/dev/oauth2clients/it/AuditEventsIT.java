package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every change is one Keycloak user event, visible through the admin API's events, no secret. */
class AuditEventsIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");

  @BeforeAll
  static void createRealmWithEvents() {
    realm.admin().enableEvents(realm.name());
  }

  @Test
  void eachOperationIsExactlyOneEventWithClientAndOwner() {
    ClientsApi api = realm.api("alice");
    JsonNode created = api.createNamed("Audited");
    String clientId = created.get("client_id").asText();
    api.replace(clientId, Map.of("client_name", "Audited twice"));
    api.patch(clientId, Map.of("description", "patched"));
    String rotatedSecret = api.rotate(clientId).json().get("client_secret").asText();
    String overlapped =
        api.rotate(clientId, Map.of("previous_secret_expires_in", 60))
            .json()
            .get("client_secret")
            .asText();
    assertEquals(204, api.endOverlap(clientId).status());
    assertEquals(204, api.endOverlap(clientId).status(), "no overlap left: no event");
    assertEquals(
        400, api.replace(clientId, Map.of("client_name", "")).status(), "a failure is no event");
    api.delete(clientId);

    List<JsonNode> events = clientEvents(clientId);
    List<String> seen = new ArrayList<>();
    for (JsonNode event : events) {
      seen.add(
          event.get("type").asText()
              + "/"
              + event.at("/details/oauth2_clients_operation").asText());
      assertEquals(realm.userId("alice"), event.get("userId").asText());
      assertEquals(realm.userId("alice"), event.at("/details/owner").asText());
      assertFalse(event.toString().contains(created.get("client_secret").asText()));
      assertFalse(event.toString().contains(rotatedSecret));
      assertFalse(event.toString().contains(overlapped));
    }
    assertEquals(
        List.of(
            "CLIENT_REGISTER/create",
            "CLIENT_UPDATE/update",
            "CLIENT_UPDATE/update",
            "CLIENT_UPDATE/rotate_secret",
            "CLIENT_UPDATE/rotate_secret",
            "CLIENT_UPDATE/end_secret_overlap",
            "CLIENT_DELETE/delete"),
        seen);
  }

  @Test
  void removingTheOwnerRecordsTheDeletionOfTheirClients() {
    String ownerId = realm.addUser("leaver");
    String clientId = realm.api("leaver").createNamed("Orphaned").get("client_id").asText();

    realm.admin().deleteUser(realm.name(), ownerId);

    List<JsonNode> events = clientEvents(clientId);
    assertEquals(2, events.size(), events::toString);
    assertEquals("CLIENT_DELETE", events.get(1).get("type").asText());
    assertEquals(
        "delete_with_owner", events.get(1).at("/details/oauth2_clients_operation").asText());
    assertEquals(ownerId, events.get(1).get("userId").asText());
  }

  /** The client's management events, oldest first (the admin API lists newest first). */
  private static List<JsonNode> clientEvents(String clientId) {
    JsonNode all =
        Admin.expect(
                200,
                realm
                    .admin()
                    .call(
                        "GET",
                        "/"
                            + realm.name()
                            + "/events?client="
                            + clientId
                            + "&type=CLIENT_REGISTER&type=CLIENT_UPDATE&type=CLIENT_DELETE&max=100",
                        null))
            .json();
    List<JsonNode> events = new ArrayList<>();
    all.forEach(event -> events.add(0, event));
    return events;
  }
}
