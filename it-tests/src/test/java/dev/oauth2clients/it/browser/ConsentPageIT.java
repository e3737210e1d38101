package dev.oauth2clients.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * A client that alice made herself signs nobody in silently: whoever signs in through it, bob or
 * alice herself, first sees Keycloak's consent page, which names alice as its maker, and no code
 * reaches the client's redirect URI until they accept.
 */
class ConsentPageIT {

  private static final By CONSENT_PAGE = By.id("kc-oauth");
  private static final By MAKER_LINE =
      By.xpath("//*[@id='kc-oauth']//li[contains(., 'a user of this realm')]");
  private static final By ACCEPT = By.id("kc-login");
  private static final By DECLINE = By.id("kc-cancel");

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice", "bob");
  private RedirectCatcher app;
  private String clientId;
  private String secret;
  private Browser browser;

  @BeforeEach
  void aliceMakesAClient() {
    app = RedirectCatcher.start();
    HttpResult created =
        realm
            .api("alice")
            .create(Map.of("client_name", "Photo printer", "redirect_uris", List.of(app.uri())));
    assertEquals(201, created.status(), created::toString);
    clientId = created.json().get("client_id").asText();
    secret = created.json().get("client_secret").asText();
    browser = Browser.open();
  }

  @AfterEach
  void closeBrowserAndApp() {
    if (browser != null) {
      browser.close();
    }
    app.close();
  }

  @Test
  void bobSeesWhoMadeTheClientAndDecliningSendsNoCode() {
    signInThroughTheClient("bob");
    assertConsentPageNames("alice");
    browser.screenshot("consent-page");

    Map<String, String> declined = redirectAfter(() -> browser.click(DECLINE));
    assertEquals("access_denied", declined.get("error"), declined::toString);
    assertFalse(declined.containsKey("code"), declined::toString);
    assertFalse(hasConsented("bob"), "a refusal records no consent");

    // Keycloak sets its sign-in cookie only once consent is given: a refusal leaves none behind.
    Map<String, String> silent = redirectAfter(() -> browser.go(authorizationUrl("&prompt=none")));
    assertEquals("login_required", silent.get("error"), silent::toString);
  }

  /** The attack of issue 10: bob, signed in to the realm elsewhere, opens alice's link. */
  @Test
  void bobSignedInToAnotherAppIsNotSignedInSilently() {
    String otherApp = adminMadeApp();
    browser.go(authorizationUrl(otherApp, ""));
    Map<String, String> signedIn = redirectAfter(() -> browser.signIn("bob", TestRealm.PASSWORD));
    assertTrue(signedIn.containsKey("code"), "the admin's app needs no consent: " + signedIn);

    // Keycloak answers a prompt=none that would need its consent page with OIDC's generic
    // interaction_required, never with the more specific consent_required.
    Map<String, String> silent = redirectAfter(() -> browser.go(authorizationUrl("&prompt=none")));
    assertEquals("interaction_required", silent.get("error"), silent::toString);
    assertFalse(silent.containsKey("code"), silent::toString);

    consentPageBeforeAnyRedirect(() -> browser.go(authorizationUrl("")));
    assertConsentPageNames("alice");
  }

  @Test
  void bobWhoAcceptsGetsACodeForHisOwnTokensAndIsNotAskedAgain() {
    signInThroughTheClient("bob");
    assertConsentPageNames("alice");

    JsonNode tokens = exchange(redirectAfter(() -> browser.click(ACCEPT)));
    assertEquals(realm.userId("bob"), subject(tokens, "access_token"));
    assertEquals(realm.userId("bob"), subject(tokens, "id_token"));
    assertTrue(hasConsented("bob"), "Keycloak records the consent");

    // prompt=none cannot show a page, so a code here means Keycloak remembered the consent.
    JsonNode again = exchange(redirectAfter(() -> browser.go(authorizationUrl("&prompt=none"))));
    assertEquals(realm.userId("bob"), subject(again, "access_token"));
  }

  /** Keycloak's consent is per client, not per user: the owner is asked like everyone else. */
  @Test
  void aliceIsAskedToConsentToHerOwnClientToo() {
    signInThroughTheClient("alice");
    assertConsentPageNames("alice");
  }

  private void signInThroughTheClient(String username) {
    consentPageBeforeAnyRedirect(
        () -> {
          browser.go(authorizationUrl(""));
          browser.signIn(username, TestRealm.PASSWORD);
        });
  }

  /**
   * Waits for whatever follows {@code step}: the consent page, or (were consent not required) the
   * redirect to the app, so that a missing page fails at once and says why.
   */
  private void consentPageBeforeAnyRedirect(Runnable step) {
    int seen = app.received().size();
    step.run();
    browser.waitUntil(
        "the consent page or a redirect to the app",
        () -> browser.isPresent(CONSENT_PAGE) || app.received().size() > seen);
    assertEquals(seen, app.received().size(), () -> "reached the app first: " + app.received());
  }

  private void assertConsentPageNames(String owner) {
    String line = browser.visible(MAKER_LINE).getText();
    assertTrue(line.contains(owner), line);
    assertTrue(browser.isPresent(ACCEPT) && browser.isPresent(DECLINE), "the page asks yes or no");
  }

  private String authorizationUrl(String extra) {
    return authorizationUrl(clientId, extra);
  }

  private String authorizationUrl(String client, String extra) {
    return realm.url()
        + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=st-1"
        + "&client_id="
        + Http.encode(client)
        + "&redirect_uri="
        + Http.encode(app.uri())
        + extra;
  }

  /**
   * The query of the request that reaches the app after {@code step}, as the browser follows it.
   */
  private Map<String, String> redirectAfter(Runnable step) {
    int seen = app.received().size();
    step.run();
    browser.waitUntil("a redirect to the app", () -> app.received().size() > seen);
    Map<String, String> query = app.received().get(seen);
    assertEquals("st-1", query.get("state"), query::toString);
    return query;
  }

  private JsonNode exchange(Map<String, String> redirect) {
    assertTrue(redirect.containsKey("code"), redirect::toString);
    HttpResult tokens =
        realm
            .tokens()
            .post(
                Map.of(
                    "grant_type",
                    "authorization_code",
                    "code",
                    redirect.get("code"),
                    "redirect_uri",
                    app.uri(),
                    "client_id",
                    clientId,
                    "client_secret",
                    secret));
    assertEquals(200, tokens.status(), tokens::toString);
    return tokens.json();
  }

  /** An ordinary client an admin made, with the same redirect URI and no consent. */
  private String adminMadeApp() {
    String otherApp = "admin-made-app";
    Map<String, Object> representation =
        Map.of(
            "clientId",
            otherApp,
            "publicClient",
            true,
            "standardFlowEnabled",
            true,
            "redirectUris",
            List.of(app.uri()));
    Admin.expect(201, realm.admin().call("POST", "/" + realm.name() + "/clients", representation));
    return otherApp;
  }

  private static String subject(JsonNode tokens, String token) {
    return Json.claims(tokens.get(token).asText()).get("sub").asText();
  }

  private boolean hasConsented(String username) {
    String path = "/" + realm.name() + "/users/" + realm.userId(username) + "/consents";
    JsonNode consents = Admin.expect(200, realm.admin().call("GET", path, null)).json();
    for (JsonNode consent : consents) {
      if (clientId.equals(consent.path("clientId").asText())) {
        return true;
      }
    }
    return false;
  }
}
