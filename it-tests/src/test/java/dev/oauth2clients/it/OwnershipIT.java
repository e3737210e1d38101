package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A user sees only their own clients: anything else answers 404, like a client that is not. */
class OwnershipIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice", "bob");

  private static List<Function<ClientsApi, HttpResult>> everyCallOn(String clientId) {
    return List.of(
        api -> api.read(clientId),
        api -> api.replace(clientId, Map.of("client_name", "taken over")),
        api -> api.patch(clientId, Map.of("client_name", "taken over")),
        api -> api.rotate(clientId),
        api -> api.delete(clientId));
  }

  @Test
  void anotherUsersClientIsNotFoundForEveryOperation() {
    JsonNode alices = realm.api("alice").createNamed("Alice's");
    String clientId = alices.get("client_id").asText();
    ClientsApi bob = realm.api("bob");

    for (Function<ClientsApi, HttpResult> call : everyCallOn(clientId)) {
      HttpResult result = call.apply(bob);
      assertEquals(404, result.status(), result::toString);
      assertEquals("not_found", result.error());
    }
    assertEquals(0, bob.list("").json().size());
    assertEquals(0, bob.list("client_id=" + clientId).json().size());

    JsonNode stillAlices = realm.api("alice").read(clientId).json();
    assertEquals("Alice's", stillAlices.get("client_name").asText());
    HttpResult token =
        realm.tokens().clientCredentials(clientId, alices.get("client_secret").asText());
    assertEquals(200, token.status(), "Bob's rotate must not have changed Alice's secret");
  }

  @Test
  void clientsNotMadeThroughTheApiAreNotFound() {
    ClientsApi alice = realm.api("alice");
    for (String adminMade : List.of(TestRealm.PLAIN_CLIENT, TestRealm.USER_APP, "account")) {
      for (Function<ClientsApi, HttpResult> call : everyCallOn(adminMade)) {
        HttpResult result = call.apply(alice);
        assertEquals(404, result.status(), () -> adminMade + ": " + result);
        assertEquals("not_found", result.error());
      }
    }
    HttpResult plainToken =
        realm.tokens().clientCredentials(TestRealm.PLAIN_CLIENT, TestRealm.PLAIN_SECRET);
    assertEquals(200, plainToken.status(), "the admin's client still works untouched");
  }
}
