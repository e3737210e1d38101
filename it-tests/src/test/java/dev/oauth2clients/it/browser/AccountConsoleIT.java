package dev.oauth2clients.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.it.LineIndependent;
import dev.oauth2clients.it.Policy;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientKey;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.LeakReports;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A user manages their API clients on the account console's "API clients" page in a real browser,
 * and the secret the page shows works at Keycloak's token endpoint.
 */
class AccountConsoleIT {

  private static final By CREATE = By.cssSelector("[data-testid=create-client]");
  private static final By SAVE = By.cssSelector("[data-testid=save-client]");
  private static final By NEW_CLIENT_ID = By.cssSelector("[data-testid=new-client-id] input");
  private static final By NEW_SECRET = By.cssSelector("[data-testid=new-client-secret] input");
  private static final By CLOSE_SECRET = By.cssSelector("[data-testid=close-secret]");
  private static final By CONFIRM = By.cssSelector("[data-testid=confirm]");
  private static final By FORM_ERROR = By.cssSelector("[data-testid=form-error]");
  private static final By NEW_SECRET_EXPIRY = By.cssSelector("[data-testid=new-secret-expiry]");
  private static final String MAX_SECRET_LIFETIME = PolicySetting.MAX_SECRET_LIFETIME.attribute;
  private static final String GRANTABLE = "oauth2-clients.grantable";
  // How the page writes a day in the browser's English (--lang=en-US): "December 2, 2026".
  private static final DateTimeFormatter DAY_AS_SHOWN =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneId.systemDefault());

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Policy.enabled()
              .with(PolicySetting.CLIENT_TYPES, "confidential,public,private_key_jwt")
              .attributes(),
          representation -> representation.put("accountTheme", "oauth2-clients"),
          "dana");

  private Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.open();
    browser.go(realm.url() + "/account/");
    browser.signIn("dana", TestRealm.PASSWORD);
    browser.click(By.linkText("API clients"));
    browser.visible(CREATE);
  }

  @AfterEach
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void createUseEditRotateAndDeleteAClientFromThePage() {
    browser.click(CREATE);
    browser.type(By.id("client-name"), "Nightly export");
    browser.type(By.id("client-description"), "Copies reports to the data lake");
    browser.type(By.id("client-redirect-uris"), "http://localhost:8765/callback");
    browser.click(SAVE);

    String clientId = browser.visible(NEW_CLIENT_ID).getDomProperty("value");
    String secret = browser.visible(NEW_SECRET).getDomProperty("value");
    browser.screenshot("account-api-clients-secret");
    assertTrue(clientId.startsWith("ssc-"), clientId);
    assertGrants(clientId, secret);
    JsonNode stored = realm.api("dana").read(clientId).json();
    assertEquals("Nightly export", stored.get("client_name").asText());
    assertEquals("http://localhost:8765/callback", stored.get("redirect_uris").get(0).asText());

    browser.click(CLOSE_SECRET);
    browser.waitUntilGone(NEW_SECRET);
    By row = By.cssSelector("[data-testid=client-row-" + clientId + "]");
    browser.waitForText(row, "Nightly export");

    chooseAction(clientId, "Edit");
    browser.type(By.id("client-name"), "Nightly export v2");
    browser.click(SAVE);
    browser.waitForText(row, "Nightly export v2");
    assertEquals(
        "Nightly export v2", realm.api("dana").read(clientId).json().get("client_name").asText());
    assertEquals(
        "Copies reports to the data lake",
        realm.api("dana").read(clientId).json().get("description").asText(),
        "fields the form did not change stay as they were");
    browser.screenshot("account-api-clients");

    chooseAction(clientId, "Rotate secret");
    browser.click(CONFIRM);
    String rotated = browser.visible(NEW_SECRET).getDomProperty("value");
    assertNotEquals(secret, rotated);
    assertRefused(clientId, secret);
    assertGrants(clientId, rotated);
    browser.click(CLOSE_SECRET);
    browser.waitUntilGone(NEW_SECRET);

    chooseAction(clientId, "Delete");
    browser.click(CONFIRM);
    browser.waitUntilGone(row);
    assertRefused(clientId, rotated);
    assertEquals(0, realm.api("dana").list("").json().size());
  }

  /**
   * The kind is chosen on create; a key-pair client takes a pasted JWK set, and a set that is no
   * JSON, or that holds a private key, is explained before anything is made. The page is the
   * provider's own, and ClientKindsIT makes key clients on every line.
   */
  @Test
  @LineIndependent
  void aKeyPairClientIsMadeFromAPastedJwkSetAndBadKeysAreExplained() {
    browser.click(CREATE);
    browser.type(By.id("client-name"), "Signing service");
    browser.choose(
        By.id("client-kind"), "Key pair: signs its requests with a private key it keeps");
    browser.type(By.id("client-jwks"), "{\"keys\": [");
    browser.waitForText(
        By.cssSelector(".pf-v5-c-helper-text__item.pf-m-error"), "This is not JSON");
    assertFalse(browser.visible(SAVE).isEnabled(), "nothing to send while the set is not JSON");

    ClientKey key = ClientKey.rsa("signing");
    ObjectNode leaky = key.jwks();
    ((ObjectNode) leaky.get("keys").get(0)).put("d", "AQAB");
    browser.type(By.id("client-jwks"), Json.write(leaky));
    browser.click(SAVE);
    browser.waitForText(FORM_ERROR, "public keys only");
    browser.scrollTo(FORM_ERROR);
    browser.screenshot("account-api-clients-bad-key");
    assertEquals(0, realm.api("dana").list("").json().size(), "a refused key made nothing");

    browser.type(By.id("client-jwks"), Json.write(key.jwks()));
    browser.type(By.id("client-backchannel-logout"), "https://signer.example.com/logout");
    browser.click(SAVE);
    browser.waitUntil(
        "the new client is made", () -> realm.api("dana").list("").json().size() == 1);
    JsonNode made = realm.api("dana").list("").json().get(0);
    String clientId = made.get("client_id").asText();
    browser.waitForText(testId("kind-" + clientId), "Key pair: no secret");
    assertFalse(browser.isPresent(NEW_SECRET), "a key-pair client has no secret to show");
    assertEquals("private_key_jwt", made.get("token_endpoint_auth_method").asText());
    assertEquals(key.jwks(), made.get("jwks"));
    assertEquals("https://signer.example.com/logout", made.get("backchannel_logout_uri").asText());
    HttpResult grant =
        realm
            .tokens()
            .post(ClientKey.clientCredentialsForm(clientId, key.assertion(clientId, realm.url())));
    assertEquals(200, grant.status(), grant::toString);
    browser.screenshot("account-api-clients-key-pair");
    realm.api("dana").delete(clientId);
  }

  @Test
  void aClientAnAdminDisabledIsShownAsSuch() {
    String clientId =
        realm.api("dana").createNamed("Stopped by the admin").get("client_id").asText();
    realm.admin().setClientEnabled(realm.name(), clientId, false);

    browser.go(realm.url() + "/account/");
    browser.click(By.linkText("API clients"));

    By row = By.cssSelector("[data-testid=client-row-" + clientId + "]");
    browser.waitForText(row, "Disabled by an administrator");
    assertEquals(
        403,
        realm.api("dana").delete(clientId).status(),
        "only an administrator deletes a client they disabled");
    String id = realm.admin().findClient(realm.name(), clientId).get("id").asText();
    Admin.expect(204, realm.admin().call("DELETE", "/" + realm.name() + "/clients/" + id, null));
  }

  /** A secret someone reported as found is shown as revoked until the owner rotates it. */
  @Test
  void aReportedSecretIsShownAsRevoked() {
    JsonNode created = realm.api("dana").createNamed("Found on a paste site");
    String clientId = created.get("client_id").asText();
    assertEquals(
        202,
        LeakReports.report(realm.url(), List.of(created.get("client_secret").asText())).status());

    browser.go(realm.url() + "/account/");
    browser.click(By.linkText("API clients"));

    assertShowsMoment(
        testId("secret-revoked-" + clientId),
        realm.api("dana").read(clientId).json().get("secret_revoked_at"));
    assertTrue(browser.visible(testId("secret-revoked-" + clientId)).getText().contains("rotate"));
    assertEquals(204, realm.api("dana").delete(clientId).status());
  }

  @Test
  void aRefusedFormSaysWhyInWordsAndCreatesNothing() {
    browser.click(CREATE);
    browser.type(By.id("client-name"), "Bad redirect");
    browser.type(By.id("client-redirect-uris"), "http://example.com/callback");
    browser.click(SAVE);

    String shown = browser.visible(FORM_ERROR).getText();
    browser.screenshot("account-api-clients-error");
    assertTrue(shown.contains("A redirect URI is not accepted."), shown);
    assertFalse(shown.contains("invalid_redirect_uri"), "codes stay out of the page: " + shown);
    assertFalse(browser.isPresent(NEW_SECRET));
    assertEquals(0, realm.api("dana").list("").json().size());
  }

  @Test
  void aSecretsLifetimeAndARotationsOverlapShowOnThePageAndHoldAtTheTokenEndpoint() {
    browser.click(CREATE);
    browser.type(By.id("client-name"), "Deploy bot");
    browser.choose(By.id("secret-lifetime"), "90 days");
    long beforeCreate = Instant.now().getEpochSecond();
    browser.click(SAVE);
    String clientId = browser.visible(NEW_CLIENT_ID).getDomProperty("value");
    String first = browser.visible(NEW_SECRET).getDomProperty("value");
    long afterCreate = Instant.now().getEpochSecond();
    long firstExpiresAt = read(clientId).get("client_secret_expires_at").asLong();
    assertBetween(beforeCreate, afterCreate, firstExpiresAt - Duration.ofDays(90).toSeconds());
    assertShowsMoment(NEW_SECRET_EXPIRY, firstExpiresAt);
    browser.click(CLOSE_SECRET);
    browser.waitUntilGone(NEW_SECRET);
    assertShowsMoment(testId("secret-expiry-" + clientId), firstExpiresAt);
    assertEquals("Not used yet", browser.visible(testId("last-used-" + clientId)).getText());
    assertFalse(browser.isPresent(testId("previous-secret-expiry-" + clientId)));

    chooseAction(clientId, "Rotate secret");
    browser.choose(By.id("rotate-secret-lifetime"), "30 days");
    browser.choose(By.id("rotate-overlap"), "1 day");
    browser.screenshot("account-secret-rotate");
    long beforeRotation = Instant.now().getEpochSecond();
    browser.click(CONFIRM);
    String second = browser.visible(NEW_SECRET).getDomProperty("value");
    long afterRotation = Instant.now().getEpochSecond();
    JsonNode rotated = read(clientId);
    long secondExpiresAt = rotated.get("client_secret_expires_at").asLong();
    long overlapEndsAt = rotated.get("previous_secret_expires_at").asLong();
    assertBetween(beforeRotation, afterRotation, secondExpiresAt - Duration.ofDays(30).toSeconds());
    assertBetween(beforeRotation, afterRotation, overlapEndsAt - Duration.ofDays(1).toSeconds());
    browser.waitForText(NEW_SECRET_EXPIRY, "The previous secret keeps working until");
    assertShowsMoment(
        By.cssSelector("[data-testid=new-secret-expiry] time:last-of-type"), overlapEndsAt);

    assertGrants(clientId, first);
    assertGrants(clientId, second);
    browser.click(CLOSE_SECRET);
    browser.waitUntilGone(NEW_SECRET);
    // The list the page holds predates the grants; a fresh load shows their use.
    JsonNode used = read(clientId);
    browser.go(realm.url() + "/account/api-clients");
    assertShowsMoment(testId("secret-expiry-" + clientId), secondExpiresAt);
    assertShowsMoment(testId("previous-secret-expiry-" + clientId), overlapEndsAt);
    assertShowsMoment(testId("last-used-" + clientId), used.get("last_used_at"));
    assertShowsMoment(testId("secret-last-used-" + clientId), used.get("secret_last_used_at"));
    assertShowsMoment(
        testId("previous-secret-last-used-" + clientId), used.get("previous_secret_last_used_at"));
    browser.screenshot("account-secret-lifecycle");

    browser.click(testId("end-overlap-" + clientId));
    browser.click(CONFIRM);
    browser.waitUntilGone(testId("previous-secret-expiry-" + clientId));
    assertRefused(clientId, first);
    assertGrants(clientId, second);
    assertFalse(read(clientId).has("previous_secret_expires_at"));
    assertShowsMoment(testId("secret-expiry-" + clientId), secondExpiresAt);
    assertEquals(204, realm.api("dana").delete(clientId).status());
  }

  @Test
  void aLifetimeBeyondTheRealmsMaximumIsRefusedInWordsAndCreatesNothing() {
    realm.setAttributes(
        Map.of(MAX_SECRET_LIFETIME, String.valueOf(Duration.ofDays(30).toSeconds())));
    try {
      browser.click(CREATE);
      browser.type(By.id("client-name"), "Too long lived");
      browser.choose(By.id("secret-lifetime"), "Custom number of days");
      browser.type(By.id("secret-lifetime-days"), "45");
      browser.click(SAVE);

      String shown = browser.visible(FORM_ERROR).getText();
      assertTrue(shown.contains("Some of the details are not accepted."), shown);
      assertTrue(shown.contains("maximum"), "the server's reason is shown: " + shown);
      assertFalse(
          shown.contains("invalid_client_metadata"), "codes stay out of the page: " + shown);
      assertFalse(browser.isPresent(NEW_SECRET));
      assertEquals(0, realm.api("dana").list("").json().size());
    } finally {
      // blank is the attribute's default: no maximum, as the other tests expect
      realm.setAttributes(Map.of(MAX_SECRET_LIFETIME, ""));
    }
  }

  @Test
  void theRolePickerOffersOnlyGrantableRolesAndKeepsAChosenOneThatNoLongerIs() {
    String reader = "invoice-reader";
    String approver = "invoice-approver";
    createRealmRole(reader, "Reads invoices");
    createRealmRole(approver, "Approves payments");
    markGrantable(reader, true);
    for (String role : List.of(reader, approver)) {
      realm.admin().setRealmRoleMapping(realm.name(), realm.userId("dana"), role, true);
    }
    try {
      browser.click(CREATE);
      browser.type(By.id("client-name"), "Invoice reader");
      By readerBox = testId("realm-role-" + reader);
      browser.visible(readerBox);
      WebElement picker = browser.visible(testId("client-roles"));
      assertEquals(
          1,
          picker.findElements(By.cssSelector("input[type=checkbox]")).size(),
          "only the one grantable role is offered: " + picker.getText());
      assertFalse(browser.isPresent(testId("realm-role-" + approver)), picker.getText());
      assertTrue(picker.getText().contains("Reads invoices"), picker.getText());
      assertFalse(browser.visible(readerBox).isSelected());
      browser.click(readerBox);
      browser.type(By.id("access-token-lifespan"), "600");
      assertTrue(browser.visible(readerBox).isSelected());
      browser.screenshot("account-client-roles");
      browser.click(SAVE);

      String clientId = browser.visible(NEW_CLIENT_ID).getDomProperty("value");
      String secret = browser.visible(NEW_SECRET).getDomProperty("value");
      JsonNode stored = read(clientId);
      assertEquals(List.of(reader), texts(stored.path("realm_roles")), stored::toString);
      assertEquals(600, stored.path("access_token_lifespan").asInt(), stored::toString);
      HttpResult grant = realm.tokens().clientCredentials(clientId, secret);
      assertEquals(200, grant.status(), grant::toString);
      JsonNode claims = Json.claims(grant.json().get("access_token").asText());
      List<String> tokenRoles = texts(claims.at("/realm_access/roles"));
      assertTrue(tokenRoles.contains(reader), claims::toString);
      assertFalse(tokenRoles.contains(approver), claims::toString);
      assertEquals(600, grant.json().get("expires_in").asInt(), grant::toString);
      browser.click(CLOSE_SECRET);
      browser.waitUntilGone(NEW_SECRET);
      browser.waitForText(testId("roles-" + clientId), reader);
      browser.waitForText(testId("token-lifespan-" + clientId), "10 minutes");
      browser.screenshot("account-client-roles-list");

      // An admin takes the role's mark away: the page still shows it chosen, marked, and a save
      // of another field keeps it.
      markGrantable(reader, false);
      browser.go(realm.url() + "/account/api-clients");
      browser.visible(By.cssSelector("[data-testid=roles-" + clientId + "] .pf-m-outline"));
      chooseAction(clientId, "Edit");
      assertTrue(browser.visible(readerBox).isSelected(), "the chosen role is still shown chosen");
      browser.waitForText(testId("client-roles"), "Not currently granted");
      assertEquals("600", browser.visible(By.id("access-token-lifespan")).getDomProperty("value"));
      browser.type(By.id("client-name"), "Invoice reader v2");
      browser.screenshot("account-client-roles-kept");
      browser.click(SAVE);
      browser.waitForText(
          By.cssSelector("[data-testid=client-row-" + clientId + "]"), "Invoice reader v2");
      JsonNode saved = read(clientId);
      assertEquals("Invoice reader v2", saved.get("client_name").asText());
      assertEquals(List.of(reader), texts(saved.path("realm_roles")), saved::toString);
      assertEquals(600, saved.path("access_token_lifespan").asInt(), saved::toString);
    } finally {
      // The other tests expect dana to own no client.
      for (JsonNode client : realm.api("dana").list("").json()) {
        realm.api("dana").delete(client.get("client_id").asText());
      }
    }
  }

  /**
   * The page shows {@code epochSeconds} in a {@code <time>} element (within {@code shown}) whose
   * machine-readable moment is exactly the server's and whose words name the same day.
   */
  private void assertShowsMoment(By shown, long epochSeconds) {
    assertShowsMoment(shown, Instant.ofEpochSecond(epochSeconds));
  }

  /** The same for an RFC 3339 moment of the API, which must be there. */
  private void assertShowsMoment(By shown, JsonNode rfc3339) {
    assertTrue(rfc3339 != null && rfc3339.isTextual(), "the API has a moment: " + rfc3339);
    assertShowsMoment(shown, Instant.parse(rfc3339.asText()));
  }

  private void assertShowsMoment(By shown, Instant moment) {
    WebElement time = browser.visible(shown);
    if (!time.getTagName().equals("time")) {
      time = time.findElement(By.tagName("time"));
    }
    assertEquals(moment, Instant.parse(time.getDomAttribute("datetime")));
    assertTrue(time.getText().startsWith(DAY_AS_SHOWN.format(moment)), time.getText());
  }

  private static void assertBetween(long low, long high, long value) {
    assertTrue(low <= value && value <= high, value + " is not in [" + low + ", " + high + "]");
  }

  private static void createRealmRole(String role, String description) {
    Admin.expect(
        201,
        realm
            .admin()
            .call(
                "POST",
                "/" + realm.name() + "/roles",
                Map.of("name", role, "description", description)));
  }

  /** Sets the role's grantable mark, the way a realm admin does over the admin REST API. */
  private static void markGrantable(String role, boolean grantable) {
    String path = "/" + realm.name() + "/roles/" + role;
    ObjectNode representation =
        (ObjectNode) Admin.expect(200, realm.admin().call("GET", path, null)).json();
    representation.putObject("attributes").putArray(GRANTABLE).add(String.valueOf(grantable));
    Admin.expect(204, realm.admin().call("PUT", path, representation));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(element -> texts.add(element.asText()));
    return texts;
  }

  private static By testId(String id) {
    return By.cssSelector("[data-testid=" + id + "]");
  }

  private static JsonNode read(String clientId) {
    HttpResult read = realm.api("dana").read(clientId);
    assertEquals(200, read.status(), read::toString);
    return read.json();
  }

  private void chooseAction(String clientId, String action) {
    browser.click(
        By.xpath(
            "//tr[@data-testid='client-row-"
                + clientId
                + "']//button[@aria-label='Kebab toggle']"));
    browser.click(By.xpath("//*[@role='menuitem'][normalize-space()='" + action + "']"));
  }

  private static void assertGrants(String clientId, String secret) {
    HttpResult grant = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(200, grant.status(), grant::toString);
    assertTrue(grant.json().hasNonNull("access_token"), grant::toString);
    assertTrue(grant.json().hasNonNull("refresh_token"), grant::toString);
  }

  private static void assertRefused(String clientId, String secret) {
    HttpResult grant = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, grant.status(), grant::toString);
    assertEquals("invalid_client", grant.error());
  }
}
