package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A user's consent covers the client as it was: once its owner (or whoever holds the owner's token)
 * changes where codes go or how the consent page presents it, every user sees that page again.
 */
class ConsentWithdrawalIT {

  private static final String FIRST_URI = "https://app.example.com/cb";

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice", "bob");

  @BeforeAll
  static void createRealm() {
    realm.admin().enableEvents(realm.name());
  }

  @Test
  void aChangeToWhatUsersConsentedToWithdrawsTheirConsentAndTheEventCountsIt() {
    JsonNode made =
        realm
            .api("alice")
            .create(Map.of("client_name", "Consented", "redirect_uris", List.of(FIRST_URI)))
            .json();
    String clientId = made.get("client_id").asText();
    String secret = made.get("client_secret").asText();
    String serviceRefresh =
        realm.tokens().clientCredentials(clientId, secret).json().get("refresh_token").asText();

    List<Map<String, Object>> changes =
        List.of(
            Map.of("redirect_uris", List.of(FIRST_URI, "https://elsewhere.example.net/cb")),
            Map.of("client_name", "Consented, renamed"),
            Map.of("logo_uri", "https://app.example.com/logo.png"),
            Map.of("policy_uri", "https://app.example.com/privacy"),
            Map.of("tos_uri", "https://app.example.com/terms"));
    for (Map<String, Object> change : changes) {
      String userRefresh = consent(clientId, secret);
      assertEquals(
          200, realm.api("alice").patch(clientId, Map.of("description", "x" + change)).status());
      assertTrue(hasConsent("bob", clientId), "a description is not on the consent page");

      HttpResult changed = realm.api("alice").patch(clientId, change);
      assertEquals(200, changed.status(), changed::toString);

      assertTrue(!hasConsent("bob", clientId), "consent withdrawn after " + change);
      HttpResult refused = realm.tokens().refresh(clientId, secret, userRefresh);
      assertEquals(400, refused.status(), () -> "bob's refresh after " + change + ": " + refused);
      assertEquals("1", lastUpdate(clientId).path("details").path("consents_withdrawn").asText());
    }
    HttpResult serviceAccount = realm.tokens().refresh(clientId, secret, serviceRefresh);
    assertEquals(200, serviceAccount.status(), "the client's own consent stays: " + serviceAccount);
    assertEquals(
        200, realm.api("alice").patch(clientId, Map.of("contacts", List.of("a@b.c"))).status());
    assertEquals("0", lastUpdate(clientId).path("details").path("consents_withdrawn").asText());
  }

  /** Bob signs in through the client and consents; returns his refresh token. */
  private static String consent(String clientId, String secret) {
    JsonNode tokens = BrowserLogin.authorizationCode(realm, clientId, secret, FIRST_URI, "bob");
    assertTrue(hasConsent("bob", clientId));
    return tokens.get("refresh_token").asText();
  }

  private static boolean hasConsent(String username, String clientId) {
    JsonNode consents =
        Admin.expect(
                200,
                realm
                    .admin()
                    .call(
                        "GET",
                        "/" + realm.name() + "/users/" + realm.userId(username) + "/consents",
                        null))
            .json();
    for (JsonNode consent : consents) {
      if (clientId.equals(consent.path("clientId").asText())) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode lastUpdate(String clientId) {
    return realm.admin().lastEvent(realm.name(), clientId, "CLIENT_UPDATE");
  }
}
