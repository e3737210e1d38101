package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.bench.GrantLoad.Contender;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Item 4, least privilege at Keycloak's token endpoint (issue #24): client_credentials grants per
 * second of a self-service client whose owner chose 5 realm roles and 3 client roles (roles the
 * owner holds and a realm admin marked grantable), against a self-service client of the same owner
 * that chose none, and against a plain Keycloak confidential client whose service account holds the
 * same 8 roles in its scope (Keycloak's own way to give a client's tokens these roles; otherwise
 * Keycloak's defaults: {@code fullScopeAllowed} off, no refresh token). A second self-service
 * client with the same roles is the control. The chosen roles are computed on every grant, so this
 * is what they cost. Before the rounds, each client's token is decoded and must carry exactly its
 * roles, so that the benchmark cannot compare the wrong things.
 *
 * <p>Settings: {@code bench.threads} and {@code bench.seconds} as item 1; {@code
 * bench.roles.warmup} seconds per client (30), {@code bench.roles.rounds} (10).
 */
final class ChosenRolesBenchmark {

  private static final String OWNER = "owner";
  private static final String GRANTABLE = "oauth2-clients.grantable";

  /** The API whose client roles are chosen, as a resource server of the realm. */
  private static final String API_CLIENT = "billing-api";

  private static final List<String> REALM_ROLES =
      List.of("invoices-read", "invoices-write", "orders-read", "customers-read", "reports-read");
  private static final List<String> CLIENT_ROLES =
      List.of("read-invoices", "create-refunds", "read-statements");

  private static final String PLAIN_CLIENT = "plain-with-roles";
  private static final String PLAIN_SECRET = "plain-with-roles-secret-0123456789";

  private final String baseUrl;
  private final int rounds = Integer.getInteger("bench.roles.rounds", 10);
  private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.roles.warmup", 30));

  ChosenRolesBenchmark(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A contender, the secret it authenticates with, and the roles its token must carry. */
  private record Client(Contender contender, String secret, SortedSet<String> roles) {}

  ChosenRolesResult run(String database) throws Exception {
    try (TestRealm realm =
        TestRealm.createOn(
            baseUrl, Map.of("oauth2-clients.enabled", "true"), representation -> {}, OWNER)) {
      Admin admin = realm.admin();
      String realmPath = "/" + realm.name();
      List<JsonNode> realmRoles = new ArrayList<>();
      for (String role : REALM_ROLES) {
        admin.createRealmRole(realm.name(), role);
        realmRoles.add(grantable(admin, realmPath + "/roles/" + role));
      }
      String apiId = createApiClient(realm);
      List<JsonNode> clientRoles = new ArrayList<>();
      for (String role : CLIENT_ROLES) {
        String roles = realmPath + "/clients/" + apiId + "/roles";
        Admin.expect(201, admin.call("POST", roles, Map.of("name", role)));
        clientRoles.add(grantable(admin, roles + "/" + role));
      }
      map(admin, realmPath + "/users/" + realm.userId(OWNER) + "/role-mappings", realmRoles);
      map(
          admin,
          realmPath + "/users/" + realm.userId(OWNER) + "/role-mappings",
          apiId,
          clientRoles);

      String plainId = GrantLoad.createPlainClient(realm, PLAIN_CLIENT, PLAIN_SECRET, Map.of());
      String serviceAccount =
          Admin.expect(
                  200,
                  admin.call(
                      "GET", realmPath + "/clients/" + plainId + "/service-account-user", null))
              .json()
              .get("id")
              .asText();
      for (String mappings :
          List.of(
              realmPath + "/users/" + serviceAccount + "/role-mappings",
              realmPath + "/clients/" + plainId + "/scope-mappings")) {
        map(admin, mappings, realmRoles);
        map(admin, mappings, apiId, clientRoles);
      }

      SortedSet<String> all = new TreeSet<>(REALM_ROLES);
      CLIENT_ROLES.forEach(role -> all.add(API_CLIENT + "/" + role));
      Map<String, Object> chosen =
          Map.of("realm_roles", REALM_ROLES, "client_roles", Map.of(API_CLIENT, CLIENT_ROLES));
      List<Client> clients =
          List.of(
              selfService(
                  realm, "self-service client, 5 realm + 3 client roles chosen", chosen, all),
              selfService(
                  realm,
                  "self-service client of the same owner, no roles chosen",
                  Map.of(),
                  new TreeSet<>()),
              new Client(
                  GrantLoad.clientCredentials(
                      "plain Keycloak client, the same 8 roles in its scope",
                      PLAIN_CLIENT,
                      PLAIN_SECRET),
                  PLAIN_SECRET,
                  all),
              selfService(
                  realm, "control: a second self-service client with the same roles", chosen, all));
      List<String> carried = new ArrayList<>();
      for (Client client : clients) {
        carried.add(checkRoles(realm, client));
      }

      List<Contender> contenders = clients.stream().map(Client::contender).toList();
      GrantLoad load = new GrantLoad(realm.tokens().tokenUrl());
      Map<Contender, List<Double>> perRound = load.warmUpThenAlternate(contenders, warmup, rounds);
      Map<String, Long> sessions = GrantLoad.sessionsHeld(realm, contenders);
      List<ChosenRolesResult.Carrying> results = new ArrayList<>();
      for (int i = 0; i < contenders.size(); i++) {
        Contender contender = contenders.get(i);
        results.add(
            new ChosenRolesResult.Carrying(
                carried.get(i),
                load.rate(
                    contender,
                    perRound.get(contender),
                    sessions.get(contender.clientId()),
                    Double.NaN)));
      }
      ChosenRolesResult result = new ChosenRolesResult(database, results);
      report(result, load);
      return result;
    }
  }

  /** A self-service client its owner creates through the API with {@code roles} chosen. */
  private static Client selfService(
      TestRealm realm, String label, Map<String, Object> roles, SortedSet<String> expected) {
    ObjectNode body = Json.MAPPER.valueToTree(roles);
    body.put("client_name", label);
    JsonNode created = Admin.expect(201, realm.api(OWNER).create(body)).json();
    String secret = created.get("client_secret").asText();
    return new Client(
        GrantLoad.clientCredentials(label, created.get("client_id").asText(), secret),
        secret,
        expected);
  }

  /**
   * Decodes the access token of one grant of the client and fails unless its {@code realm_access}
   * and {@code resource_access} hold exactly the expected roles; their count, for the report.
   */
  private static String checkRoles(TestRealm realm, Client client) {
    String clientId = client.contender().clientId();
    JsonNode claims =
        Json.claims(
            Admin.expect(200, realm.tokens().clientCredentials(clientId, client.secret()))
                .json()
                .get("access_token")
                .asText());
    SortedSet<String> carried = new TreeSet<>();
    claims.path("realm_access").path("roles").forEach(role -> carried.add(role.asText()));
    claims
        .path("resource_access")
        .fields()
        .forEachRemaining(
            access ->
                access
                    .getValue()
                    .path("roles")
                    .forEach(role -> carried.add(access.getKey() + "/" + role.asText())));
    if (!carried.equals(client.roles())) {
      throw new IllegalStateException(
          "the token of "
              + client.contender().label()
              + " carries the roles "
              + carried
              + ", not "
              + client.roles()
              + ": the benchmark would compare the wrong things");
    }
    long ofClients = carried.stream().filter(role -> role.contains("/")).count();
    String roles =
        carried.isEmpty()
            ? "none"
            : Text.format("%d realm + %d client roles", carried.size() - ofClients, ofClients);
    System.out.println("  token of " + clientId + ": " + roles + " " + carried);
    return roles;
  }

  /** The resource server whose roles are chosen: a bearer of roles, with no flow of its own. */
  private static String createApiClient(TestRealm realm) {
    realm
        .admin()
        .createClient(
            realm.name(),
            Json.MAPPER.valueToTree(
                Map.of(
                    "clientId", API_CLIENT, "publicClient", false, "standardFlowEnabled", false)));
    return realm.admin().findClient(realm.name(), API_CLIENT).get("id").asText();
  }

  /**
   * Marks the role at {@code path} grantable, as a realm admin does (its attribute, through the
   * admin API); its representation.
   */
  private static JsonNode grantable(Admin admin, String path) {
    ObjectNode role = (ObjectNode) Admin.expect(200, admin.call("GET", path, null)).json();
    role.putObject("attributes").putArray(GRANTABLE).add("true");
    Admin.expect(204, admin.call("PUT", path, role));
    return Admin.expect(200, admin.call("GET", path, null)).json();
  }

  /** Adds realm roles to the role or scope mappings at {@code mappings}. */
  private static void map(Admin admin, String mappings, List<JsonNode> roles) {
    Admin.expect(204, admin.call("POST", mappings + "/realm", array(roles)));
  }

  /**
   * Adds roles of the client {@code clientId} (internal id) to the mappings at {@code mappings}.
   */
  private static void map(Admin admin, String mappings, String clientId, List<JsonNode> roles) {
    Admin.expect(204, admin.call("POST", mappings + "/clients/" + clientId, array(roles)));
  }

  private static ArrayNode array(List<JsonNode> roles) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    roles.forEach(array::add);
    return array;
  }

  private void report(ChosenRolesResult result, GrantLoad load) {
    load.heading("4. chosen roles at the token endpoint", result.database(), rounds, warmup);
    result.grants().forEach(ThroughputResult.Rate::print);
    result.ratios().forEach(JudgedRatio::print);
  }
}
