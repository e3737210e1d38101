package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.Pause;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Who may call the API: a signed-in human of this realm, in a realm that enabled it. */
class CallerAuthenticationIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");

  private static HttpResult listWithAuthorization(TestRealm target, String authorization) {
    Map<String, String> headers = new HashMap<>();
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    return Http.send("GET", target.url() + "/oauth2-clients", headers, null);
  }

  private static void assertInvalidToken(HttpResult result) {
    assertEquals(401, result.status(), result::toString);
    assertEquals("invalid_token", result.error());
    assertEquals(
        "Bearer realm=\"" + realm.name() + "\", error=\"invalid_token\"",
        result.header("WWW-Authenticate"));
  }

  @Test
  void missingOrMalformedCredentialsAreInvalidToken() {
    assertInvalidToken(listWithAuthorization(realm, null));
    assertInvalidToken(listWithAuthorization(realm, "Basic YWxpY2U6cGFzcw=="));
    assertInvalidToken(listWithAuthorization(realm, "Bearer "));
    assertInvalidToken(listWithAuthorization(realm, "Bearer not-a-jwt"));
    String token = realm.userToken("alice");
    String tampered =
        token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    assertInvalidToken(listWithAuthorization(realm, "Bearer " + tampered));
  }

  @Test
  void aTokenOfAnotherRealmIsInvalid() {
    try (TestRealm other = TestRealm.create("alice")) {
      assertInvalidToken(listWithAuthorization(realm, "Bearer " + other.userToken("alice")));
    }
  }

  @Test
  void aRefreshTokenIsNoAccessToken() {
    JsonNode signIn = realm.signIn("alice");
    String refreshToken = signIn.get("refresh_token").asText();
    assertInvalidToken(listWithAuthorization(realm, "Bearer " + refreshToken));
  }

  @Test
  void aTokenWhoseSessionEndedIsInvalid() {
    JsonNode signIn = realm.signIn("alice");
    String accessToken = signIn.get("access_token").asText();
    assertEquals(200, listWithAuthorization(realm, "Bearer " + accessToken).status());

    HttpResult logout =
        Http.postForm(
            realm.url() + "/protocol/openid-connect/logout",
            Map.of(
                "client_id",
                TestRealm.USER_APP,
                "refresh_token",
                signIn.get("refresh_token").asText()),
            Map.of());
    assertEquals(204, logout.status(), logout::toString);
    assertInvalidToken(listWithAuthorization(realm, "Bearer " + accessToken));
  }

  @Test
  void anExpiredTokenIsInvalid() {
    JsonNode app = realm.admin().findClient(realm.name(), TestRealm.USER_APP);
    ObjectNode shortLived = app.deepCopy();
    shortLived.with("attributes").put("access.token.lifespan", "2");
    Admin.expect(
        204,
        realm
            .admin()
            .call("PUT", "/" + realm.name() + "/clients/" + app.get("id").asText(), shortLived));
    try {
      String token = realm.userToken("alice");
      assertEquals(
          2, Json.claims(token).get("exp").asLong() - Json.claims(token).get("iat").asLong());
      Pause.sleep(Duration.ofSeconds(4));
      assertInvalidToken(listWithAuthorization(realm, "Bearer " + token));
    } finally {
      Admin.expect(
          204,
          realm
              .admin()
              .call("PUT", "/" + realm.name() + "/clients/" + app.get("id").asText(), app));
    }
  }

  @Test
  void serviceAccountTokensAreRefused() {
    HttpResult plain =
        realm.tokens().clientCredentials(TestRealm.PLAIN_CLIENT, TestRealm.PLAIN_SECRET);
    assertEquals(200, plain.status(), plain::toString);
    assertAccessDenied(
        listWithAuthorization(realm, "Bearer " + plain.json().get("access_token").asText()));

    JsonNode own = realm.api("alice").createNamed("Self-minting");
    HttpResult selfService =
        realm
            .tokens()
            .clientCredentials(own.get("client_id").asText(), own.get("client_secret").asText());
    String token = selfService.json().get("access_token").asText();
    assertAccessDenied(listWithAuthorization(realm, "Bearer " + token));
    int before = realm.api("alice").list("").json().size();
    HttpResult mint =
        realm.apiWithToken(token).create(Map.of("client_name", "minted by a program"));
    assertAccessDenied(mint);
    assertEquals(before, realm.api("alice").list("").json().size(), "nothing was minted");
  }

  @Test
  void anAppTokenThatWasNotGrantedTheAccountIsRefusedAndMintsNothing() {
    String partnerId = createPasswordClient("partner-app");
    int before = realm.api("alice").list("").json().size();

    String noAccount = passwordGrant("partner-app", "alice");
    JsonNode claims = Json.claims(noAccount);
    assertTrue(
        !claims.path("aud").toString().contains("\"account\""), "no account audience: " + claims);
    assertAccessDenied(realm.apiWithToken(noAccount).create(Map.of("client_name", "by an app")));
    assertAccessDenied(realm.apiWithToken(noAccount).list(""));

    grantAccountRole(partnerId, "view-profile");
    String viewOnly = passwordGrant("partner-app", "alice");
    assertTrue(Json.claims(viewOnly).path("aud").toString().contains("account"));
    assertAccessDenied(realm.apiWithToken(viewOnly).create(Map.of("client_name", "by an app")));

    assertEquals(before, realm.api("alice").list("").json().size(), "nothing was minted");
  }

  /**
   * With Keycloak's defaults a new client is full-scope: its users' tokens carry {@code aud
   * account} and {@code manage-account}. Only the applications the realm names may use them here.
   */
  @Test
  void aFullScopeAppTheRealmDidNotNameIsRefusedUntilAnAdminNamesIt() {
    try (TestRealm own = TestRealm.create(Policy.enabled().attributes(), "dave")) {
      ObjectNode app = Json.object();
      app.put("clientId", "default-app");
      app.put("publicClient", true);
      app.put("directAccessGrantsEnabled", true);
      Admin.expect(201, own.admin().call("POST", "/" + own.name() + "/clients", app));
      String token = own.passwordGrant("default-app", "dave").get("access_token").asText();
      JsonNode claims = Json.claims(token);
      assertTrue(claims.path("aud").toString().contains("\"account\""), claims::toString);
      assertTrue(claims.toString().contains("manage-account"), claims::toString);

      HttpResult refused = own.apiWithToken(token).create(Map.of("client_name", "by any app"));
      assertAccessDenied(refused);
      assertTrue(
          refused.json().get("error_description").asText().contains("caller-clients"),
          refused::toString);
      assertAccessDenied(own.apiWithToken(token).list(""));
      assertEquals(0, own.api("dave").list("").json().size(), "nothing was minted");

      own.admin()
          .setRealmAttributes(
              own.name(),
              Map.of(
                  TestRealm.CALLER_CLIENTS, "account-console, default-app, " + TestRealm.USER_APP));
      HttpResult named = own.apiWithToken(token).create(Map.of("client_name", "by a named app"));
      assertEquals(201, named.status(), named::toString);

      own.admin().setRealmAttributes(own.name(), Map.of(TestRealm.CALLER_CLIENTS, ""));
      assertAccessDenied(own.apiWithToken(token).list(""));
      assertAccessDenied(own.api("dave").list(""));
    }
  }

  /** Nor can such an app keep an old secret alive, or end an owner's overlap. */
  @Test
  void anAppTokenCannotRotateOrEndAnOverlap() {
    createPasswordClient("overlap-app");
    JsonNode own = realm.api("alice").createNamed("Alice's, rotated by her");
    String clientId = own.get("client_id").asText();
    String secret = own.get("client_secret").asText();
    HttpResult rotated =
        realm.api("alice").rotate(clientId, Map.of("previous_secret_expires_in", 600));
    assertEquals(200, rotated.status(), rotated::toString);
    String shown = realm.api("alice").read(clientId).body();

    String appToken = passwordGrant("overlap-app", "alice");
    assertAccessDenied(
        realm.apiWithToken(appToken).rotate(clientId, Map.of("previous_secret_expires_in", 600)));
    assertAccessDenied(realm.apiWithToken(appToken).endOverlap(clientId));
    assertEquals(shown, realm.api("alice").read(clientId).body(), "nothing changed");
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
  }

  /** A public app of the realm with direct grants and no scope of its own: a "partner app". */
  private static String createPasswordClient(String clientId) {
    ObjectNode app = Json.object();
    app.put("clientId", clientId);
    app.put("publicClient", true);
    app.put("standardFlowEnabled", false);
    app.put("directAccessGrantsEnabled", true);
    app.put("fullScopeAllowed", false);
    String location =
        Admin.expect(201, realm.admin().call("POST", "/" + realm.name() + "/clients", app))
            .header("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static void grantAccountRole(String clientUuid, String roleName) {
    String account = realm.admin().findClient(realm.name(), "account").get("id").asText();
    JsonNode role =
        Admin.expect(
                200,
                realm
                    .admin()
                    .call(
                        "GET",
                        "/" + realm.name() + "/clients/" + account + "/roles/" + roleName,
                        null))
            .json();
    Admin.expect(
        204,
        realm
            .admin()
            .call(
                "POST",
                "/"
                    + realm.name()
                    + "/clients/"
                    + clientUuid
                    + "/scope-mappings/clients/"
                    + account,
                Json.MAPPER.createArrayNode().add(role)));
  }

  private static String passwordGrant(String clientId, String username) {
    return realm.passwordGrant(clientId, username).get("access_token").asText();
  }

  @Test
  void aUsersTokenIssuedToASelfServiceClientIsRefused() {
    String redirectUri = "http://127.0.0.1:8765/callback";
    ObjectNode body = Json.object();
    body.put("client_name", "An app the user signs in to");
    body.putArray("redirect_uris").add(redirectUri);
    JsonNode app = realm.api("alice").create(body).json();

    JsonNode tokens =
        BrowserLogin.authorizationCode(
            realm,
            app.get("client_id").asText(),
            app.get("client_secret").asText(),
            redirectUri,
            "alice");
    JsonNode claims = Json.claims(tokens.get("access_token").asText());
    assertEquals(app.get("client_id").asText(), claims.get("azp").asText());
    assertEquals(realm.userId("alice"), claims.get("sub").asText(), "a human user's token");

    HttpResult result =
        listWithAuthorization(realm, "Bearer " + tokens.get("access_token").asText());
    assertAccessDenied(result);
  }

  @Test
  void aRealmWithoutTheFeatureAnswersFeatureDisabled() {
    try (TestRealm disabled = TestRealm.create(Map.of(), "carol")) {
      HttpResult result = disabled.api("carol").list("");
      assertEquals(403, result.status(), result::toString);
      assertEquals("feature_disabled", result.error());
      HttpResult create = disabled.api("carol").create(Map.of("client_name", "x"));
      assertEquals(403, create.status());
    }
  }

  @Test
  void aRequiredRoleKeepsOutUsersWithoutIt() {
    try (TestRealm guarded =
        TestRealm.create(
            Policy.enabled().with(PolicySetting.REQUIRED_ROLE, "api-user").attributes(), "dave")) {
      HttpResult denied = guarded.api("dave").list("");
      assertEquals(403, denied.status(), denied::toString);
      assertEquals("access_denied", denied.error());

      guarded.admin().createRealmRole(guarded.name(), "api-user");
      guarded.admin().setRealmRoleMapping(guarded.name(), guarded.userId("dave"), "api-user", true);
      assertEquals(200, guarded.api("dave").list("").status());
    }
  }

  @Test
  void preflightAndResponsesCarryCorsHeadersForAllowedOrigins() {
    HttpResult preflight =
        Http.send(
            "OPTIONS",
            realm.url() + "/oauth2-clients/some-id",
            Map.of(
                "Origin", "https://portal.example.com",
                "Access-Control-Request-Method", "PATCH",
                "Access-Control-Request-Headers", "authorization, content-type"),
            null);
    assertEquals(200, preflight.status(), preflight::toString);
    assertEquals("https://portal.example.com", preflight.header("Access-Control-Allow-Origin"));
    assertTrue(preflight.header("Access-Control-Allow-Methods").contains("PATCH"));
    assertTrue(preflight.header("Access-Control-Allow-Headers").contains("Authorization"));
  }

  private static void assertAccessDenied(HttpResult result) {
    assertEquals(403, result.status(), result::toString);
    assertEquals("access_denied", result.error());
  }
}
