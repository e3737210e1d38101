package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Roles as a realm admin sets them up and hands them out through Keycloak's admin REST API: in the
 * representation a test realm is imported from, and changed while a test runs (mappings, groups,
 * composites, the grantable mark). Also reads the roles a token, an introspection or a userinfo
 * answer carries.
 */
public final class Roles {

  /** The contract's role attribute that lets owners choose a role for their clients. */
  public static final String GRANTABLE = "oauth2-clients.grantable";

  private final TestRealm realm;

  private Roles(TestRealm realm) {
    this.realm = realm;
  }

  public static Roles of(TestRealm realm) {
    return new Roles(realm);
  }

  // ------------------------------------------------------------------ in a realm representation

  /** Adds a realm role to the representation a realm is imported from; returns it to extend. */
  public static ObjectNode realmRole(
      ObjectNode realmRepresentation, String name, boolean grantable) {
    return role(realmRepresentation.with("roles").withArray("realm"), name, grantable);
  }

  /** A realm role that contains the given realm roles. */
  public static ObjectNode compositeRole(
      ObjectNode realmRepresentation, String name, boolean grantable, String... contains) {
    ObjectNode role = realmRole(realmRepresentation, name, grantable);
    role.put("composite", true);
    ArrayNode composites = role.putObject("composites").putArray("realm");
    for (String contained : contains) {
      composites.add(contained);
    }
    return role;
  }

  /** A confidential client of the realm (standing for an API), for its roles. */
  public static void apiClient(ObjectNode realmRepresentation, String clientId) {
    ObjectNode client = realmRepresentation.withArray("clients").addObject();
    client.put("clientId", clientId);
    client.put("publicClient", false);
    client.put("standardFlowEnabled", false);
  }

  public static ObjectNode clientRole(
      ObjectNode realmRepresentation, String clientId, String name, boolean grantable) {
    return role(
        realmRepresentation.with("roles").with("client").withArray(clientId), name, grantable);
  }

  /** A top-level group whose members hold the given realm roles. */
  public static void group(ObjectNode realmRepresentation, String name, String... realmRoles) {
    ObjectNode group = realmRepresentation.withArray("groups").addObject();
    group.put("name", name);
    ArrayNode roles = group.putArray("realmRoles");
    for (String role : realmRoles) {
      roles.add(role);
    }
  }

  private static ObjectNode role(ArrayNode roles, String name, boolean grantable) {
    ObjectNode role = roles.addObject();
    role.put("name", name);
    if (grantable) {
      role.putObject("attributes").putArray(GRANTABLE).add("true");
    }
    return role;
  }

  // ------------------------------------------------------------------ changes while a test runs

  /** Gives the user realm roles and roles of clients (by clientId), as the admin console does. */
  public void grant(
      String userId, Collection<String> realmRoles, Map<String, List<String>> ofClients) {
    map("POST", userId, realmRoles, ofClients);
  }

  /** Takes direct role mappings away from the user. */
  public void revoke(
      String userId, Collection<String> realmRoles, Map<String, List<String>> ofClients) {
    map("DELETE", userId, realmRoles, ofClients);
  }

  private void map(
      String method,
      String userId,
      Collection<String> realmRoles,
      Map<String, List<String>> ofClients) {
    String mappings = "/" + realm.name() + "/users/" + userId + "/role-mappings";
    if (!realmRoles.isEmpty()) {
      expect204(method, mappings + "/realm", named(realmRoles, "/" + realm.name() + "/roles"));
    }
    ofClients.forEach(
        (clientId, names) -> {
          String clients = "/clients/" + clientUuid(clientId);
          expect204(
              method, mappings + clients, named(names, "/" + realm.name() + clients + "/roles"));
        });
  }

  /** The full representations (the admin API wants their ids) of the named roles of a container. */
  private ArrayNode named(Collection<String> names, String rolesPath) {
    JsonNode all = Admin.expect(200, admin().call("GET", rolesPath + "?max=1000", null)).json();
    ArrayNode chosen = Json.MAPPER.createArrayNode();
    all.forEach(
        role -> {
          if (names.contains(role.get("name").asText())) {
            chosen.add(role);
          }
        });
    if (chosen.size() != new TreeSet<>(names).size()) {
      throw new AssertionError("not all of " + names + " exist at " + rolesPath + ": " + all);
    }
    return chosen;
  }

  public void joinGroup(String userId, String group) {
    expect204("PUT", "/" + realm.name() + "/users/" + userId + "/groups/" + groupId(group), null);
  }

  public void leaveGroup(String userId, String group) {
    expect204(
        "DELETE", "/" + realm.name() + "/users/" + userId + "/groups/" + groupId(group), null);
  }

  /** Takes a realm role out of a composite realm role. */
  public void removeFromComposite(String composite, String role) {
    String roles = "/" + realm.name() + "/roles/";
    expect204(
        "DELETE",
        roles + Http.encode(composite) + "/composites",
        named(List.of(role), "/" + realm.name() + "/roles"));
  }

  /** Marks a realm role grantable, or takes the mark away, as an admin edits its attributes. */
  public void setGrantable(String role, boolean grantable) {
    setGrantableAt("/" + realm.name() + "/roles/" + Http.encode(role), grantable);
  }

  public void setClientRoleGrantable(String clientId, String role, boolean grantable) {
    setGrantableAt(
        "/" + realm.name() + "/clients/" + clientUuid(clientId) + "/roles/" + Http.encode(role),
        grantable);
  }

  private void setGrantableAt(String rolePath, boolean grantable) {
    ObjectNode role = (ObjectNode) Admin.expect(200, admin().call("GET", rolePath, null)).json();
    ObjectNode attributes = role.putObject("attributes");
    if (grantable) {
      attributes.putArray(GRANTABLE).add("true");
    }
    expect204("PUT", rolePath, role);
  }

  private String clientUuid(String clientId) {
    return admin().findClient(realm.name(), clientId).get("id").asText();
  }

  private String groupId(String group) {
    return Admin.expect(
            200, admin().call("GET", "/" + realm.name() + "/group-by-path/" + group, null))
        .json()
        .get("id")
        .asText();
  }

  private void expect204(String method, String path, Object body) {
    HttpResult result = admin().call(method, path, body);
    Admin.expect(204, result);
  }

  private Admin admin() {
    return realm.admin();
  }

  // ------------------------------------------------------------------ roles in tokens

  /**
   * What a token's claims (or an introspection or userinfo answer) carry: {@code realm_access}
   * under the key {@code ""}, each client of {@code resource_access} under its clientId; names as
   * sets, since Keycloak lists them in no fixed order. No claim at all reads as no roles.
   */
  public static Map<String, Set<String>> carried(JsonNode claims) {
    Map<String, Set<String>> carried = new TreeMap<>();
    JsonNode realmRoles = claims.path("realm_access").path("roles");
    if (!realmRoles.isEmpty()) {
      carried.put("", names(realmRoles));
    }
    claims
        .path("resource_access")
        .fields()
        .forEachRemaining(
            client -> carried.put(client.getKey(), names(client.getValue().path("roles"))));
    return carried;
  }

  private static Set<String> names(JsonNode array) {
    Set<String> names = new TreeSet<>();
    array.forEach(name -> names.add(name.asText()));
    return names;
  }

  /** The claims of the access token that a grant answered, which must have succeeded. */
  public static JsonNode accessClaims(HttpResult grant) {
    assertEquals(200, grant.status(), grant::toString);
    return Json.claims(grant.json().get("access_token").asText());
  }

  /** The {@code aud} claim as a set, whether Keycloak wrote one value or an array. */
  public static Set<String> audience(JsonNode claims) {
    JsonNode aud = claims.path("aud");
    return aud.isArray() ? names(aud) : aud.isMissingNode() ? Set.of() : Set.of(aud.asText());
  }
}
