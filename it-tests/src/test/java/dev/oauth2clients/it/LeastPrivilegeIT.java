package dev.oauth2clients.it;

import static dev.oauth2clients.it.BillingRoles.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import dev.oauth2clients.testsupport.TokenEndpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Least privilege (API.md): a client carries, in every token, exactly the roles its owner chose
 * that the owner still holds and that are still grantable, and nothing else of the owner's; every
 * other choice is refused, naming the role, and changes nothing; the limits hold on this pass's
 * database.
 */
class LeastPrivilegeIT {

  private static final String METADATA = "invalid_client_metadata";

  /**
   * 255 characters, Keycloak's own limit for a role's name (KEYCLOAK_ROLE.NAME is VARCHAR(255),
   * which H2 counts in UTF-16 units): é and quotes, no emoji, which would take two units there.
   */
  private static final String LONGEST_ROLE = text(new String[] {"é", "\"", "'", "a"}, 255);

  /** 51 grantable realm roles that {@code lena} holds; the first 50 are at the limit. */
  private static final List<String> LIMIT_REALM_ROLES =
      IntStream.range(0, 51)
          .mapToObj(i -> i == 0 ? LONGEST_ROLE : String.format("lim%02d-é😀\"'", i))
          .toList();

  private static final String LIMITS_A = "limits-a";

  /** A client id of 255 characters, Keycloak's own limit for one (CLIENT.CLIENT_ID). */
  private static final String LIMITS_B = "limits-" + "b".repeat(248);

  private static final List<String> LIMIT_A_ROLES =
      IntStream.range(0, 26).mapToObj(i -> String.format("a%02d:é😀\"'", i)).toList();
  private static final List<String> LIMIT_B_ROLES =
      IntStream.range(0, 25)
          .mapToObj(
              i -> i == 0 ? text(new String[] {"'", "é", "\"", "b"}, 255) : "b" + i + ":é😀\"'")
          .toList();

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Policy.enabled().attributes(), LeastPrivilegeIT::addRoles, "olivia", "lena");

  private static ClientsApi olivia;

  /** Olivia's client with a choice, the target of the refused PATCHes. */
  private static String untouchedId;

  private static void addRoles(ObjectNode representation) {
    BillingRoles.addTo(representation);
    LIMIT_REALM_ROLES.forEach(name -> Roles.realmRole(representation, name, true));
    Roles.apiClient(representation, LIMITS_A);
    Roles.apiClient(representation, LIMITS_B);
    LIMIT_A_ROLES.forEach(name -> Roles.clientRole(representation, LIMITS_A, name, true));
    LIMIT_B_ROLES.forEach(name -> Roles.clientRole(representation, LIMITS_B, name, true));
  }

  @BeforeAll
  static void ownersHoldTheirRoles() {
    realm.admin().enableEvents(realm.name());
    BillingRoles.holdAll(realm, realm.userId("olivia"));
    Roles.of(realm)
        .grant(
            realm.userId("lena"),
            LIMIT_REALM_ROLES,
            Map.of(LIMITS_A, LIMIT_A_ROLES, LIMITS_B, LIMIT_B_ROLES));
    olivia = realm.api("olivia");
    untouchedId =
        created(
                olivia.create(
                    choice("Untouched", List.of(READER), Map.of(API, List.of(INVOICES_READ)))))
            .get("client_id")
            .asText();
  }

  // ------------------------------------------------------------------ tokens

  @Test
  void theChosenRolesAreInBothGrantsIntrospectionAndUserinfoAndNothingElseOfTheOwners() {
    JsonNode client =
        created(
            olivia.create(
                choice(
                    "Reads invoices",
                    List.of(READER, AUDITOR, ARCHIVIST, BUNDLE, READER),
                    Map.of(API, List.of(INVOICES_READ)))));
    assertEquals(
        Json.parse("[\"archivist\",\"auditor\",\"bundle\",\"reader\"]"),
        client.get("realm_roles"),
        "sorted, the duplicate collapsed");
    assertEquals(Json.parse("{\"billing-api\":[\"invoices:read\"]}"), client.get("client_roles"));
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    JsonNode read = olivia.read(clientId).json();
    assertEquals(client.get("realm_roles"), read.get("realm_roles"));
    assertEquals(client.get("client_roles"), read.get("client_roles"));

    // Not writer, secret-keeper, staff, invoices:delete, default-roles-*, offline_access (all
    // hers); viewer because the chosen composite bundle contains it.
    Map<String, Set<String>> expected =
        Map.of("", Set.of(ARCHIVIST, AUDITOR, BUNDLE, READER, VIEWER), API, Set.of(INVOICES_READ));
    HttpResult granted = grantWithOpenid(clientId, secret);
    JsonNode access = Roles.accessClaims(granted);
    assertEquals(expected, Roles.carried(access), access::toString);
    assertEquals(Set.of(realm.userId("olivia"), API), Roles.audience(access), access::toString);

    String refreshToken = granted.json().get("refresh_token").asText();
    JsonNode refreshed = Roles.accessClaims(realm.tokens().refresh(clientId, secret, refreshToken));
    assertEquals(expected, Roles.carried(refreshed), refreshed::toString);
    assertEquals(Set.of(realm.userId("olivia"), API), Roles.audience(refreshed));

    String accessToken = granted.json().get("access_token").asText();
    JsonNode introspected = realm.tokens().introspectAsPlainClient(accessToken).json();
    assertTrue(introspected.path("active").asBoolean(), introspected::toString);
    assertEquals(expected, Roles.carried(introspected), introspected::toString);

    HttpResult userinfo =
        Http.send(
            "GET",
            realm.url() + "/protocol/openid-connect/userinfo",
            Http.bearer(accessToken),
            null);
    assertEquals(200, userinfo.status(), userinfo::toString);
    assertEquals(expected, Roles.carried(userinfo.json()), userinfo::toString);

    assertEquals(
        200,
        olivia
            .patch(clientId, Json.parse("{\"realm_roles\":null,\"client_roles\":null}"))
            .status());
    JsonNode none = Roles.accessClaims(realm.tokens().clientCredentials(clientId, secret));
    assertEquals(Map.of(), Roles.carried(none), "null is the default, no role: " + none);
    assertEquals(Set.of(realm.userId("olivia")), Roles.audience(none));
    JsonNode cleared = olivia.read(clientId).json();
    assertEquals(Json.parse("[]"), cleared.get("realm_roles"));
    assertEquals(Json.parse("{}"), cleared.get("client_roles"));
  }

  // ------------------------------------------------------------------ refusals

  /**
   * A refused choice: the field and its value as JSON; for a refused role, the role and its client
   * (null for a realm role); for a wrong shape, neither.
   */
  record Refusal(String name, String field, String value, String client, String role) {

    /** How the refusal names the role (DESIGN: 'reader', 'billing-api' role 'invoices:read'). */
    String named() {
      if (role == null) {
        return null;
      }
      return client == null ? "'" + role + "'" : "'" + client + "' role '" + role + "'";
    }

    /** The refusal's sentence with the quoted names blanked out. */
    String sentenceOf(String description) {
      String sentence = description.replace("'" + role + "'", "'…'");
      return client == null ? sentence : sentence.replace("'" + client + "'", "'…'");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static Refusal realmRole(String name, String value, String role) {
    return new Refusal(name, "realm_roles", value, null, role);
  }

  private static Refusal clientRole(String name, String value, String client, String role) {
    return new Refusal(name, "client_roles", value, client, role);
  }

  private static Refusal shape(String name, String field, String value) {
    return new Refusal(name, field, value, null, null);
  }

  static Stream<Refusal> refusals() {
    return Stream.of(
        realmRole("a realm role the owner lacks", "[\"admin-only\"]", ADMIN_ONLY),
        realmRole("a realm role not grantable", "[\"secret-keeper\"]", SECRET_KEEPER),
        realmRole("a realm role that does not exist", "[\"no-such-role\"]", "no-such-role"),
        realmRole("a role held through a composite, not grantable", "[\"viewer\"]", VIEWER),
        realmRole(
            "a good role beside one the owner lacks", "[\"reader\",\"admin-only\"]", ADMIN_ONLY),
        clientRole(
            "a client role the owner lacks",
            "{\"billing-api\":[\"invoices:write\"]}",
            API,
            INVOICES_WRITE),
        clientRole(
            "a client role not grantable",
            "{\"billing-api\":[\"invoices:delete\"]}",
            API,
            INVOICES_DELETE),
        clientRole(
            "a client role that does not exist",
            "{\"billing-api\":[\"invoices:nope\"]}",
            API,
            "invoices:nope"),
        clientRole(
            "a client that does not exist",
            "{\"no-such-api\":[\"invoices:read\"]}",
            "no-such-api",
            INVOICES_READ),
        shape("realm_roles as a string", "realm_roles", "\"reader\""),
        shape("realm_roles holding a number", "realm_roles", "[1]"),
        shape("realm_roles as an object", "realm_roles", "{\"reader\":true}"),
        shape("realm_roles holding an empty string", "realm_roles", "[\"\"]"),
        shape("realm_roles holding null", "realm_roles", "[null]"),
        shape(
            "a realm role name of 256 characters", "realm_roles", "[\"" + "r".repeat(256) + "\"]"),
        shape("client_roles as an array", "client_roles", "[\"invoices:read\"]"),
        shape("client_roles as a string", "client_roles", "\"billing-api\""),
        shape(
            "client_roles with a value that is no array",
            "client_roles",
            "{\"billing-api\":\"invoices:read\"}"),
        shape("client_roles holding a number", "client_roles", "{\"billing-api\":[1]}"),
        shape("client_roles holding an empty string", "client_roles", "{\"billing-api\":[\"\"]}"),
        shape("client_roles of an empty client id", "client_roles", "{\"\":[\"invoices:read\"]}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void aChoiceTheOwnerMayNotMakeIsRefusedOnCreateAndPatchNamingTheRoleAndChangesNothing(
      Refusal refusal) {
    assertRefusedAndNothingChanged(
        olivia, untouchedId, refusal.field(), Json.parse(refusal.value()), refusal.named());
  }

  /** 400 invalid_client_metadata, naming the role as {@code named} (null: any sentence). */
  private static void assertRefused(String named, HttpResult result) {
    assertEquals(400, result.status(), result::toString);
    assertEquals(METADATA, result.error(), result::toString);
    String description = result.json().path("error_description").asText();
    assertFalse(description.isBlank(), result::toString);
    if (named != null) {
      assertTrue(description.contains(named), () -> named + " in " + result);
    }
  }

  /**
   * A role that does not exist, one the owner lacks, one not grantable and one of a client that
   * does not exist are refused in the same words, so a refusal tells nobody which roles exist.
   */
  @Test
  void everyRefusedRoleGetsTheSameSentence() {
    Map<String, Set<String>> sentences = new TreeMap<>();
    refusals()
        .filter(refusal -> refusal.role() != null)
        .forEach(
            refusal -> {
              ObjectNode body = Json.object().put("client_name", "Never made");
              body.set(refusal.field(), Json.parse(refusal.value()));
              String description = olivia.create(body).json().path("error_description").asText();
              sentences
                  .computeIfAbsent(refusal.field(), field -> new TreeSet<>())
                  .add(refusal.sentenceOf(description));
            });
    assertEquals(1, sentences.get("realm_roles").size(), sentences::toString);
    assertEquals(1, sentences.get("client_roles").size(), sentences::toString);
  }

  // ------------------------------------------------------------------ roles that go away

  @Test
  void anOwnerWhoLosesARoleLosesItFromTheNextGrantAndRefreshWhileReadsKeepIt() {
    String ownerId = realm.addUser("leo");
    Roles roles = Roles.of(realm);
    roles.grant(ownerId, List.of(READER, CREW), Map.of());
    roles.joinGroup(ownerId, AUDITORS);
    ClientsApi leo = realm.api("leo");
    List<String> chosen = List.of(ARCHIVIST, AUDITOR, READER);
    JsonNode client = created(leo.create(choice("Loses roles", chosen, Map.of())));
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    HttpResult first = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(Map.of("", Set.copyOf(chosen)), Roles.carried(Roles.accessClaims(first)));
    String refreshToken = first.json().get("refresh_token").asText();

    roles.revoke(ownerId, List.of(READER), Map.of());
    assertNextTokensCarry(clientId, secret, refreshToken, Set.of(ARCHIVIST, AUDITOR));
    roles.leaveGroup(ownerId, AUDITORS);
    assertNextTokensCarry(clientId, secret, refreshToken, Set.of(ARCHIVIST));
    roles.removeFromComposite(CREW, ARCHIVIST);
    assertNextTokensCarry(clientId, secret, refreshToken, Set.of());

    assertEquals(Json.MAPPER.valueToTree(chosen), leo.read(clientId).json().get("realm_roles"));
    // Roles already chosen are not checked again: the owner can still rename the client.
    HttpResult renamed = leo.patch(clientId, Map.of("client_name", "Renamed"));
    assertEquals(200, renamed.status(), renamed::toString);
    assertEquals(Json.MAPPER.valueToTree(chosen), renamed.json().get("realm_roles"));
    HttpResult replaced = leo.replace(clientId, choice("Replaced", chosen, Map.of()));
    assertEquals(200, replaced.status(), replaced::toString);
    List<String> withWriter = List.of(ARCHIVIST, AUDITOR, READER, WRITER);
    assertRefused("'writer'", leo.replace(clientId, choice("x", withWriter, Map.of())));
    assertEquals(Json.MAPPER.valueToTree(chosen), leo.read(clientId).json().get("realm_roles"));
  }

  private static void assertNextTokensCarry(
      String clientId, String secret, String refreshToken, Set<String> realmRoles) {
    Map<String, Set<String>> expected = realmRoles.isEmpty() ? Map.of() : Map.of("", realmRoles);
    JsonNode granted = Roles.accessClaims(realm.tokens().clientCredentials(clientId, secret));
    assertEquals(expected, Roles.carried(granted), () -> "grant: " + granted);
    JsonNode refreshed = Roles.accessClaims(realm.tokens().refresh(clientId, secret, refreshToken));
    assertEquals(expected, Roles.carried(refreshed), () -> "refresh: " + refreshed);
  }

  @Test
  void aRoleAnAdminMarksCanBeChosenAndUnmarkedLeavesTheNextToken() {
    String ownerId = realm.addUser("uma");
    Roles roles = Roles.of(realm);
    roles.grant(ownerId, List.of(INTERIM), Map.of(API, List.of(INVOICES_EXPORT)));
    ClientsApi uma = realm.api("uma");
    JsonNode nothing = Json.parse("{\"realm_roles\":[],\"client_roles\":{}}");
    assertEquals(nothing, grantableRoles(uma));
    ObjectNode both = choice("Marked", List.of(INTERIM), Map.of(API, List.of(INVOICES_EXPORT)));
    assertRefused("'interim'", uma.create(both));

    roles.setGrantable(INTERIM, true);
    roles.setClientRoleGrantable(API, INVOICES_EXPORT, true);

    assertEquals(
        Json.parse(
            "{\"realm_roles\":[{\"name\":\"interim\",\"description\":null}],"
                + "\"client_roles\":{\"billing-api\":"
                + "[{\"name\":\"invoices:export\",\"description\":null}]}}"),
        grantableRoles(uma));
    JsonNode client = created(uma.create(both));
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    HttpResult first = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(
        Map.of("", Set.of(INTERIM), API, Set.of(INVOICES_EXPORT)),
        Roles.carried(Roles.accessClaims(first)));
    String refreshToken = first.json().get("refresh_token").asText();

    roles.setGrantable(INTERIM, false);
    JsonNode granted = Roles.accessClaims(realm.tokens().clientCredentials(clientId, secret));
    assertEquals(Map.of(API, Set.of(INVOICES_EXPORT)), Roles.carried(granted));
    JsonNode refreshed = Roles.accessClaims(realm.tokens().refresh(clientId, secret, refreshToken));
    assertEquals(Map.of(API, Set.of(INVOICES_EXPORT)), Roles.carried(refreshed));

    roles.setClientRoleGrantable(API, INVOICES_EXPORT, false);
    JsonNode none = Roles.accessClaims(realm.tokens().clientCredentials(clientId, secret));
    assertEquals(Map.of(), Roles.carried(none), none::toString);
    assertEquals(Set.of(ownerId), Roles.audience(none), "no client's roles, no client in aud");

    JsonNode read = uma.read(clientId).json();
    assertEquals(both.get("realm_roles"), read.get("realm_roles"), "reads keep the choice");
    assertEquals(both.get("client_roles"), read.get("client_roles"));
    assertEquals(nothing, grantableRoles(uma));
  }

  // ------------------------------------------------------------------ the picker's list

  @Test
  void grantableRolesListsExactlyWhatTheCallerMayChoose() {
    // Not viewer, secret-keeper, staff, invoices:delete (held, not grantable), admin-only,
    // invoices:write (grantable, not held), nor the roles of other users.
    assertEquals(
        Json.parse(
            """
            {"realm_roles": [
               {"name": "archivist", "description": null},
               {"name": "auditor", "description": null},
               {"name": "bundle", "description": null},
               {"name": "reader", "description": "Reads invoices"},
               {"name": "writer", "description": null}],
             "client_roles": {"billing-api": [
               {"name": "invoices:read", "description": "Read invoices"}]}}
            """),
        grantableRoles(olivia));
  }

  private static JsonNode grantableRoles(ClientsApi api) {
    HttpResult listed = api.raw("GET", "/grantable-roles", null, null);
    assertEquals(200, listed.status(), listed::toString);
    return listed.json();
  }

  // ------------------------------------------------------------------ events

  @Test
  void aChangeOfRolesIsAnEventWithTheRolesBeforeAndAfter() {
    String clientId =
        created(olivia.create(choice("Audited roles", List.of(READER), Map.of())))
            .get("client_id")
            .asText();
    assertRolesEvent(
        clientId,
        "CLIENT_REGISTER",
        "{\"realm_roles\":[],\"client_roles\":{}}",
        "{\"realm_roles\":[\"reader\"],\"client_roles\":{}}");

    HttpResult changed =
        olivia.patch(
            clientId,
            Map.of(
                "realm_roles",
                List.of(WRITER, READER),
                "client_roles",
                Map.of(API, List.of(INVOICES_READ))));
    assertEquals(200, changed.status(), changed::toString);
    assertRolesEvent(
        clientId,
        "CLIENT_UPDATE",
        "{\"realm_roles\":[\"reader\"],\"client_roles\":{}}",
        "{\"realm_roles\":[\"reader\",\"writer\"],\"client_roles\":{\"billing-api\":[\"invoices:read\"]}}");

    assertEquals(200, olivia.patch(clientId, Map.of("description", "no role changed")).status());
    JsonNode details =
        realm.admin().lastEvent(realm.name(), clientId, "CLIENT_UPDATE").get("details");
    assertEquals("update", details.path("oauth2_clients_operation").asText(), details::toString);
    assertFalse(details.has("roles_before") || details.has("roles_after"), details::toString);
  }

  private static void assertRolesEvent(String clientId, String type, String before, String after) {
    JsonNode details = realm.admin().lastEvent(realm.name(), clientId, type).get("details");
    assertEquals(
        Json.parse(before),
        Json.parse(details.path("roles_before").asText("null")),
        details::toString);
    assertEquals(
        Json.parse(after),
        Json.parse(details.path("roles_after").asText("null")),
        details::toString);
  }

  // ------------------------------------------------------------------ limits

  @Test
  void fiftyRealmRolesAreStoredWholeAndCarriedAndFiftyOneAreRefused() {
    ClientsApi lena = realm.api("lena");
    List<String> fifty = LIMIT_REALM_ROLES.subList(0, 50);
    List<String> withDuplicate = new ArrayList<>(fifty);
    withDuplicate.add(fifty.get(7));
    JsonNode client = created(lena.create(choice("Fifty realm roles", withDuplicate, Map.of())));
    String clientId = client.get("client_id").asText();
    JsonNode expected = Json.MAPPER.valueToTree(new TreeSet<>(fifty));
    assertEquals(expected, client.get("realm_roles"));
    assertEquals(expected, lena.read(clientId).json().get("realm_roles"));
    assertEquals(expected, lena.list("client_id=" + clientId).json().get(0).get("realm_roles"));
    JsonNode access =
        Roles.accessClaims(
            realm.tokens().clientCredentials(clientId, client.get("client_secret").asText()));
    assertEquals(Map.of("", new HashSet<>(fifty)), Roles.carried(access));

    assertRefusedAndNothingChanged(
        lena, clientId, "realm_roles", Json.MAPPER.valueToTree(LIMIT_REALM_ROLES), null);
  }

  @Test
  void fiftyClientRolesAreStoredWholeAndCarriedAndFiftyOneAreRefused() {
    ClientsApi lena = realm.api("lena");
    Map<String, List<String>> fifty =
        Map.of(LIMITS_A, LIMIT_A_ROLES.subList(0, 25), LIMITS_B, LIMIT_B_ROLES);
    JsonNode client = created(lena.create(choice("Fifty client roles", List.of(), fifty)));
    String clientId = client.get("client_id").asText();
    ObjectNode expected = Json.object();
    new TreeMap<>(fifty)
        .forEach((api, names) -> expected.set(api, Json.MAPPER.valueToTree(new TreeSet<>(names))));
    assertEquals(expected, client.get("client_roles"));
    assertEquals(expected, lena.read(clientId).json().get("client_roles"));
    JsonNode access =
        Roles.accessClaims(
            realm.tokens().clientCredentials(clientId, client.get("client_secret").asText()));
    assertEquals(
        Map.of(LIMITS_A, Set.copyOf(fifty.get(LIMITS_A)), LIMITS_B, Set.copyOf(LIMIT_B_ROLES)),
        Roles.carried(access));

    Map<String, List<String>> fiftyOne = Map.of(LIMITS_A, LIMIT_A_ROLES, LIMITS_B, LIMIT_B_ROLES);
    assertRefusedAndNothingChanged(
        lena, clientId, "client_roles", Json.MAPPER.valueToTree(fiftyOne), null);
  }

  /**
   * Refused on PATCH of the client and on create, naming the role as {@code named} (null: any
   * sentence), and nothing of the owner's changed.
   */
  private static void assertRefusedAndNothingChanged(
      ClientsApi api, String clientId, String field, JsonNode value, String named) {
    JsonNode before = api.list("").json();
    ObjectNode body = Json.object();
    body.set(field, value);
    assertRefused(named, api.patch(clientId, body));
    body.put("client_name", "Never made");
    assertRefused(named, api.create(body));
    assertEquals(before, api.list("").json(), "a refused choice changes nothing");
  }

  // ------------------------------------------------------------------ helpers

  /** A client body with a name and a choice of roles. */
  private static ObjectNode choice(
      String name, List<String> realmRoles, Map<String, List<String>> clientRoles) {
    ObjectNode body = Json.object().put("client_name", name);
    body.set("realm_roles", Json.MAPPER.valueToTree(realmRoles));
    body.set("client_roles", Json.MAPPER.valueToTree(clientRoles));
    return body;
  }

  private static JsonNode created(HttpResult result) {
    assertEquals(201, result.status(), result::toString);
    return result.json();
  }

  /** client_credentials with scope openid, so that userinfo answers for the token. */
  private static HttpResult grantWithOpenid(String clientId, String secret) {
    Map<String, String> form = new TreeMap<>(TokenEndpoint.clientCredentialsForm(clientId, secret));
    form.put("scope", "openid");
    return realm.tokens().post(form);
  }

  /** {@code length} characters, going round {@code pieces}. */
  private static String text(String[] pieces, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(pieces[i % pieces.length]);
    }
    return text.toString();
  }
}
