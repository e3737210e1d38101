package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The realm's client policies (Realm settings → Client policies) judge self-service clients on
 * create and update, as they judge clients made through the admin API or dynamic registration.
 */
class ClientPoliciesIT {

  @Test
  void aPolicyThatRejectsLoopbackRedirectsRefusesCreateAndUpdateAndChangesNothing() {
    try (TestRealm realm = TestRealm.create("alice")) {
      ClientsApi alice = realm.api("alice");
      JsonNode earlier = alice.create(withRedirect("Earlier", "https://app.example.com/cb")).json();
      applyToEveryClient(realm, executor("secure-redirect-uris-enforcer", Json.object()));
      String before = alice.list("").body();

      HttpResult created = alice.create(withRedirect("Loopback", "http://127.0.0.1:8765/cb"));
      assertRefusedByPolicy(created, "loopback");
      String clientId = earlier.get("client_id").asText();
      HttpResult updated =
          alice.patch(clientId, Map.of("redirect_uris", new String[] {"http://127.0.0.1:8765/cb"}));
      assertRefusedByPolicy(updated, "loopback");
      assertEquals(before, alice.list("").body(), "nothing changed");

      HttpResult fine = alice.create(withRedirect("Public", "https://app.example.com/other"));
      assertEquals(201, fine.status(), fine::toString);
    }
  }

  @Test
  void aPolicyThatAllowsOnlyOtherClientAuthenticationRefusesCreate() {
    try (TestRealm realm = TestRealm.create("alice")) {
      ObjectNode config = Json.object();
      config.putArray("allowed-client-authenticators").add("client-jwt");
      applyToEveryClient(realm, executor("secure-client-authenticator", config));

      HttpResult created = realm.api("alice").create(Map.of("client_name", "Secret-based"));

      assertRefusedByPolicy(created, "token_endpoint_auth_method");
      assertEquals(0, realm.api("alice").list("").json().size());
    }
  }

  @Test
  void settingsAPolicyAddsAreAppliedToTheClient() {
    try (TestRealm realm = TestRealm.create("alice")) {
      ObjectNode config = Json.object();
      config.put("auto-configure", true);
      applyToEveryClient(realm, executor("pkce-enforcer", config));

      HttpResult created = realm.api("alice").create(Map.of("client_name", "PKCE by policy"));

      assertEquals(201, created.status(), created::toString);
      JsonNode stored =
          realm.admin().findClient(realm.name(), created.json().get("client_id").asText());
      assertEquals("S256", stored.get("attributes").get("pkce.code.challenge.method").asText());
    }
  }

  /**
   * Some executors accept only the contexts of Keycloak's own registration paths; the API presents
   * a signed-in user's request as the admin API does, so they judge it rather than refuse it.
   */
  @Test
  void anExecutorThatKnowsOnlyKeycloaksOwnRegistrationPathsJudgesTheApiToo() {
    try (TestRealm realm = TestRealm.create("alice")) {
      applyToEveryClient(realm, executor("secure-signature-algorithm", Json.object()));

      HttpResult created = realm.api("alice").create(Map.of("client_name", "FAPI realm"));

      assertEquals(201, created.status(), created::toString);
      JsonNode stored =
          realm.admin().findClient(realm.name(), created.json().get("client_id").asText());
      assertEquals(
          "PS256", stored.get("attributes").get("access.token.signed.response.alg").asText());
    }
  }

  private static void assertRefusedByPolicy(HttpResult result, String reasonFragment) {
    assertEquals(400, result.status(), result::toString);
    assertEquals("invalid_client_metadata", result.error());
    String description = result.json().get("error_description").asText();
    assertTrue(description.contains("client policy"), description);
    assertTrue(description.contains(reasonFragment), description);
  }

  private static ObjectNode withRedirect(String name, String redirectUri) {
    ObjectNode body = Json.object();
    body.put("client_name", name);
    body.putArray("redirect_uris").add(redirectUri);
    return body;
  }

  private static ObjectNode executor(String providerId, ObjectNode configuration) {
    ObjectNode executor = Json.object();
    executor.put("executor", providerId);
    executor.set("configuration", configuration);
    return executor;
  }

  /** One client profile with the executor, and one policy applying it to every client. */
  private static void applyToEveryClient(TestRealm realm, ObjectNode executor) {
    ObjectNode profiles = Json.object();
    ObjectNode profile = profiles.putArray("profiles").addObject();
    profile.put("name", "under-test");
    profile.putArray("executors").add(executor);
    Admin.expect(
        204, realm.admin().call("PUT", "/" + realm.name() + "/client-policies/profiles", profiles));

    ObjectNode policies = Json.object();
    ObjectNode policy = policies.putArray("policies").addObject();
    policy.put("name", "every client");
    policy.put("enabled", true);
    ArrayNode conditions = policy.putArray("conditions");
    ObjectNode anyClient = conditions.addObject();
    anyClient.put("condition", "any-client");
    anyClient.putObject("configuration");
    policy.putArray("profiles").add("under-test");
    Admin.expect(
        204, realm.admin().call("PUT", "/" + realm.name() + "/client-policies/policies", policies));
  }
}
