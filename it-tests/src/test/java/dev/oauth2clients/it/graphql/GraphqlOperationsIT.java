package dev.oauth2clients.it.graphql;

import static dev.oauth2clients.it.graphql.GraphqlFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.it.LineIndependent;
import dev.oauth2clients.it.graphql.GraphqlRequestClient.Answer;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The GraphQL endpoint of issue 14, seen through graphql-request (a real GraphQL client library):
 * the platform's four documents work unchanged, secrets appear only where REST shows them, other
 * users' clients are not found, fixed fields stay fixed, and the schema is the committed one.
 */
@LineIndependent
class GraphqlOperationsIT {

  @RegisterExtension static final TestRealm realm = GraphqlFixture.realm();

  @Test
  void thePlatformsFourDocumentsCreateListUpdateAndDeleteUnchanged() {
    Caller caller = newCaller(realm);
    ObjectNode input = Json.object();
    input.put("client_name", "Lemonade exporter");
    input.putArray("redirect_uris").add("https://app.example.com/cb");
    JsonNode created = create(caller, input);
    assertEquals(Set.of("client_id", "client_secret"), fieldNames(created), "what was asked for");
    String clientId = created.get("client_id").asText();

    HttpResult tokens =
        realm.tokens().clientCredentials(clientId, created.get("client_secret").asText());
    assertEquals(200, tokens.status(), tokens::toString);
    assertTrue(tokens.json().path("access_token").isTextual(), tokens::toString);
    assertTrue(tokens.json().path("refresh_token").isTextual(), "client_credentials refreshes");
    JsonNode read = shown(caller.rest(), clientId);
    assertEquals("Lemonade exporter", read.get("client_name").asText());
    assertEquals("https://app.example.com/cb", read.at("/redirect_uris/0").asText());

    String otherId = create(caller, Map.of("client_name", "Second")).get("client_id").asText();
    List<String> both = List.of(clientId, otherId);
    assertEquals(both, ids(listed(caller, variables())), "no ids: all, oldest first");
    assertEquals(both, ids(listed(caller, variables("ids", null))), "ids null: all");
    assertEquals(List.of(otherId), ids(listed(caller, variables("ids", List.of(otherId)))));
    assertEquals(List.of(), ids(listed(caller, variables("ids", List.of()))), "ids []: none");

    JsonNode updated =
        success(
                caller
                    .graphql()
                    .request(
                        UPDATE,
                        variables(
                            "input",
                            Map.of("client_name", "Lemonade renamed"),
                            "updateOauth2ClientId",
                            clientId)))
            .get("updateOauth2Client");
    assertEquals(clientId, updated.get("client_id").asText());
    assertEquals("Lemonade renamed", updated.get("client_name").asText());
    JsonNode afterUpdate = shown(caller.rest(), clientId);
    assertEquals("Lemonade renamed", afterUpdate.get("client_name").asText());
    assertEquals(0, afterUpdate.get("redirect_uris").size(), "update replaces, as PUT does");

    JsonNode deleted =
        success(caller.graphql().request(DELETE, variables("deleteOauth2ClientId", clientId)));
    assertEquals(Json.parse("{\"deleteOauth2Client\":true}"), deleted);
    assertEquals(List.of(otherId), ids(listed(caller, variables())));
    HttpResult gone = caller.rest().read(clientId);
    assertEquals(404, gone.status(), gone::toString);
    assertEquals("not_found", gone.error());
  }

  @Test
  void theSecretIsInCreateAndRotateAnswersOnly() {
    Caller caller = newCaller(realm);
    JsonNode created = create(caller, Map.of("client_name", "Shown once"));
    String clientId = created.get("client_id").asText();
    String secret = created.get("client_secret").asText();

    Answer list = caller.graphql().request(LIST_SECRETS, variables("ids", List.of(clientId)));
    JsonNode listedClient = success(list).at("/listOauth2Clients/0");
    assertEquals(clientId, listedClient.get("client_id").asText(), list::toString);
    assertTrue(listedClient.get("client_secret").isNull(), list::toString);
    assertTrue(
        success(caller.graphql().request(LIST_SECRETS, null))
            .at("/listOauth2Clients/0/client_secret")
            .isNull());

    Answer update =
        caller
            .graphql()
            .request(
                UPDATE_SECRET,
                variables("input", Map.of("client_name", "Still shown once"), "id", clientId));
    JsonNode updated = success(update).get("updateOauth2Client");
    assertEquals("Still shown once", updated.get("client_name").asText());
    assertTrue(updated.get("client_secret").isNull(), update::toString);
    assertFalse(list.toString().contains(secret) || update.toString().contains(secret));

    Answer rotate = caller.graphql().request(ROTATE, variables("id", clientId));
    JsonNode rotated = success(rotate).get("rotateOauth2ClientSecret");
    assertEquals(clientId, rotated.get("client_id").asText());
    String newSecret = rotated.get("client_secret").asText();
    assertTrue(newSecret.length() >= 43, rotate::toString);
    assertNotEquals(secret, newSecret);

    assertGrants(realm, clientId, newSecret);
    assertNoGrant(realm, clientId, secret);
    assertFalse(caller.rest().read(clientId).body().contains(newSecret));
    Answer listAfter = caller.graphql().request(LIST_SECRETS, null);
    assertFalse(listAfter.toString().contains(newSecret), listAfter::toString);
  }

  @Test
  void anotherUsersClientIsNotFoundAndStaysAsItWas() {
    Caller owner = newCaller(realm);
    ObjectNode input = Json.object();
    input.put("client_name", "The owner's");
    input.put("description", "not for anyone else");
    JsonNode created = create(owner, input);
    String clientId = created.get("client_id").asText();
    JsonNode before = shown(owner.rest(), clientId);

    Caller intruder = newCaller(realm);
    Map<String, Object> rename = Map.of("client_name", "taken over");
    assertSameAsRest(
        intruder.rest().replace(clientId, rename),
        intruder
            .graphql()
            .request(UPDATE, variables("input", rename, "updateOauth2ClientId", clientId)));
    assertSameAsRest(
        intruder.rest().delete(clientId),
        intruder.graphql().request(DELETE, variables("deleteOauth2ClientId", clientId)));
    assertSameAsRest(
        intruder.rest().rotate(clientId),
        intruder.graphql().request(ROTATE, variables("id", clientId)));
    JsonNode notFound =
        assertRefused(intruder.graphql().request(ROTATE, variables("id", clientId)), "not_found");
    assertEquals("No such client.", notFound.get("message").asText());
    assertSameAsRest(
        intruder.rest().rotate("ssc-doesnotexist"),
        intruder.graphql().request(ROTATE, variables("id", "ssc-doesnotexist")));

    assertEquals(List.of(), ids(listed(intruder, variables("ids", List.of(clientId)))));
    assertEquals(List.of(), ids(listed(intruder, variables())));

    assertEquals(before, shown(owner.rest(), clientId), "the owner's client is as it was");
    assertGrants(realm, clientId, created.get("client_secret").asText());
  }

  static Stream<Arguments> fixedFieldsWithOtherValues() {
    return Stream.of(
        Arguments.of("grant_types", List.of("password")),
        Arguments.of("scope", "email"),
        Arguments.of("audience", List.of("someone")),
        Arguments.of("token_endpoint_auth_method", "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixedFieldsWithOtherValues")
  void aFixedFieldCannotBeChanged(String field, Object value) {
    Caller caller = newCaller(realm);
    String clientId = create(caller, Map.of("client_name", "Fixed")).get("client_id").asText();
    JsonNode before = shown(caller.rest(), clientId);
    Map<String, Object> input = Map.of("client_name", "Fixed", field, value);

    Answer answer =
        caller
            .graphql()
            .request(UPDATE, variables("input", input, "updateOauth2ClientId", clientId));

    assertRefused(answer, METADATA);
    assertSameAsRest(caller.rest().replace(clientId, input), answer);
    assertEquals(before, shown(caller.rest(), clientId), "a refused update changes nothing");
  }

  @Test
  void fixedFieldsWithTheValuesTheServerShowsAreAccepted() {
    Caller caller = newCaller(realm);
    String clientId = create(caller, Map.of("client_name", "Echo")).get("client_id").asText();
    JsonNode before = shown(caller.rest(), clientId);
    ObjectNode input = Json.object();
    input.put("client_name", "Echoed");
    for (String fixed :
        List.of(
            "grant_types",
            "response_types",
            "scope",
            "audience",
            "token_endpoint_auth_method",
            "access_token_lifespan")) {
      input.set(fixed, before.get(fixed));
    }

    JsonNode updated =
        success(
                caller
                    .graphql()
                    .request(UPDATE, variables("input", input, "updateOauth2ClientId", clientId)))
            .get("updateOauth2Client");

    assertEquals("Echoed", updated.get("client_name").asText());
    JsonNode after = shown(caller.rest(), clientId);
    for (Iterator<String> fixed = input.fieldNames(); fixed.hasNext(); ) {
      String name = fixed.next();
      if (!name.equals("client_name")) {
        assertEquals(before.get(name), after.get(name), name);
      }
    }
  }

  @Test
  void theStandardIntrospectionQueryDescribesTheSchema() {
    Caller caller = newCaller(realm);
    JsonNode schema = success(caller.graphql().introspection()).get("__schema");

    assertEquals("Query", schema.at("/queryType/name").asText());
    assertEquals("Mutation", schema.at("/mutationType/name").asText());
    Map<String, JsonNode> types = new HashMap<>();
    schema.get("types").forEach(type -> types.put(type.get("name").asText(), type));
    assertEquals("OBJECT", types.get("Oauth2Client").get("kind").asText());
    assertEquals("INPUT_OBJECT", types.get("Oauth2ClientInput").get("kind").asText());
    assertEquals(
        Map.of("listOauth2Clients", List.of("ids"), "grantableRoles", List.of()),
        fieldsAndArguments(types.get("Query")));
    assertEquals(
        Map.of(
            "createOauth2Client", List.of("input"),
            "updateOauth2Client", List.of("input", "id"),
            "deleteOauth2Client", List.of("id"),
            "rotateOauth2ClientSecret",
                List.of("id", "secret_expires_in", "previous_secret_expires_in")),
        fieldsAndArguments(types.get("Mutation")));

    // Every field that REST shows of a client is a field of Oauth2Client, under the same name.
    ObjectNode full = Json.object();
    full.put("client_name", "Every field");
    full.put("description", "d");
    full.putArray("redirect_uris").add("https://app.example.com/cb");
    full.putArray("post_logout_redirect_uris").add("https://app.example.com/bye");
    full.putArray("allowed_cors_origins").add("https://app.example.com");
    full.put("client_uri", "https://app.example.com");
    full.put("logo_uri", "https://app.example.com/logo.png");
    full.put("policy_uri", "https://app.example.com/privacy");
    full.put("tos_uri", "https://app.example.com/tos");
    full.put("frontchannel_logout_uri", "https://app.example.com/logged-out");
    full.put("backchannel_logout_uri", "https://app.example.com/backchannel-logout");
    full.putArray("contacts").add("ops@example.com");
    full.putObject("metadata").put("team", "billing");
    HttpResult created = caller.rest().create(full);
    assertEquals(201, created.status(), created::toString);
    Set<String> restFields = fieldNames(created.json());
    Set<String> graphqlFields = fieldsAndArguments(types.get("Oauth2Client")).keySet();
    assertTrue(graphqlFields.containsAll(restFields), () -> restFields + " vs " + graphqlFields);
  }

  @Test
  void theServedSchemaIsTheCommittedOne() throws IOException {
    String committedPath = System.getProperty("graphql.schema.committed");
    assertNotNull(committedPath, "the build passes graphql.schema.committed");
    String committed = Files.readString(Path.of(committedPath));

    HttpResult served = Http.send("GET", endpoint(realm) + "/schema.graphql", Map.of(), null);

    assertEquals(200, served.status(), served::toString);
    assertTrue(served.header("Content-Type").startsWith("text/plain"), served::toString);
    assertEquals(committed, served.body(), "docs/schema.graphql is what the server serves");
  }
}
