package dev.oauth2clients.it.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.it.Policy;
import dev.oauth2clients.it.graphql.GraphqlRequestClient.Answer;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What the GraphQL integration tests share: the platform's documents, a caller who calls REST and
 * GraphQL with one token, and the assertions that a GraphQL answer says what REST says.
 */
final class GraphqlFixture {

  private GraphqlFixture() {}

  /**
   * A test class's realm. A small quota, so that one test can reach it; every other test has fresh
   * users below it.
   */
  static TestRealm realm() {
    return TestRealm.perClass(
        Policy.enabled()
            .with(PolicySetting.MAX_CLIENTS_PER_USER, Integer.toString(QUOTA))
            .attributes());
  }

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
  static final String LIST_SECRETS =
      "query($ids: [String!]) { listOauth2Clients(ids: $ids) { client_id client_secret } }";
  static final String UPDATE_SECRET =
      "mutation($input: Oauth2ClientInput!, $id: String!) {"
          + " updateOauth2Client(input: $input, id: $id) { client_id client_name client_secret } }";
  static final String ROTATE =
      "mutation($id: String!, $secretExpiresIn: Long, $previousSecretExpiresIn: Long) {"
          + " rotateOauth2ClientSecret(id: $id, secret_expires_in: $secretExpiresIn,"
          + " previous_secret_expires_in: $previousSecretExpiresIn) { client_id client_secret } }";

  static final int QUOTA = 3;
  static final String METADATA = "invalid_client_metadata";
  static final String REDIRECT = "invalid_redirect_uri";
  static final String REQUEST = "invalid_request";

  static String endpoint(TestRealm target) {
    return target.url() + "/oauth2-clients/graphql";
  }

  /** A fresh user of the realm, called both ways with the same access token. */
  record Caller(String username, ClientsApi rest, GraphqlRequestClient graphql) {}

  static Caller newCaller(TestRealm realm) {
    String username = "user-" + UUID.randomUUID().toString().substring(0, 8);
    realm.addUser(username);
    ClientsApi rest = realm.api(username);
    return new Caller(username, rest, GraphqlRequestClient.of(endpoint(realm), rest.token()));
  }

  static Map<String, Object> variables(Object... namesAndValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      variables.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return variables;
  }

  static JsonNode success(Answer answer) {
    assertTrue(answer.errors().isEmpty(), answer::toString);
    assertEquals(200, answer.status(), answer::toString);
    assertFalse(answer.data().isNull(), answer::toString);
    return answer.data();
  }

  /** The client that the platform's create document made, with its one-time secret. */
  static JsonNode create(Caller caller, Object input) {
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
  static JsonNode assertRefused(Answer answer, String code) {
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
  static void assertSameAsRest(HttpResult rest, Answer graphql) {
    assertTrue(rest.status() >= 400, () -> "REST refuses this too: " + rest);
    JsonNode error = assertRefused(graphql, rest.error());
    assertEquals(
        rest.json().path("error_description").asText(),
        error.path("message").asText(),
        () -> "REST: " + rest + ", GraphQL: " + graphql);
  }

  /** A refusal before the document is read: REST's status and REST's error body. */
  static void assertSameHttpRefusal(HttpResult rest, int status, String body) {
    assertEquals(rest.status(), status, () -> "REST: " + rest + ", GraphQL: " + body);
    JsonNode restError = rest.json();
    JsonNode graphqlError = Json.parse(body);
    assertEquals(restError.get("error"), graphqlError.get("error"), body);
    assertEquals(restError.get("error_description"), graphqlError.get("error_description"), body);
    assertEquals(Set.of("error", "error_description"), fieldNames(graphqlError), body);
  }

  static List<String> restIds(ClientsApi api) {
    HttpResult list = api.list("");
    assertEquals(200, list.status(), list::toString);
    List<String> ids = new ArrayList<>();
    list.json().forEach(client -> ids.add(client.get("client_id").asText()));
    return ids;
  }

  static List<String> ids(JsonNode clients) {
    assertTrue(clients.isArray(), clients::toString);
    List<String> ids = new ArrayList<>();
    clients.forEach(client -> ids.add(client.get("client_id").asText()));
    return ids;
  }

  /** The client as REST shows it to its owner, to compare before and after. */
  static JsonNode shown(ClientsApi owner, String clientId) {
    HttpResult read = owner.read(clientId);
    assertEquals(200, read.status(), read::toString);
    return read.json();
  }

  static void assertGrants(TestRealm realm, String clientId, String secret) {
    HttpResult granted = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(200, granted.status(), granted::toString);
  }

  static void assertNoGrant(TestRealm realm, String clientId, String secret) {
    HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, refused.status(), refused::toString);
    assertEquals("invalid_client", refused.error());
  }

  static Set<String> fieldNames(JsonNode object) {
    Set<String> names = new TreeSet<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static JsonNode listed(Caller caller, Map<String, Object> variables) {
    return success(caller.graphql().request(LIST, variables)).get("listOauth2Clients");
  }

  /** A client input with one field beside a valid name. */
  static Map<String, Object> with(String field, Object value) {
    Map<String, Object> input = new HashMap<>();
    input.put("client_name", "ok");
    input.put(field, value);
    return input;
  }

  static HttpResult postGraphql(
      TestRealm target, Map<String, String> headers, String contentType, String body) {
    Map<String, String> all = new HashMap<>(headers);
    if (contentType != null) {
      all.put("Content-Type", contentType);
    }
    return Http.send(
        "POST", endpoint(target), all, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
  }

  static HttpResult restListWith(TestRealm realm, Map<String, String> headers) {
    return Http.send("GET", realm.url() + "/oauth2-clients", headers, null);
  }

  static final String CREATE_BODY =
      Json.write(
          Map.of(
              "query",
              CREATE,
              "variables",
              Map.of("input", Map.of("client_name", "must not be made"))));

  static String aliasedLists(int count) {
    return "query {" + aliasedFields(count) + " }";
  }

  static String aliasedFields(int count) {
    StringBuilder fields = new StringBuilder();
    for (int i = 0; i < count; i++) {
      fields.append(" l").append(i).append(": listOauth2Clients { client_id }");
    }
    return fields.toString();
  }

  static Map<String, List<String>> fieldsAndArguments(JsonNode type) {
    Map<String, List<String>> fields = new HashMap<>();
    for (JsonNode field : type.get("fields")) {
      List<String> arguments = new ArrayList<>();
      field.get("args").forEach(argument -> arguments.add(argument.get("name").asText()));
      fields.put(field.get("name").asText(), arguments);
    }
    return fields;
  }
}
