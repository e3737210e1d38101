package dev.oauth2clients.it.graphql;

import static dev.oauth2clients.it.graphql.GraphqlFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.it.LineIndependent;
import dev.oauth2clients.it.graphql.GraphqlRequestClient.Answer;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal through GraphQL is the REST API's, word for word: bad input, the quota, a failed or
 * double mutation (nothing changes), an app without the account, a realm with the feature off, and
 * no secret in any error.
 */
@LineIndependent
class GraphqlRefusalsIT {

  @RegisterExtension static final TestRealm realm = GraphqlFixture.realm();

  static Stream<Arguments> badInputs() {
    return Stream.of(
        Arguments.of("client_name of 201 characters", Map.of("client_name", "n".repeat(201))),
        Arguments.of("no client_name", Map.of("description", "nameless")),
        Arguments.of("blank client_name", Map.of("client_name", "   ")),
        Arguments.of("description of 1001 characters", with("description", "d".repeat(1001))),
        Arguments.of(
            "wildcard redirect host", with("redirect_uris", List.of("https://*.x.com/cb"))),
        Arguments.of("http redirect", with("redirect_uris", List.of("http://example.com/cb"))),
        Arguments.of(
            "21 redirect URIs",
            with(
                "redirect_uris",
                IntStream.range(0, 21).mapToObj(i -> "https://example.com/cb" + i).toList())),
        Arguments.of("client_uri over plain http", with("client_uri", "http://example.com")),
        Arguments.of(
            "CORS origin with a path",
            with("allowed_cors_origins", List.of("https://example.com/app"))),
        Arguments.of(
            "eleven contacts",
            with("contacts", IntStream.range(0, 11).mapToObj(i -> i + "@example.com").toList())),
        Arguments.of("metadata that is no object", with("metadata", List.of(1))),
        Arguments.of("metadata over 4 KiB", with("metadata", Map.of("blob", "m".repeat(4100)))),
        Arguments.of("secret lifetime of 0", with("secret_expires_in", 0)),
        Arguments.of("other token lifespan", with("access_token_lifespan", 99999)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInputs")
  void aBadInputGetsRestsCodeAndSentenceAndCreatesNothing(String name, Map<String, Object> input) {
    Caller caller = newCaller(realm);

    HttpResult rest = caller.rest().create(input);
    assertEquals(400, rest.status(), rest::toString);
    Answer graphql = caller.graphql().request(CREATE, variables("input", input));

    assertSameAsRest(rest, graphql);
    assertEquals(List.of(), restIds(caller.rest()), "neither surface created anything");
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("enabled as a string", with("enabled", "yes")),
        Arguments.of("client_name as a number", Map.of("client_name", 42)),
        Arguments.of("contacts holding an object", with("contacts", List.of(Map.of("a", 1)))),
        Arguments.of("an unknown field", with("colour", "blue")),
        Arguments.of("client_secret chosen by the user", with("client_secret", "mine")));
  }

  /** GraphQL's own type checks word these, so only the code must be REST's. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongTypesAndUnknownFieldsInVariablesAreInvalidClientMetadata(
      String name, Map<String, Object> input) {
    Caller caller = newCaller(realm);

    HttpResult rest = caller.rest().create(input);
    assertEquals(400, rest.status(), rest::toString);
    assertEquals(METADATA, rest.error());
    assertRefused(caller.graphql().request(CREATE, variables("input", input)), METADATA);

    assertEquals(List.of(), restIds(caller.rest()));
  }

  @Test
  void wrongTypesInAnInputLiteralAreInvalidClientMetadata() {
    Caller caller = newCaller(realm);
    String literal =
        "mutation { createOauth2Client(input: {client_name: \"x\", enabled: \"yes\"}) {"
            + " client_id client_secret } }";
    assertRefused(caller.graphql().request(literal, null), METADATA);
    String unknown =
        "mutation { createOauth2Client(input: {client_name: \"x\", colour: \"blue\"}) {"
            + " client_id client_secret } }";
    assertRefused(caller.graphql().request(unknown, null), METADATA);
    assertEquals(List.of(), restIds(caller.rest()));
  }

  @Test
  void overTheQuotaIsQuotaExceededInRestsWords() {
    Caller caller = newCaller(realm);
    for (int i = 0; i < QUOTA; i++) {
      create(caller, Map.of("client_name", "within the quota " + i));
    }
    List<String> before = restIds(caller.rest());
    assertEquals(QUOTA, before.size());

    Map<String, Object> input = Map.of("client_name", "one too many");
    HttpResult rest = caller.rest().create(input);
    assertEquals(409, rest.status(), rest::toString);
    assertEquals("quota_exceeded", rest.error());
    assertSameAsRest(rest, caller.graphql().request(CREATE, variables("input", input)));

    assertEquals(before, restIds(caller.rest()), "nothing was created");
  }

  @Test
  void aFailedMutationChangesNothing() {
    Caller caller = newCaller(realm);
    ObjectNode input = Json.object();
    input.put("client_name", "Stays");
    input.putArray("redirect_uris").add("https://app.example.com/cb");
    JsonNode created = create(caller, input);
    String clientId = created.get("client_id").asText();
    String secret = created.get("client_secret").asText();
    JsonNode before = shown(caller.rest(), clientId);

    // A valid new name beside a bad redirect URI: neither is written.
    Map<String, Object> bad =
        Map.of("client_name", "Changed", "redirect_uris", List.of("https://example.com/*"));
    Answer update =
        caller.graphql().request(UPDATE, variables("input", bad, "updateOauth2ClientId", clientId));
    assertRefused(update, REDIRECT);
    assertSameAsRest(caller.rest().replace(clientId, bad), update);

    // An overlap longer than the contract allows: the secret is not rotated.
    long tooLong = 604_801;
    Answer rotate =
        caller
            .graphql()
            .request(ROTATE, variables("id", clientId, "previousSecretExpiresIn", tooLong));
    assertSameAsRest(
        caller.rest().rotate(clientId, Map.of("previous_secret_expires_in", tooLong)), rotate);

    assertEquals(before, shown(caller.rest(), clientId));
    assertGrants(realm, clientId, secret);
  }

  @Test
  void aMutationWithTwoRootFieldsRunsNeither() {
    Caller caller = newCaller(realm);
    String twoCreates =
        "mutation($a: Oauth2ClientInput!, $b: Oauth2ClientInput!) {"
            + " a: createOauth2Client(input: $a) { client_id client_secret }"
            + " b: createOauth2Client(input: $b) { client_id client_secret } }";
    Answer creates =
        caller
            .graphql()
            .request(
                twoCreates,
                variables(
                    "a", Map.of("client_name", "first"), "b", Map.of("client_name", "second")));
    assertRefused(creates, REQUEST);
    assertEquals(List.of(), restIds(caller.rest()), "no client was created");

    JsonNode created = create(caller, Map.of("client_name", "Rotated twice?"));
    String clientId = created.get("client_id").asText();
    String secret = created.get("client_secret").asText();
    JsonNode before = shown(caller.rest(), clientId);
    String deleteAndRotate =
        "mutation($id: String!) { a: deleteOauth2Client(id: $id)"
            + " b: rotateOauth2ClientSecret(id: $id) { client_secret } }";
    assertRefused(caller.graphql().request(deleteAndRotate, variables("id", clientId)), REQUEST);
    assertEquals(before, shown(caller.rest(), clientId), "neither deleted nor rotated");
    assertGrants(realm, clientId, secret);
  }

  @Test
  void anAppTokenWithoutTheAccountGetsRestsRefusal() {
    Caller caller = newCaller(realm);
    String app = "partner-" + UUID.randomUUID().toString().substring(0, 8);
    // A public app of the realm with direct grants and no scope of its own: its tokens have no
    // account audience and no manage-account role.
    ObjectNode representation = Json.object();
    representation.put("clientId", app);
    representation.put("publicClient", true);
    representation.put("standardFlowEnabled", false);
    representation.put("directAccessGrantsEnabled", true);
    representation.put("fullScopeAllowed", false);
    realm.admin().createClient(realm.name(), representation);
    String appToken = realm.passwordGrant(app, caller.username()).get("access_token").asText();

    Map<String, Object> input = Map.of("client_name", "minted by an app");
    HttpResult rest = realm.apiWithToken(appToken).create(input);
    assertEquals(403, rest.status(), rest::toString);
    assertEquals("access_denied", rest.error());
    Answer graphql =
        GraphqlRequestClient.of(endpoint(realm), appToken)
            .request(CREATE, variables("input", input));

    assertSameHttpRefusal(rest, graphql.status(), graphql.body());
    assertEquals(List.of(), restIds(caller.rest()), "nothing was minted");
  }

  @Test
  void aRealmWithoutTheFeatureAnswersFeatureDisabled() {
    try (TestRealm disabled = TestRealm.create(Map.of(), "carol")) {
      ClientsApi rest = disabled.api("carol");
      HttpResult restList = rest.list("");
      assertEquals(403, restList.status(), restList::toString);
      assertEquals("feature_disabled", restList.error());

      Answer graphql =
          GraphqlRequestClient.of(endpoint(disabled), rest.token()).request(LIST, null);

      assertSameHttpRefusal(restList, graphql.status(), graphql.body());
    }
  }

  @Test
  void noErrorAnswerCarriesASecret() {
    Caller caller = newCaller(realm);
    JsonNode created = create(caller, Map.of("client_name", "Secretive"));
    String clientId = created.get("client_id").asText();
    String secret = created.get("client_secret").asText();
    GraphqlRequestClient graphql = caller.graphql();

    List<Answer> answers =
        List.of(
            // Unknown field beside the secret: refused before anything runs, so no rotation.
            graphql.request(
                "mutation($id: String!) { rotateOauth2ClientSecret(id: $id) {"
                    + " client_secret no_such_field } }",
                variables("id", clientId)),
            graphql.request(ROTATE, variables("id", clientId, "secretExpiresIn", 315_360_001L)),
            graphql.request(
                UPDATE_SECRET,
                variables(
                    "input",
                    with("redirect_uris", List.of("javascript:alert(1)")),
                    "id",
                    clientId)),
            graphql.request(
                UPDATE_SECRET,
                variables("input", with("token_endpoint_auth_method", "none"), "id", clientId)),
            graphql.request(CREATE, variables("input", with("client_secret", secret))),
            graphql.request("query { listOauth2Clients { client_secret ", null));
    for (Answer answer : answers) {
      assertFalse(answer.errors().isEmpty(), answer::toString);
      assertTrue(answer.data().isNull(), answer::toString);
      assertFalse(answer.toString().contains(secret), answer::toString);
      assertFalse(answer.toString().contains("Exception"), answer::toString);
    }
    assertGrants(realm, clientId, secret);
  }
}
