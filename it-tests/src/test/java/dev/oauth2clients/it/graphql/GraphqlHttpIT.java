package dev.oauth2clients.it.graphql;

import static dev.oauth2clients.it.graphql.GraphqlFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.it.LineIndependent;
import dev.oauth2clients.it.graphql.GraphqlRequestClient.Answer;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The GraphQL endpoint over HTTP, before and around the document: the token, requests that are no
 * single GraphQL request, and the limits on a document's depth, aliases, root fields and ids.
 */
@LineIndependent
class GraphqlHttpIT {

  @RegisterExtension static final TestRealm realm = GraphqlFixture.realm();

  @Test
  void noTokenOrABadOneIsHttp401AsInRest() {
    Caller caller = newCaller(realm);
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
      HttpResult rest = restListWith(realm, headers);
      HttpResult graphql = postGraphql(realm, headers, ClientsApi.JSON, CREATE_BODY);
      assertEquals(401, graphql.status(), graphql::toString);
      assertEquals("invalid_token", graphql.error());
      assertSameHttpRefusal(rest, graphql.status(), graphql.body());
      assertEquals(rest.header("WWW-Authenticate"), graphql.header("WWW-Authenticate"));
    }

    // What a GraphQL client library makes of it: an error with the status, not data.
    Answer library = GraphqlRequestClient.of(endpoint(realm), "not-a-jwt").request(LIST, null);
    assertEquals(401, library.status(), library::toString);
    assertSameHttpRefusal(restListWith(realm, Http.bearer("not-a-jwt")), 401, library.body());
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
    Caller caller = newCaller(realm);

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
    Caller caller = newCaller(realm);
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
    Caller caller = newCaller(realm);
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
    Caller caller = newCaller(realm);
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
    Caller caller = newCaller(realm);
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
}
