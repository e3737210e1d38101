package dev.oauth2clients.it.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.it.Policy;
import dev.oauth2clients.it.graphql.GraphqlRequestClient.Answer;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GraphQL endpoint of issue 14, seen through graphql-request (a real GraphQL client library)
 * and, for what happens before a document is read, through plain HTTP: the platform's four
 * documents work unchanged, and every rule, error and refusal is the REST API's, word for word.
 */
class GraphqlIT {

  // The platform's documents exactly as its users wrote them (issue 14): they must work unchanged.
  static final String CREATE =
      """
      mutation($input: Oauth2ClientInput!) {
        createOauth2Client(input: $input) { client_id client_secret }
      }""";
  static final String LIST =
      """
      query($ids: [String!]) {
        listOauth2Clients(ids: $ids) { client_id }
      }""";
  static final String UPDATE =
      """
      mutation($input: Oauth2ClientInput!, $updateOauth2ClientId: String!) {
        updateOauth2Client(input: $input, id: $updateOauth2ClientId) { client_id client_name }
      }""";
  static final String DELETE =
      """
      mutation($deleteOauth2ClientId: String!) {
        deleteOauth2Client(id: $deleteOauth2ClientId)
      }""";

  // The same operations asking for the secret, which only create and rotate may answer.
  private static final String LIST_SECRETS =
      "query($ids: [String!]) { listOauth2Clients(ids: $ids) { client_id client_secret } }";
  private static final String UPDATE_SECRET =
      "mutation($input: Oauth2ClientInput!, $id: String!) {"
          + " updateOauth2Client(input: $input, id: $id) { client_id client_name client_secret } }";
  private static final String ROTATE =
      "mutation($id: String!, $secretExpiresIn: Long, $previousSecretExpiresIn: Long) {"
          + " rotateOauth2ClientSecret(id: $id, secret_expires_in: $secretExpiresIn,"
          + " previous_secret_expires_in: $previousSecretExpiresIn) { client_id client_secret } }";

  private static final int QUOTA = 3;
  private static final String METADATA = "invalid_client_metadata";
  private static final String REDIRECT = "invalid_redirect_uri";
  private static final String REQUEST = "invalid_request";

  // A small quota, so that one test can reach it; every other test has fresh users below it.
  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Policy.enabled()
              .with(PolicySetting.MAX_CLIENTS_PER_USER, Integer.toString(QUOTA))
              .attributes());

  private static String endpoint(TestRealm target) {
    return target.url() + "/oauth2-clients/graphql";
  }

  /** A fresh user of the realm, called both ways with the same access token. */
  private record Caller(String username, ClientsApi rest, GraphqlRequestClient graphql) {}

  private static Caller newCaller() {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    realm.addUser(username);
    ClientsApi rest = realm.api(username);
    return new Caller(username, rest, GraphqlRequestClient.of(endpoint(realm), rest.token()));
  }

  private static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  private static JsonNode success(Answer answer) {
    assertTrue(answer.errors().isEmpty(), answer::toString);
    assertEquals(200, answer.status(), answer::toString);
    assertFalse(answer.data().isNull(), answer::toString);
    return answer.data();
  }

  /** The client that the platform's create document made, with its one-time secret. */
  private static JsonNode create(Caller caller, Object input) {
    JsonNode created =
        success(caller.graphql().request(CREATE, variables("input", input)))
            .get("createOauth2Client");
    assertTrue(created.path("client_id").isTextual(), created::toString);
    assertTrue(created.path("client_secret").isTextual(), created::toString);
    return created;
  }

  /**
   * A refused operation: HTTP 200 with GraphQL errors that all carry {@code code}, no data (so no
   * secret and nothing half-done), and a sentence without exception names or stack frames.
   */
  private static JsonNode assertRefused(Answer answer, String code) {
    assertEquals(200, answer.status(), answer::toString);
    assertTrue(answer.data().isNull(), () -> "a refused operation answers no data: " + answer);
    assertFalse(answer.errors().isEmpty(), answer::toString);
    for (JsonNode error : answer.errors()) {
      assertEquals(code, error.path("extensions").path("code").asText(), answer::toString);
      String message = error.path("message").asText();
      assertFalse(message.isBlank(), answer::toString);
      assertFalse(
          message.contains("Exception") || message.contains("\tat "),
          "no stack trace or exception names: " + message);
    }
    return answer.errors().get(0);
  }

  /** The GraphQL error says what REST said about the same request: its code and its sentence. */
  private static void assertSameAsRest(HttpResult rest, Answer graphql) {
    assertTrue(rest.status() >= 400, () -> "REST refuses this too: " + rest);
    JsonNode error = assertRefused(graphql, rest.error());
    assertEquals(
        rest.json().path("error_description").asText(),
        error.path("message").asText(),
        () -> "REST: " + rest + ", GraphQL: " + graphql);
  }

  /** A refusal before the document is read: REST's status and REST's error body. */
  private static void assertSameHttpRefusal(HttpResult rest, int status, String body) {
    assertEquals(rest.status(), status, () -> "REST: " + rest + ", GraphQL: " + body);
    JsonNode restError = rest.json();
    JsonNode graphqlError = Json.parse(body);
    assertEquals(restError.get("error"), graphqlError.get("error"), body);
    assertEquals(restError.get("error_description"), graphqlError.get("error_description"), body);
    assertEquals(Set.of("error", "error_description"), fieldNames(graphqlError), body);
  }

  private static List<String> restIds(ClientsApi api) {
    HttpResult list = api.list("");
    assertEquals(200, list.status(), list::toString);
    List<String> ids = new ArrayList<>();
    list.json().forEach(client -> ids.add(client.get("client_id").asText()));
    return ids;
  }

  private static List<String> ids(JsonNode clients) {
    assertTrue(clients.isArray(), clients::toString);
    List<String> ids = new ArrayList<>();
    clients.forEach(client -> ids.add(client.get("client_id").asText()));
    return ids;
  }

  /** The client as REST shows it to its owner, to compare before and after. */
  private static JsonNode shown(ClientsApi owner, String clientId) {
    HttpResult read = owner.read(clientId);
    assertEquals(200, read.status(), read::toString);
    return read.json();
  }

  private static void assertGrants(String clientId, String secret) {
    HttpResult granted = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(200, granted.status(), granted::toString);
  }

  private static void assertNoGrant(String clientId, String secret) {
    HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, refused.status(), refused::toString);
    assertEquals("invalid_client", refused.error());
  }

  private static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void thePlatformsFourDocumentsCreateListUpdateAndDeleteUnchanged() {
    Caller caller = newCaller();
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

  private static JsonNode listed(Caller caller, Map<String, Object> variables) {
    return success(caller.graphql().request(LIST, variables)).get("listOauth2Clients");
  }

  @Test
  void theSecretIsInCreateAndRotateAnswersOnly() {
    Caller caller = newCaller();
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

    assertGrants(clientId, newSecret);
    assertNoGrant(clientId, secret);
    assertFalse(caller.rest().read(clientId).body().contains(newSecret));
    Answer listAfter = caller.graphql().request(LIST_SECRETS, null);
    assertFalse(listAfter.toString().contains(newSecret), listAfter::toString);
  }

  @Test
  void anotherUsersClientIsNotFoundAndStaysAsItWas() {
    Caller owner = newCaller();
    ObjectNode input = Json.object();
    input.put("client_name", "The owner's");
    input.put("description", "not for anyone else");
    JsonNode created = create(owner, input);
    String clientId = created.get("client_id").asText();
    JsonNode before = shown(owner.rest(), clientId);

    Caller intruder = newCaller();
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
    assertGrants(clientId, created.get("client_secret").asText());
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
    Caller caller = newCaller();
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
    Caller caller = newCaller();
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

  /** A client input with one field beside a valid name. */
  private static Map<String, Object> with(String field, Object value) {
    Map<String, Object> input = new HashMap<>();
    input.put("client_name", "ok");
    input.put(field, value);
    return input;
  }

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
    Caller caller = newCaller();

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
    Caller caller = newCaller();

    HttpResult rest = caller.rest().create(input);
    assertEquals(400, rest.status(), rest::toString);
    assertEquals(METADATA, rest.error());
    assertRefused(caller.graphql().request(CREATE, variables("input", input)), METADATA);

    assertEquals(List.of(), restIds(caller.rest()));
  }

  @Test
  void wrongTypesInAnInputLiteralAreInvalidClientMetadata() {
    Caller caller = newCaller();
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
    Caller caller = newCaller();
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
    Caller caller = newCaller();
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
    assertGrants(clientId, secret);
  }

  @Test
  void aMutationWithTwoRootFieldsRunsNeither() {
    Caller caller = newCaller();
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
    assertGrants(clientId, secret);
  }

  private static HttpResult postGraphql(
      TestRealm target, Map<String, String> headers, String contentType, String body) {
    Map<String, String> all = new HashMap<>(headers);
    if (contentType != null) {
      all.put("Content-Type", contentType);
    }
    return Http.send(
        "POST", endpoint(target), all, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  private static HttpResult restListWith(Map<String, String> headers) {
    return Http.send("GET", realm.url() + "/oauth2-clients", headers, null);
  }

  private static final String CREATE_BODY =
      Json.write(
          Map.of(
              "query",
              CREATE,
              "variables",
              Map.of("input", Map.of("client_name", "must not be made"))));

  @Test
  void noTokenOrABadOneIsHttp401AsInRest() {
    Caller caller = newCaller();
    String token = caller.rest().token();
    String tampered =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    List<Map<String, String>> credentials =
        List.of(
            Map.of(),
            Map.of("Authorization", "Bearer not-a-jwt"),
            Map.of("Authorization", "Basic YWxpY2U6cGFzcw=="),
            Http.bearer(tampered));
    for (Map<String, String> headers : credentials) {
      HttpResult rest = restListWith(headers);
      HttpResult graphql = postGraphql(realm, headers, ClientsApi.JSON, CREATE_BODY);
      assertEquals(401, graphql.status(), graphql::toString);
      assertEquals("invalid_token", graphql.error());
      assertSameHttpRefusal(rest, graphql.status(), graphql.body());
      assertEquals(rest.header("WWW-Authenticate"), graphql.header("WWW-Authenticate"));
    }

    // What a GraphQL client library makes of it: an error with the status, not data.
    Answer library = GraphqlRequestClient.of(endpoint(realm), "not-a-jwt").request(LIST, null);
    assertEquals(401, library.status(), library::toString);
    assertSameHttpRefusal(restListWith(Http.bearer("not-a-jwt")), 401, library.body());
    assertEquals(List.of(), restIds(caller.rest()), "nothing was created");
  }

  static Stream<Arguments> requestsThatAreNoGraphqlRequest() {
    String createLiteral =
        "mutation { createOauth2Client(input: {client_name: \"must not be made\"}) { client_id } }";
    String padding = "#" + "x".repeat(70 * 1024) + "\n";
    return Stream.of(
        Arguments.of(
            "a batch (JSON array)",
            ClientsApi.JSON,
            Json.write(List.of(Map.of("query", createLiteral), Map.of("query", createLiteral)))),
        Arguments.of("a body that is not JSON", ClientsApi.JSON, createLiteral),
        Arguments.of("a JSON string", ClientsApi.JSON, Json.write(createLiteral)),
        Arguments.of("text/plain", "text/plain", Json.write(Map.of("query", createLiteral))),
        Arguments.of(
            "a form", "application/x-www-form-urlencoded", "query=" + Http.encode(createLiteral)),
        Arguments.of("no content type", null, Json.write(Map.of("query", createLiteral))),
        Arguments.of("no query", ClientsApi.JSON, "{\"variables\":{}}"),
        Arguments.of("a query that is no string", ClientsApi.JSON, "{\"query\":42}"),
        Arguments.of(
            "variables that are no object",
            ClientsApi.JSON,
            Json.write(Map.of("query", CREATE, "variables", List.of(Map.of("client_name", "x"))))),
        Arguments.of(
            "a body over 64 KiB",
            ClientsApi.JSON,
            Json.write(Map.of("query", padding + createLiteral))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requestsThatAreNoGraphqlRequest")
  void aRequestThatIsNoSingleGraphqlRequestIsRestsInvalidRequest(
      String name, String contentType, String body) {
    Caller caller = newCaller();

    HttpResult result = postGraphql(realm, Http.bearer(caller.rest().token()), contentType, body);

    assertEquals(400, result.status(), result::toString);
    assertTrue(result.header("Content-Type").startsWith("application/json"), result::toString);
    JsonNode error = result.json();
    assertEquals(Set.of("error", "error_description"), fieldNames(error), result::toString);
    assertEquals(REQUEST, error.get("error").asText(), result::toString);
    assertFalse(error.get("error_description").asText().isBlank());
    assertEquals(List.of(), restIds(caller.rest()), "nothing was created");
  }

  /**
   * Levels are fields from the root down to the leaf, the count by which graphql-js's standard
   * introspection query (which must work, see below) has 15: one more is refused.
   */
  @ParameterizedTest(name = "{0} levels")
  @ValueSource(ints = {16, 40})
  void aDocumentDeeperThanFifteenLevelsIsRefused(int levels) {
    Caller caller = newCaller();
    // __schema, types, fields and type, then ofType down to a leaf: name.
    int ofTypes = levels - 5;
    String deep =
        "{ __schema { types { fields { type { "
            + "ofType { ".repeat(ofTypes)
            + "name"
            + " }".repeat(ofTypes)
            + " } } } } }";
    assertRefused(caller.graphql().request(deep, null), REQUEST);
  }

  /**
   * A flat document can be abusive too: a thousand aliases of the list, each a database read, in
   * well under the 64 KiB a body may have. No limit is named in the contract; a thousand is far
   * beyond what any client needs.
   */
  @Test
  void aThousandAliasedListsAreRefusedAsTooComplex() {
    Caller caller = newCaller();
    String many =
        IntStream.range(0, 1000)
            .mapToObj(i -> "a" + i + ": listOauth2Clients { client_id }")
            .collect(Collectors.joining(" ", "{ ", " }"));
    assertTrue(many.length() < 64 * 1024, "refused for its complexity, not its size");
    assertRefused(caller.graphql().request(many, null), REQUEST);
  }

  /** As many ids as one REST page may hold, and one more: the list's query has a bound. */
  @Test
  void idsAreBoundedAsRestsListAndThoseNoClientCanHaveMatchNothing() {
    Caller caller = newCaller();
    String clientId = create(caller, Map.of("client_name", "Listed")).get("client_id").asText();
    List<String> ids = new ArrayList<>(Collections.nCopies(999, "ssc-none"));
    ids.add(clientId);
    assertEquals(List.of(clientId), ids(listed(caller, variables("ids", ids))));

    ids.add("ssc-one-too-many");
    assertRefused(caller.graphql().request(LIST, variables("ids", ids)), REQUEST);

    assertEquals(0, listed(caller, variables("ids", List.of("\u0000abc", "x".repeat(300)))).size());
  }

  /** Each root field is a query of up to 1 000 clients: ten per request, fragments included. */
  @Test
  void aQueryNamesAtMostTenRootFieldsCountedThroughFragments() {
    Caller caller = newCaller();
    create(caller, Map.of("client_name", "Listed once"));
    assertEquals(10, success(caller.graphql().request(aliasedLists(10), Map.of())).size());
    assertRefused(caller.graphql().request(aliasedLists(11), Map.of()), REQUEST);
    assertRefused(caller.graphql().request(aliasedLists(250), Map.of()), REQUEST);

    String throughFragments =
        "query { ...Five ... on Query { ...Five a: listOauth2Clients { client_id } } }"
            + " fragment Five on Query {"
            + aliasedFields(5)
            + " }";
    assertRefused(caller.graphql().request(throughFragments, Map.of()), REQUEST);
  }

  private static String aliasedLists(int count) {
    return "query {" + aliasedFields(count) + " }";
  }

  private static String aliasedFields(int count) {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < count; i++) {
      fields.append(" l").append(i).append(": listOauth2Clients { client_id }");
    }
    return fields.toString();
  }

  @Test
  void theStandardIntrospectionQueryDescribesTheSchema() {
    Caller caller = newCaller();
    JsonNode schema = success(caller.graphql().introspection()).get("__schema");

    assertEquals("Query", schema.at("/queryType/name").asText());
    assertEquals("Mutation", schema.at("/mutationType/name").asText());
    Map<String, JsonNode> types = new HashMap<>();
    schema.get("types").forEach(type -> types.put(type.get("name").asText(), type));
    assertEquals("OBJECT", types.get("Oauth2Client").get("kind").asText());
    assertEquals("INPUT_OBJECT", types.get("Oauth2ClientInput").get("kind").asText());
    assertEquals(
        Map.of("listOauth2Clients", List.of("ids")), fieldsAndArguments(types.get("Query")));
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
    full.putArray("contacts").add("ops@example.com");
    full.putObject("metadata").put("team", "billing");
    HttpResult created = caller.rest().create(full);
    assertEquals(201, created.status(), created::toString);
    Set<String> restFields = fieldNames(created.json());
    Set<String> graphqlFields = fieldsAndArguments(types.get("Oauth2Client")).keySet();
    assertTrue(graphqlFields.containsAll(restFields), () -> restFields + " vs " + graphqlFields);
  }

  private static Map<String, List<String>> fieldsAndArguments(JsonNode type) {
    Map<String, List<String>> fields = new HashMap<>();
    for (JsonNode field : type.get("fields")) {
      List<String> arguments = new ArrayList<>();
      field.get("args").forEach(argument -> arguments.add(argument.get("name").asText()));
      fields.put(field.get("name").asText(), arguments);
    }
    return fields;
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

  @Test
  void anAppTokenWithoutTheAccountGetsRestsRefusal() {
    Caller caller = newCaller();
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
    Caller caller = newCaller();
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
    assertGrants(clientId, secret);
  }
}
