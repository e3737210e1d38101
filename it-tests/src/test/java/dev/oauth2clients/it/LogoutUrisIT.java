package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hydra's logout fields set Keycloak's own: the front-channel URI with Keycloak's front-channel
 * switch, and the back-channel URI, which Keycloak's logout reaches with a logout token (OpenID
 * Connect Back-Channel Logout), here at a small HTTP server the test runs on loopback.
 */
class LogoutUrisIT {

  private static final String REDIRECT = "https://app.example.com/cb";
  private static final String FRONT = "https://app.example.com/logged-out";
  private static final String BACKCHANNEL_EVENT =
      "http://schemas.openid.net/event/backchannel-logout";

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");

  private static final BlockingQueue<String> logoutBodies = new LinkedBlockingQueue<>();
  private static HttpServer logoutServer;

  @BeforeAll
  static void startTheClientsLogoutEndpoint() throws IOException {
    logoutServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    logoutServer.createContext(
        "/logout",
        exchange -> {
          logoutBodies.add(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    logoutServer.start();
  }

  @AfterAll
  static void stopIt() {
    logoutServer.stop(0);
  }

  @Test
  void keycloaksLogoutReachesTheBackChannelUriWithALogoutToken() throws Exception {
    String backchannel = "http://127.0.0.1:" + logoutServer.getAddress().getPort() + "/logout";
    ClientsApi alice = realm.api("alice");
    HttpResult created =
        alice.create(
            Map.of(
                "client_name",
                "Signs users out",
                "redirect_uris",
                List.of(REDIRECT),
                "frontchannel_logout_uri",
                FRONT,
                "backchannel_logout_uri",
                backchannel));
    assertEquals(201, created.status(), created::toString);
    String clientId = created.json().get("client_id").asText();
    JsonNode read = alice.read(clientId).json();
    assertEquals(FRONT, read.get("frontchannel_logout_uri").asText());
    assertEquals(backchannel, read.get("backchannel_logout_uri").asText());
    JsonNode keycloaks = realm.admin().findClient(realm.name(), clientId);
    assertFalse(
        keycloaks.get("frontchannelLogout").asBoolean(),
        () -> "Keycloak skips the back channel of a front-channel client: " + keycloaks);
    assertEquals(FRONT, keycloaks.at("/attributes/frontchannel.logout.url").asText());
    assertEquals(backchannel, keycloaks.at("/attributes/backchannel.logout.url").asText());

    BrowserLogin.authorizationCode(
        realm, clientId, created.json().get("client_secret").asText(), REDIRECT, "alice");
    logoutBodies.clear();
    Admin.expect(
        204,
        realm
            .admin()
            .call(
                "POST", "/" + realm.name() + "/users/" + realm.userId("alice") + "/logout", null));

    String body = logoutBodies.poll(20, TimeUnit.SECONDS);
    assertNotNull(body, "no logout token reached " + backchannel);
    JsonNode claims = Json.claims(form(body).get("logout_token"));
    assertEquals(realm.userId("alice"), claims.get("sub").asText(), claims::toString);
    assertTrue(claims.get("aud").toString().contains(clientId), claims::toString);
    assertTrue(claims.path("events").has(BACKCHANNEL_EVENT), claims::toString);
  }

  @Test
  void removingTheUrisTakesThemOffKeycloaksClient() {
    ClientsApi alice = realm.api("alice");
    String clientId =
        alice
            .create(
                Map.of(
                    "client_name",
                    "Stops signing out",
                    "frontchannel_logout_uri",
                    FRONT,
                    "backchannel_logout_uri",
                    "https://app.example.com/backchannel"))
            .json()
            .get("client_id")
            .asText();
    Map<String, Object> frontOnly = new HashMap<>();
    frontOnly.put("backchannel_logout_uri", null);
    assertEquals(200, alice.patch(clientId, frontOnly).status());
    assertTrue(
        realm.admin().findClient(realm.name(), clientId).get("frontchannelLogout").asBoolean(),
        "a front-channel URI alone turns Keycloak's front-channel switch on");
    Map<String, Object> cleared = new HashMap<>();
    cleared.put("frontchannel_logout_uri", null);

    HttpResult patched = alice.patch(clientId, cleared);

    assertEquals(200, patched.status(), patched::toString);
    assertFalse(patched.json().has("frontchannel_logout_uri"), patched::toString);
    assertFalse(patched.json().has("backchannel_logout_uri"), patched::toString);
    JsonNode keycloaks = realm.admin().findClient(realm.name(), clientId);
    assertFalse(keycloaks.get("frontchannelLogout").asBoolean(), keycloaks::toString);
    ObjectNode attributes = (ObjectNode) keycloaks.get("attributes");
    assertFalse(attributes.has("frontchannel.logout.url"), attributes::toString);
    assertFalse(attributes.has("backchannel.logout.url"), attributes::toString);
  }

  @Test
  void aLogoutUriOutsideTheRuleChangesNothing() {
    ClientsApi alice = realm.api("alice");
    for (Map.Entry<String, Object> bad :
        List.<Map.Entry<String, Object>>of(
            Map.entry("backchannel_logout_uri", "http://internal.example.com/logout"),
            Map.entry("backchannel_logout_uri", "ftp://app.example.com/logout"),
            Map.entry("frontchannel_logout_uri", "javascript:alert(1)"),
            Map.entry("frontchannel_logout_uri", List.of(FRONT)))) {
      int before = alice.list("").json().size();
      HttpResult refused =
          alice.create(Map.of("client_name", "Refused", bad.getKey(), bad.getValue()));
      assertEquals(400, refused.status(), () -> bad + ": " + refused);
      assertEquals("invalid_client_metadata", refused.error(), () -> bad + ": " + refused);
      assertEquals(before, alice.list("").json().size(), "nothing was made");
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      String[] nameAndValue = pair.split("=", 2);
      fields.put(
          URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
          URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
    }
    return fields;
  }
}
