package dev.oauth2clients.it.graphql;

import static dev.oauth2clients.it.BillingRoles.*;
import static dev.oauth2clients.it.graphql.GraphqlFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.it.BillingRoles;
import dev.oauth2clients.it.LineIndependent;
import dev.oauth2clients.it.Policy;
import dev.oauth2clients.it.Roles;
import dev.oauth2clients.it.graphql.GraphqlRequestClient.Answer;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege through GraphQL: {@code realm_roles}, {@code client_roles} (a JSON scalar) and
 * {@code access_token_lifespan} are taken, answered and refused exactly as REST does it.
 */
@LineIndependent
class GraphqlLeastPrivilegeIT {

  private static final String FIELDS = "client_id realm_roles client_roles access_token_lifespan";
  private static final String CREATE_CHOICE =
      "mutation($input: Oauth2ClientInput!) { createOauth2Client(input: $input) {"
          + " client_secret "
          + FIELDS
          + " } }";
  private static final String UPDATE_CHOICE =
      "mutation($input: Oauth2ClientInput!, $id: String!) {"
          + " updateOauth2Client(input: $input, id: $id) { "
          + FIELDS
          + " } }";
  private static final String GRANTABLE =
      "query { grantableRoles { realm_roles { name description } client_roles } }";

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(Policy.enabled().attributes(), BillingRoles::addTo);

  private static Caller caller;

  /** The caller's client that refused updates must leave alone. */
  private static String untouchedId;

  @BeforeAll
  static void aCallerWithTheOwnersRoles() {
    caller = newCaller(realm);
    BillingRoles.holdAll(realm, realm.userId(caller.username()));
    untouchedId =
        create(caller, Map.of("client_name", "Untouched", "realm_roles", List.of(READER)))
            .get("client_id")
            .asText();
  }

  @Test
  void aChoiceMadeAndReplacedThroughGraphqlIsWhatRestShowsAndTokensCarry() {
    Map<String, Object> input =
        Map.of(
            "client_name",
            "Chosen through GraphQL",
            "realm_roles",
            List.of(READER, BUNDLE),
            "client_roles",
            Map.of(API, List.of(INVOICES_READ)),
            "access_token_lifespan",
            600);
    JsonNode created =
        success(caller.graphql().request(CREATE_CHOICE, variables("input", input)))
            .get("createOauth2Client");
    String clientId = created.get("client_id").asText();
    HttpResult restCreated = caller.rest().create(input);
    assertSameFields(restCreated, created);
    assertSameFields(caller.rest().read(clientId), created);

    HttpResult granted =
        realm.tokens().clientCredentials(clientId, created.get("client_secret").asText());
    JsonNode access = Roles.accessClaims(granted);
    assertEquals(
        Map.of("", Set.of(READER, BUNDLE, VIEWER), API, Set.of(INVOICES_READ)),
        Roles.carried(access));
    assertEquals(600, access.get("exp").asInt() - access.get("iat").asInt());

    Map<String, Object> replacement =
        Map.of(
            "client_name",
            "Replaced",
            "realm_roles",
            List.of(AUDITOR),
            "access_token_lifespan",
            120);
    Answer update =
        caller.graphql().request(UPDATE_CHOICE, variables("input", replacement, "id", clientId));
    JsonNode updated = success(update).get("updateOauth2Client");
    assertEquals(Json.parse("{}"), updated.get("client_roles"), "replaced like PUT");
    assertSameFields(caller.rest().read(clientId), updated);
    String restId = restCreated.json().get("client_id").asText();
    assertSameFields(caller.rest().replace(restId, replacement), updated);
  }

  /** The three least-privilege fields agree between the REST answer and the GraphQL one. */
  private static void assertSameFields(HttpResult rest, JsonNode graphql) {
    assertTrue(rest.status() == 200 || rest.status() == 201, rest::toString);
    for (String field : List.of("realm_roles", "client_roles", "access_token_lifespan")) {
      assertEquals(rest.json().get(field), graphql.get(field), field);
    }
  }

  @Test
  void grantableRolesAreTheSameAsRests() {
    HttpResult rest = caller.rest().raw("GET", "/grantable-roles", null, null);
    assertEquals(200, rest.status(), rest::toString);
    JsonNode graphql = success(caller.graphql().request(GRANTABLE, null)).get("grantableRoles");
    assertEquals(rest.json(), graphql);
  }

  /** One of each rule: a realm role, a client role, the shape of client_roles, the lifespan. */
  static Stream<Arguments> refusedChoices() {
    return Stream.of(
        Arguments.of("a realm role the owner lacks", with("realm_roles", List.of(ADMIN_ONLY))),
        Arguments.of(
            "a client that does not exist",
            with("client_roles", Map.of("no-such-api", List.of(INVOICES_READ)))),
        Arguments.of("client_roles as an array", with("client_roles", List.of(INVOICES_READ))),
        Arguments.of("a lifespan of 59", with("access_token_lifespan", 59)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusedChoices")
  void aRefusedChoiceGetsRestsCodeAndSentenceOnCreateAndUpdateAndChangesNothing(
      String name, Map<String, Object> input) {
    List<String> ids = restIds(caller.rest());
    JsonNode before = shown(caller.rest(), untouchedId);

    assertSameAsRest(
        caller.rest().create(input), caller.graphql().request(CREATE, variables("input", input)));
    Answer update =
        caller
            .graphql()
            .request(UPDATE, variables("input", input, "updateOauth2ClientId", untouchedId));
    assertSameAsRest(caller.rest().replace(untouchedId, input), update);

    assertEquals(ids, restIds(caller.rest()), "nothing created");
    assertEquals(before, shown(caller.rest(), untouchedId), "nothing changed");
  }

  static Stream<Arguments> wrongTypes() {
    return Stream.of(
        Arguments.of("realm_roles holding a number", with("realm_roles", List.of(1))),
        Arguments.of("access_token_lifespan as a string", with("access_token_lifespan", "600")));
  }

  /** GraphQL's own type checks word these, so only the code must be REST's. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongTypes")
  void wrongTypesAreInvalidClientMetadataBothWays(String name, Map<String, Object> input) {
    List<String> ids = restIds(caller.rest());
    HttpResult rest = caller.rest().create(input);
    assertEquals(400, rest.status(), rest::toString);
    assertEquals(METADATA, rest.error());
    assertRefused(caller.graphql().request(CREATE, variables("input", input)), METADATA);
    assertEquals(ids, restIds(caller.rest()));
  }
}
