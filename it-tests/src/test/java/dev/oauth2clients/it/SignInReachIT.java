package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Keycloak redirects users' browsers to a self-service client's URIs only while the client could
 * get tokens: a paused client, one an admin disabled, one whose owner is disabled or lacks the
 * required role, and one in a realm with the feature off get Keycloak's error page, at the
 * authorization endpoint ({@code prompt=none} included) and at logout, so that no user-made client
 * is an open redirector. The owner's URIs are kept and come back with the client's reach.
 */
class SignInReachIT {

  private static final String REDIRECT = "https://app.example.com/cb";
  private static final String AFTER_LOGOUT = "https://app.example.com/bye";
  private static final String HOME = "https://home.example.com/app";
  private static final String REQUIRED_ROLE = PolicySetting.REQUIRED_ROLE.attribute;
  private static final String POST_LOGOUT_ATTRIBUTE = "post.logout.redirect.uris";

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi");

  @BeforeAll
  static void createRealm() {
    realm.admin().enableEvents(realm.name());
  }

  @Test
  void aPausedClientRedirectsNowhereUntilItsOwnerTurnsItOnAgain() {
    String clientId = clientOf("alice");
    ClientsApi alice = realm.api("alice");

    assertEquals(200, alice.patch(clientId, Map.of("enabled", false)).status());
    assertRedirectsNowhere(clientId);
    JsonNode read = alice.read(clientId).json();
    assertEquals(List.of(REDIRECT), strings(read.get("redirect_uris")), read::toString);
    assertEquals(HOME, read.get("client_uri").asText());
    assertEquals(List.of(AFTER_LOGOUT), strings(read.get("post_logout_redirect_uris")));

    assertEquals(200, alice.patch(clientId, Map.of("enabled", true)).status());
    assertRedirectsToItsUris(clientId);
  }

  @Test
  void aClientAnAdminDisabledRedirectsNowhereUntilTheAdminEnablesIt() {
    String clientId = clientOf("bob");

    realm.admin().setClientEnabled(realm.name(), clientId, false);
    assertRedirectsNowhere(clientId);
    assertEquals(
        List.of(REDIRECT), strings(realm.api("bob").read(clientId).json().get("redirect_uris")));

    realm.admin().setClientEnabled(realm.name(), clientId, true);
    assertRedirectsToItsUris(clientId);
  }

  @Test
  void aDisabledOwnersClientRedirectsNowhereUntilTheOwnerIsEnabled() {
    String clientId = clientOf("carol");

    realm.admin().setUserEnabled(realm.name(), realm.userId("carol"), false);
    assertRedirectsNowhere(clientId);

    realm.admin().setUserEnabled(realm.name(), realm.userId("carol"), true);
    assertRedirectsToItsUris(clientId);
  }

  @Test
  void anOwnerWithoutTheRequiredRoleHasClientsThatRedirectNowhere() {
    String clientId = clientOf("dave");
    String daveId = realm.userId("dave");
    realm.admin().createRealmRole(realm.name(), "api-users");
    realm.admin().setRealmRoleMapping(realm.name(), daveId, "api-users", true);
    try {
      realm.setAttributes(Map.of(REQUIRED_ROLE, "api-users"));
      assertRedirectsToItsUris(clientId);

      realm.admin().setRealmRoleMapping(realm.name(), daveId, "api-users", false);
      assertRedirectsNowhere(clientId);

      realm.admin().setRealmRoleMapping(realm.name(), daveId, "api-users", true);
      assertRedirectsToItsUris(clientId);
    } finally {
      realm.setAttributes(Map.of(REQUIRED_ROLE, ""));
    }
    assertRedirectsToItsUris(clientId);
  }

  @Test
  void aRealmWithTheFeatureOffRedirectsToNoSelfServiceClient() {
    String clientId = clientOf("erin");
    try {
      realm.setAttributes(Policy.only(PolicySetting.ENABLED, "false"));
      assertRedirectsNowhere(clientId);
    } finally {
      realm.setAttributes(Policy.enabled().attributes());
    }
    assertRedirectsToItsUris(clientId);
  }

  /**
   * The admin console shows a withheld client without redirect URIs; what an admin enters there
   * becomes the client's URIs, withheld like the owner's until the client may get tokens again.
   */
  @Test
  void urisAnAdminSetsOnAPausedClientAreItsUrisOnceItRunsAgain() {
    String clientId = clientOf("frank");
    ClientsApi frank = realm.api("frank");
    assertEquals(200, frank.patch(clientId, Map.of("enabled", false)).status());
    String adminsUri = "https://admin-chosen.example.com/cb";

    realm
        .admin()
        .updateClient(
            realm.name(),
            clientId,
            client -> client.set("redirectUris", Json.MAPPER.createArrayNode().add(adminsUri)));

    assertEquals(List.of(adminsUri), strings(frank.read(clientId).json().get("redirect_uris")));
    assertEquals(400, authorize(clientId, adminsUri).status());
    assertEquals(200, frank.patch(clientId, Map.of("enabled", true)).status());
    HttpResult redirected = authorize(clientId, adminsUri);
    assertEquals(302, redirected.status(), redirected::toString);
    assertTrue(redirected.header("Location").startsWith(adminsUri), redirected::toString);
    HttpResult old = authorize(clientId, REDIRECT);
    assertEquals(400, old.status(), () -> "the owner's old URI is gone: " + old);
    assertNull(old.header("Location"));
  }

  /**
   * Keycloak's post-logout value {@code +}, "the same as the redirect URIs", which an admin may
   * set: the owner reads the redirect URIs, and a PATCH that leaves the field alone keeps the
   * {@code +}.
   */
  @Test
  void postLogoutUrisAnAdminSetToPlusReadAsTheRedirectUrisAndStay() {
    String clientId = clientOf("heidi");
    ClientsApi heidi = realm.api("heidi");
    realm
        .admin()
        .updateClient(
            realm.name(),
            clientId,
            client -> ((ObjectNode) client.get("attributes")).put(POST_LOGOUT_ATTRIBUTE, "+"));
    assertEquals(
        List.of(REDIRECT), strings(heidi.read(clientId).json().get("post_logout_redirect_uris")));

    HttpResult patched = heidi.patch(clientId, Map.of("description", "Signs users out too"));

    assertEquals(200, patched.status(), patched::toString);
    assertEquals(List.of(REDIRECT), strings(patched.json().get("post_logout_redirect_uris")));
    JsonNode kept = realm.admin().findClient(realm.name(), clientId);
    assertEquals("+", kept.at("/attributes/" + POST_LOGOUT_ATTRIBUTE).asText(), kept::toString);
    HttpResult loggedOut = logout(clientId, REDIRECT);
    assertEquals(302, loggedOut.status(), loggedOut::toString);
    assertTrue(loggedOut.header("Location").startsWith(REDIRECT), loggedOut::toString);
  }

  /** An owner may replace an admin's edit of the URIs, but not silently. */
  @Test
  void anOwnersChangeThatReplacesAnAdminsUrisSaysSoInItsEvent() {
    String clientId = clientOf("grace");
    ClientsApi grace = realm.api("grace");
    assertEquals(
        200,
        grace.patch(clientId, Map.of("redirect_uris", List.of(REDIRECT, AFTER_LOGOUT))).status());
    assertFalse(lastUpdate(clientId).path("details").has("admin_redirect_uris_replaced"));

    realm
        .admin()
        .updateClient(
            realm.name(),
            clientId,
            client ->
                client.set(
                    "redirectUris",
                    Json.MAPPER.createArrayNode().add("https://admin-chosen.example.com/cb")));
    assertEquals(200, grace.patch(clientId, Map.of("description", "same URIs")).status());
    assertFalse(
        lastUpdate(clientId).path("details").has("admin_redirect_uris_replaced"),
        "keeping the admin's URIs replaces nothing");

    assertEquals(200, grace.patch(clientId, Map.of("redirect_uris", List.of(REDIRECT))).status());
    assertEquals(
        "true", lastUpdate(clientId).path("details").path("admin_redirect_uris_replaced").asText());

    assertEquals(
        200, grace.patch(clientId, Map.of("redirect_uris", List.of(AFTER_LOGOUT))).status());
    assertFalse(
        lastUpdate(clientId).path("details").has("admin_redirect_uris_replaced"),
        "the owner's own URIs again");
  }

  @Test
  void theConsentPageNamesTheOwnerUnderTheirNewUsername() {
    Admin.expect(
        204,
        realm
            .admin()
            .call("PUT", "/" + realm.name(), Json.object().put("editUsernameAllowed", true)));
    String username = "henry";
    String userId = realm.addUser(username);
    String clientId = clientOf(username);
    ObjectNode user =
        (ObjectNode)
            Admin.expect(
                    200, realm.admin().call("GET", "/" + realm.name() + "/users/" + userId, null))
                .json();
    user.put("username", "henry-renamed");

    Admin.expect(204, realm.admin().call("PUT", "/" + realm.name() + "/users/" + userId, user));

    JsonNode attributes = realm.admin().findClient(realm.name(), clientId).get("attributes");
    assertTrue(
        attributes.get("consent.screen.text").asText().startsWith("Made by henry-renamed, "),
        attributes::toString);
    assertEquals("henry-renamed", attributes.get("oauth2-clients.owner-username").asText());
  }

  /**
   * An owner disabled where no event tells of it (a federated directory; here, the database and a
   * cleared cache) is seen at the token endpoint by the holder of the secret, which brings the
   * client's redirect targets in line both ways.
   */
  @Test
  void theTokenEndpointBringsAClientInLineWithAChangeNoEventToldOf() throws Exception {
    String username = "ivan";
    String userId = realm.addUser(username);
    JsonNode client = create(username);
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    Database database = KeycloakServer.get().database();
    assumeTrue(database != null, "the database of an external server cannot be opened");

    setEnabledBehindKeycloaksBack(database, userId, false);
    assertRedirectsToItsUris(clientId);
    HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, refused.status(), refused::toString);
    assertRedirectsNowhere(clientId);

    setEnabledBehindKeycloaksBack(database, userId, true);
    HttpResult granted = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(200, granted.status(), granted::toString);
    assertRedirectsToItsUris(clientId);
  }

  private static void setEnabledBehindKeycloaksBack(Database database, String userId, boolean on)
      throws Exception {
    try (Connection db = database.connect();
        PreparedStatement update =
            db.prepareStatement("update USER_ENTITY set ENABLED = ? where ID = ?")) {
      update.setBoolean(1, on);
      update.setString(2, userId);
      assertEquals(1, update.executeUpdate());
    }
    Admin.expect(204, realm.admin().call("POST", "/" + realm.name() + "/clear-user-cache", null));
  }

  private static String clientOf(String username) {
    String clientId = create(username).get("client_id").asText();
    assertRedirectsToItsUris(clientId);
    return clientId;
  }

  private static JsonNode create(String username) {
    HttpResult created =
        realm
            .api(username)
            .create(
                Map.of(
                    "client_name",
                    "Signs users in",
                    "redirect_uris",
                    List.of(REDIRECT),
                    "post_logout_redirect_uris",
                    List.of(AFTER_LOGOUT),
                    "client_uri",
                    HOME));
    assertEquals(201, created.status(), created::toString);
    return created.json();
  }

  private static void assertRedirectsToItsUris(String clientId) {
    HttpResult authorized = authorize(clientId, REDIRECT);
    assertEquals(302, authorized.status(), authorized::toString);
    assertTrue(
        authorized.header("Location").startsWith(REDIRECT + "?error=login_required"),
        authorized::toString);
    HttpResult loggedOut = logout(clientId, AFTER_LOGOUT);
    assertEquals(302, loggedOut.status(), loggedOut::toString);
    assertTrue(loggedOut.header("Location").startsWith(AFTER_LOGOUT), loggedOut::toString);
  }

  private static void assertRedirectsNowhere(String clientId) {
    for (HttpResult answer :
        List.of(authorize(clientId, REDIRECT), logout(clientId, AFTER_LOGOUT))) {
      assertEquals(400, answer.status(), answer::toString);
      assertNull(answer.header("Location"), answer::toString);
      assertTrue(answer.body().contains("<html"), () -> "Keycloak's error page: " + answer);
      assertFalse(answer.body().contains(HOME), () -> "no link back to the client: " + answer);
    }
  }

  private static HttpResult authorize(String clientId, String redirectUri) {
    return BrowserLogin.authorizeWithoutPrompt(realm, clientId, redirectUri);
  }

  private static HttpResult logout(String clientId, String postLogoutUri) {
    return BrowserLogin.logout(realm, clientId, postLogoutUri);
  }

  private static List<String> strings(JsonNode array) {
    return Json.MAPPER.convertValue(
        array, Json.MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  private static JsonNode lastUpdate(String clientId) {
    return realm.admin().lastEvent(realm.name(), clientId, "CLIENT_UPDATE");
  }
}
