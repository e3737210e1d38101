package dev.oauth2clients.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

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

  private static TestRealm realm;
  private Browser browser;

  @BeforeAll
  static void createRealm() {
    realm =
        TestRealm.create(
            Map.of("oauth2-clients.enabled", "true"),
            representation -> representation.put("accountTheme", "oauth2-clients"),
            "dana");
  }

  @AfterAll
  static void deleteRealm() {
    realm.close();
  }

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

  @Test
  void aClientAnAdminDisabledIsShownAsSuch() {
    String clientId =
        realm.api("dana").createNamed("Stopped by the admin").get("client_id").asText();
    realm.admin().setClientEnabled(realm.name(), clientId, false);

    browser.go(realm.url() + "/account/");
    browser.click(By.linkText("API clients"));

    By row = By.cssSelector("[data-testid=client-row-" + clientId + "]");
    browser.waitForText(row, "Disabled by an administrator");
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
