package dev.oauth2clients.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A realm of its own for one test class, made through the admin API: the feature enabled, a few
 * users, a public client to sign them in with (password grant) and a plain confidential client with
 * a service account, which stands for "any ordinary client of the realm".
 */
public final class TestRealm implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  public static final String PASSWORD = "Secret-pass-1";
  public static final String USER_APP = "test-app";

  /** The realm attribute naming the applications whose users' tokens may call the API. */
  public static final String CALLER_CLIENTS = "oauth2-clients.caller-clients";

  public static final String PLAIN_CLIENT = "plain-service";
  public static final String PLAIN_SECRET = "plain-service-secret-0123456789";

  /** What the realm is made of: its attributes, users, and anything else a test adds. */
  private record Definition(
      Map<String, String> attributes,
      Consumer<ObjectNode> addToRepresentation,
      List<String> users) {}

  private final String baseUrl;
  private final Admin admin;
  private final String name;
  private final Map<String, String> userIds;
  private final Definition definition;

  private TestRealm(
      String baseUrl,
      Map<String, String> attributes,
      Consumer<ObjectNode> addToRepresentation,
      String... users) {
    this(
        baseUrl,
        "it-" + UUID.randomUUID().toString().substring(0, 8),
        new HashMap<>(),
        new Definition(attributes, addToRepresentation, List.of(users)));
  }

  private TestRealm(
      String baseUrl, String name, Map<String, String> userIds, Definition definition) {
    this.definition = definition;
    this.baseUrl = baseUrl;
    this.admin = new Admin(baseUrl);
    this.userIds = userIds;
    this.name = name;
  }

  public static TestRealm create(String... users) {
    return create(Map.of("oauth2-clients.enabled", "true"), users);
  }

  public static TestRealm create(Map<String, String> attributes, String... users) {
    return create(attributes, representation -> {}, users);
  }

  /**
   * A realm made by importing a representation, as an admin imports an exported realm: the standard
   * test realm, plus whatever {@code addToRepresentation} puts into it.
   */
  public static TestRealm create(
      Map<String, String> attributes, Consumer<ObjectNode> addToRepresentation, String... users) {
    return createOn(KeycloakServer.get().baseUrl(), attributes, addToRepresentation, users);
  }

  /** A test realm on the server at {@code baseUrl}, e.g. one node of a cluster. */
  public static TestRealm createOn(
      String baseUrl,
      Map<String, String> attributes,
      Consumer<ObjectNode> addToRepresentation,
      String... users) {
    TestRealm realm = new TestRealm(baseUrl, attributes, addToRepresentation, users);
    realm.importIt();
    return realm;
  }

  /**
   * A test realm named {@code name} on the server at {@code baseUrl}: for a benchmark that finds it
   * again in a database kept between runs ({@link #existingOn}).
   */
  public static TestRealm createNamedOn(
      String baseUrl,
      String name,
      Map<String, String> attributes,
      Consumer<ObjectNode> addToRepresentation,
      String... users) {
    TestRealm realm =
        new TestRealm(
            baseUrl,
            name,
            new HashMap<>(),
            new Definition(attributes, addToRepresentation, List.of(users)));
    realm.importIt();
    return realm;
  }

  /**
   * The test realm {@code name} that {@link #createNamedOn} made earlier, e.g. in a database kept
   * between runs, or null where the server has no such realm. Its users sign in as before; their
   * ids are not known ({@link #userId} answers null).
   */
  public static TestRealm existingOn(String baseUrl, String name) {
    Admin admin = new Admin(baseUrl);
    if (admin.call("GET", "/" + name, null).status() != 200) {
      return null;
    }
    return new TestRealm(
        baseUrl, name, new HashMap<>(), new Definition(Map.of(), representation -> {}, List.of()));
  }

  /**
   * The test class's realm, as a JUnit extension ({@code @RegisterExtension static final TestRealm
   * realm = TestRealm.perClass("alice")}): made before the class's first {@code @BeforeAll},
   * deleted after its last test.
   */
  public static TestRealm perClass(String... users) {
    return perClass(Map.of("oauth2-clients.enabled", "true"), users);
  }

  public static TestRealm perClass(Map<String, String> attributes, String... users) {
    return perClass(attributes, representation -> {}, users);
  }

  public static TestRealm perClass(
      Map<String, String> attributes, Consumer<ObjectNode> addToRepresentation, String... users) {
    return new TestRealm(KeycloakServer.get().baseUrl(), attributes, addToRepresentation, users);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    importIt();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void importIt() {
    ObjectNode representation = Json.object();
    representation.put("realm", name);
    representation.put("enabled", true);
    ObjectNode realmAttributes = representation.putObject("attributes");
    // The tests' users sign in through the test app as well as the account console.
    realmAttributes.put(CALLER_CLIENTS, "account-console," + USER_APP);
    definition.attributes().forEach(realmAttributes::put);
    ArrayNode clients = representation.putArray("clients");
    ObjectNode app = clients.addObject();
    app.put("clientId", USER_APP);
    app.put("publicClient", true);
    app.put("standardFlowEnabled", false);
    app.put("directAccessGrantsEnabled", true);
    ObjectNode plain = clients.addObject();
    plain.put("clientId", PLAIN_CLIENT);
    plain.put("publicClient", false);
    plain.put("secret", PLAIN_SECRET);
    plain.put("standardFlowEnabled", false);
    plain.put("serviceAccountsEnabled", true);
    // Lets it introspect tokens issued to other clients (Keycloak 26.6+ checks the audience).
    plain.putObject("attributes").put("allow.token.introspection.without.audience.check", "true");
    definition.addToRepresentation().accept(representation);
    admin.createRealm(representation);
    for (String user : definition.users()) {
      userIds.put(user, admin.createUser(name, user, PASSWORD));
    }
  }

  /** The same realm seen through another node of a cluster that shares its database. */
  public TestRealm onNode(String nodeBaseUrl) {
    return new TestRealm(nodeBaseUrl, name, userIds, definition);
  }

  public String name() {
    return name;
  }

  public String url() {
    return baseUrl + "/realms/" + name;
  }

  public Admin admin() {
    return admin;
  }

  public String userId(String username) {
    return userIds.get(username);
  }

  public String addUser(String username) {
    String id = admin.createUser(name, username, PASSWORD);
    userIds.put(username, id);
    return id;
  }

  /** A user's fresh token response (password grant on the public test client). */
  public JsonNode signIn(String username) {
    return passwordGrant(USER_APP, username);
  }

  /** A user's fresh token response from the password grant of the given (public) client. */
  public JsonNode passwordGrant(String clientId, String username) {
    HttpResult response =
        tokens()
            .post(
                Map.of(
                    "grant_type", "password",
                    "client_id", clientId,
                    "username", username,
                    "password", PASSWORD));
    assertEquals(
        200,
        response.status(),
        () -> "sign-in of " + username + " at " + clientId + ": " + response);
    return response.json();
  }

  /** A fresh access token of a signed-in user. */
  public String userToken(String username) {
    return signIn(username).get("access_token").asText();
  }

  public ClientsApi api(String username) {
    return new ClientsApi(url(), userToken(username));
  }

  public ClientsApi apiWithToken(String token) {
    return new ClientsApi(url(), token);
  }

  public TokenEndpoint tokens() {
    return new TokenEndpoint(url());
  }

  public void setAttributes(Map<String, String> attributes) {
    admin.setRealmAttributes(name, attributes);
  }

  @Override
  public void close() {
    admin.deleteRealm(name);
  }
}
