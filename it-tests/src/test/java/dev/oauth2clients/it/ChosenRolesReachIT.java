package dev.oauth2clients.it;

import static dev.oauth2clients.it.BillingRoles.API;
import static dev.oauth2clients.it.BillingRoles.INVOICES_READ;
import static dev.oauth2clients.it.BillingRoles.READER;
import static dev.oauth2clients.it.BillingRoles.WRITER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who else reaches a client's chosen roles: a user who signs in through the client gets none of the
 * owner's roles, and a realm admin sees the choice on the client's mapper and has the last word
 * over it (an edit or a deletion there is what reads show and tokens carry).
 */
class ChosenRolesReachIT {

  private static final String REDIRECT = "https://app.example.com/cb";

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(Policy.enabled().attributes(), BillingRoles::addTo, "owen", "visitor");

  @BeforeAll
  static void theOwnerHoldsTheRoles() {
    BillingRoles.holdAll(realm, realm.userId("owen"));
    // The visitor holds reader too: it must still not come from the owner's choice.
    Roles.of(realm).grant(realm.userId("visitor"), List.of(READER), Map.of());
  }

  @Test
  void aUserSigningInThroughTheClientGetsNoneOfTheOwnersRoles() {
    JsonNode client = create(List.of(READER, WRITER), Map.of(API, List.of(INVOICES_READ)));
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();

    JsonNode tokens = BrowserLogin.authorizationCode(realm, clientId, secret, REDIRECT, "visitor");
    JsonNode access = Json.claims(tokens.get("access_token").asText());
    assertEquals(realm.userId("visitor"), access.get("sub").asText());
    assertEquals(Map.of(), Roles.carried(access), access::toString);
    JsonNode refreshed =
        Roles.accessClaims(
            realm.tokens().refresh(clientId, secret, tokens.get("refresh_token").asText()));
    assertEquals(Map.of(), Roles.carried(refreshed), refreshed::toString);

    // The client's own grant carries them: the test above could not pass by carrying nothing.
    JsonNode own = Roles.accessClaims(realm.tokens().clientCredentials(clientId, secret));
    assertEquals(
        Map.of("", Set.of(READER, WRITER), API, Set.of(INVOICES_READ)), Roles.carried(own));
  }

  @Test
  void anAdminSeesTheChoiceOnTheClientsMapperAndHasTheLastWord() {
    JsonNode client = create(List.of(READER, WRITER), Map.of(API, List.of(INVOICES_READ)));
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    ObjectNode mapper = chosenRolesMapper(clientId);
    assertEquals("[\"reader\",\"writer\"]", mapper.get("config").get("realm_roles").asText());
    assertEquals(
        "{\"billing-api\":[\"invoices:read\"]}", mapper.get("config").get("client_roles").asText());

    // Text that is not the JSON the mapper takes is refused, and nothing changes.
    ObjectNode broken = mapper.deepCopy();
    ((ObjectNode) broken.get("config")).put("realm_roles", "reader, writer");
    HttpResult refused = admin().call("PUT", mapperPath(clientId, mapper), broken);
    assertEquals(400, refused.status(), refused::toString);
    assertEquals(List.of(READER, WRITER), names(read(clientId).get("realm_roles")));

    ((ObjectNode) mapper.get("config")).put("realm_roles", "[\"writer\"]");
    Admin.expect(204, admin().call("PUT", mapperPath(clientId, mapper), mapper));
    assertEquals(List.of(WRITER), names(read(clientId).get("realm_roles")));
    JsonNode narrowed = Roles.accessClaims(realm.tokens().clientCredentials(clientId, secret));
    assertEquals(Map.of("", Set.of(WRITER), API, Set.of(INVOICES_READ)), Roles.carried(narrowed));

    Admin.expect(204, admin().call("DELETE", mapperPath(clientId, mapper), null));
    JsonNode none = read(clientId);
    assertEquals(Json.parse("[]"), none.get("realm_roles"));
    assertEquals(Json.parse("{}"), none.get("client_roles"));
    JsonNode bare = Roles.accessClaims(realm.tokens().clientCredentials(clientId, secret));
    assertEquals(Map.of(), Roles.carried(bare), bare::toString);
    assertEquals(Set.of(realm.userId("owen")), Roles.audience(bare));
  }

  private static JsonNode create(List<String> realmRoles, Map<String, List<String>> clientRoles) {
    ObjectNode body = Json.object();
    body.put("client_name", "Reach");
    body.set("redirect_uris", Json.MAPPER.valueToTree(List.of(REDIRECT)));
    body.set("realm_roles", Json.MAPPER.valueToTree(realmRoles));
    body.set("client_roles", Json.MAPPER.valueToTree(clientRoles));
    HttpResult created = realm.api("owen").create(body);
    assertEquals(201, created.status(), created::toString);
    return created.json();
  }

  private static JsonNode read(String clientId) {
    return realm.api("owen").read(clientId).json();
  }

  private static ObjectNode chosenRolesMapper(String clientId) {
    JsonNode mappers = Admin.expect(200, admin().call("GET", mappersPath(clientId), null)).json();
    for (JsonNode mapper : mappers) {
      if (mapper.get("protocolMapper").asText().equals("oauth2-clients-chosen-roles")) {
        assertEquals("chosen roles", mapper.get("name").asText());
        return (ObjectNode) mapper;
      }
    }
    throw new AssertionError("no chosen-roles mapper in " + mappers);
  }

  private static String mappersPath(String clientId) {
    String uuid = admin().findClient(realm.name(), clientId).get("id").asText();
    return "/" + realm.name() + "/clients/" + uuid + "/protocol-mappers/models";
  }

  private static String mapperPath(String clientId, JsonNode mapper) {
    return mappersPath(clientId) + "/" + mapper.get("id").asText();
  }

  private static List<String> names(JsonNode array) {
    assertTrue(array.isArray(), array::toString);
    List<String> names = new ArrayList<>();
    array.forEach(name -> names.add(name.asText()));
    return names;
  }

  private static Admin admin() {
    return realm.admin();
  }
}
