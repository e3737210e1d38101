package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.MetricsScrape;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider's counters on the test server's {@code /metrics} (it runs with {@code
 * --metrics-enabled=true}): each operation and grant of a fresh realm counted once under exactly
 * its labels, and never an owner's or a client's id among them. The realm is this class's own, so
 * the increases are this test's whatever else runs.
 */
@LineIndependent
class MetricsIT {

  private static final String OPERATIONS = "oauth2_clients_operations_total";
  private static final String GRANTS = "oauth2_clients_token_grants_total";
  private static final List<String> OPERATION_LABELS =
      List.of("create", "update", "delete", "rotate", "revoke");
  private static final List<String> GRANT_LABELS =
      List.of("client_credentials", "authorization_code", "refresh_token");
  private static final List<String> OUTCOMES = List.of("success", "refused");

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");

  @Test
  void eachOperationAndGrantCountsOnceUnderItsLabels() {
    ClientsApi api = realm.api("alice");
    MetricsScrape before = MetricsScrape.of(KeycloakServer.get());

    JsonNode created = api.createNamed("Metered");
    String clientId = created.get("client_id").asText();
    HttpResult malformed =
        api.raw("POST", "", ClientsApi.JSON, "{not json".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, malformed.status(), malformed::toString);
    HttpResult updated = api.patch(clientId, Map.of("description", "counted"));
    assertEquals(200, updated.status(), updated::toString);
    HttpResult rotated = api.rotate(clientId);
    assertEquals(200, rotated.status(), rotated::toString);
    String secret = rotated.json().get("client_secret").asText();

    HttpResult granted = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(200, granted.status(), granted::toString);
    HttpResult wrongSecret = realm.tokens().clientCredentials(clientId, secret + "x");
    assertEquals(401, wrongSecret.status(), wrongSecret::toString);
    HttpResult refreshed =
        realm.tokens().refresh(clientId, secret, granted.json().get("refresh_token").asText());
    assertEquals(200, refreshed.status(), refreshed::toString);

    // GraphQL's operations go through the same service, and count the same.
    HttpResult deleted =
        api.raw(
            "POST",
            "/graphql",
            ClientsApi.JSON,
            Map.of(
                "query",
                "mutation($id: String!) { deleteOauth2Client(id: $id) }",
                "variables",
                Map.of("id", clientId)));
    assertEquals(200, deleted.status(), deleted::toString);
    assertTrue(deleted.json().at("/data/deleteOauth2Client").asBoolean(), deleted::toString);

    MetricsScrape after = MetricsScrape.of(KeycloakServer.get());
    Map<String, Integer> operations =
        Map.of(
            "create/success", 1,
            "create/refused", 1,
            "update/success", 1,
            "rotate/success", 1,
            "delete/success", 1);
    assertIncreases(before, after, OPERATIONS, "operation", OPERATION_LABELS, operations);
    Map<String, Integer> grants =
        Map.of(
            "client_credentials/success", 1,
            "client_credentials/refused", 1,
            "refresh_token/success", 1);
    assertIncreases(before, after, GRANTS, "grant_type", GRANT_LABELS, grants);

    assertNoIdIsALabel(after, Set.of(realm.userId("alice"), clientId));
  }

  /**
   * Every series of the realm rose by what {@code expected} says ("label/outcome"), others by 0.
   */
  private static void assertIncreases(
      MetricsScrape before,
      MetricsScrape after,
      String name,
      String labelName,
      List<String> labelValues,
      Map<String, Integer> expected) {
    for (String labelValue : labelValues) {
      for (String outcome : OUTCOMES) {
        Map<String, String> labels =
            Map.of("realm", realm.name(), labelName, labelValue, "outcome", outcome);
        double increase = after.value(name, labels) - before.value(name, labels);
        assertEquals(
            expected.getOrDefault(labelValue + "/" + outcome, 0).doubleValue(),
            increase,
            () -> name + labels + " in\n" + after.samples(name));
      }
    }
    List<MetricsScrape.Sample> ofRealm =
        after.samples(name).stream()
            .filter(sample -> realm.name().equals(sample.labels().get("realm")))
            .toList();
    assertFalse(ofRealm.isEmpty(), () -> name + " has no series of " + realm.name());
    ofRealm.forEach(
        sample ->
            assertEquals(
                Set.of("realm", labelName, "outcome"), sample.labels().keySet(), sample::toString));
  }

  private static void assertNoIdIsALabel(MetricsScrape scrape, Set<String> ids) {
    for (String name : List.of(OPERATIONS, GRANTS)) {
      for (MetricsScrape.Sample sample : scrape.samples(name)) {
        sample
            .labels()
            .values()
            .forEach(
                value -> assertFalse(ids.contains(value), () -> "an id as a label: " + sample));
      }
    }
  }
}
