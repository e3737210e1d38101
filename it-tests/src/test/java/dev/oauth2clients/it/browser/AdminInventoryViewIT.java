package dev.oauth2clients.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.it.Policy;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * With the admin theme "oauth2-clients", the realm admin finds the realm's self-service clients
 * under the policy form of the oauth2-clients tab, filters them by owner, pages through them and
 * revokes a client's secrets, which the token endpoint then refuses.
 */
class AdminInventoryViewIT {

  private static final String THEME = "oauth2-clients";
  private static final By ROW = By.cssSelector("[data-testid=inventory-row]");
  private static final By OWNER = By.cssSelector("[data-testid=inventory-owner]");
  private static final By PER_PAGE = By.cssSelector("[data-testid=inventory-max]");
  private static final By SEARCH = By.cssSelector("[data-testid=inventory-search]");
  private static final By NEXT = By.cssSelector("[data-testid=inventory-next]");
  private static final By PREVIOUS = By.cssSelector("[data-testid=inventory-prev]");
  private static final By REVOKE = By.cssSelector("[data-testid=inventory-revoke]");
  private static final By CONFIRM = By.cssSelector("[data-testid=inventory-confirm]");
  private static final By ALERT = By.cssSelector("[data-testid=inventory-alert]");

  @RegisterExtension
  static final TestRealm realm = TestRealm.perClass(Policy.enabled().attributes(), "olga", "piet");

  private static String themeBefore;

  /** The console's theme is chosen when its page is served: set before the browser signs in. */
  @BeforeAll
  static void useTheAdminTheme() {
    themeBefore = setMasterAdminTheme(THEME);
  }

  @AfterAll
  static void restoreTheAdminTheme() {
    setMasterAdminTheme(themeBefore);
  }

  @Test
  void theAdminFiltersPagesAndRevokesAClientsSecretsOnTheTab() {
    // An owner-chosen name with markup: the view must show it as text.
    JsonNode exporter = realm.api("olga").createNamed("Olga's <b>exporter</b>");
    JsonNode reporter = realm.api("piet").createNamed("Piet's reporter");
    JsonNode importer = realm.api("olga").createNamed("Olga's importer");

    try (Browser browser = Browser.open()) {
      browser.openPolicyTab(realm.name());
      waitForRows(browser, exporter, reporter, importer);
      assertTrue(
          browser.all(ROW).get(0).getText().contains("Olga's <b>exporter</b>"),
          "a name is shown as written");
      assertTrue(
          browser.all(By.cssSelector("#oauth2-clients-inventory tbody b")).isEmpty(),
          "a name's markup is never made into elements");

      browser.type(OWNER, "olga");
      browser.type(PER_PAGE, "1");
      browser.click(SEARCH);
      waitForRows(browser, exporter);
      assertTrue(isDisabled(browser.visible(PREVIOUS)), "the first page has none before it");
      browser.click(NEXT);
      waitForRows(browser, importer);
      browser.waitUntil(
          "no page after olga's last client", () -> isDisabled(browser.visible(NEXT)));
      browser.click(PREVIOUS);
      waitForRows(browser, exporter);

      browser.type(OWNER, "");
      browser.type(PER_PAGE, "10");
      browser.click(SEARCH);
      waitForRows(browser, exporter, reporter, importer);
      browser.click(selectBox(importer));
      browser.click(REVOKE);
      browser.click(CONFIRM);
      browser.waitForText(ALERT, "Revoked the secrets of 1 client.");
      browser.waitUntil(
          "the importer's row shows when its secret was revoked",
          () -> !rowText(browser, 2).contains("—"));
      assertTrue(rowText(browser, 1).contains("—"), "the others keep theirs");
      browser.scrollTo(By.id("oauth2-clients-inventory"));
      browser.screenshot("admin-inventory");
    }

    HttpResult revoked = grant(importer);
    assertEquals(401, revoked.status(), revoked::toString);
    assertEquals("invalid_client", revoked.error());
    assertEquals(200, grant(exporter).status(), "the owner's other client still works");
    assertEquals(200, grant(reporter).status(), "another owner's client still works");
  }

  private static HttpResult grant(JsonNode client) {
    return realm
        .tokens()
        .clientCredentials(client.get("client_id").asText(), client.get("client_secret").asText());
  }

  private static By selectBox(JsonNode client) {
    return By.cssSelector(
        "[data-testid='inventory-select-" + client.get("client_id").asText() + "']");
  }

  /** Waits until the table shows exactly these clients, in this order. */
  private static void waitForRows(Browser browser, JsonNode... clients) {
    List<String> expected =
        Arrays.stream(clients).map(client -> client.get("client_id").asText()).toList();
    browser.waitUntil("the rows " + expected, () -> expected.equals(shownClientIds(browser)));
  }

  private static List<String> shownClientIds(Browser browser) {
    try {
      return browser.all(ROW).stream().map(row -> row.getDomAttribute("data-client-id")).toList();
    } catch (StaleElementReferenceException redrawn) {
      return List.of();
    }
  }

  private static String rowText(Browser browser, int index) {
    try {
      List<WebElement> rows = browser.all(ROW);
      return rows.size() > index ? rows.get(index).getText() : "";
    } catch (StaleElementReferenceException redrawn) {
      return "";
    }
  }

  private static boolean isDisabled(WebElement button) {
    return Boolean.parseBoolean(button.getDomProperty("disabled"));
  }

  /** Sets the master realm's admin theme and answers the one it had ("" for the default). */
  private static String setMasterAdminTheme(String theme) {
    Admin admin = new Admin(KeycloakServer.get().baseUrl());
    ObjectNode master = (ObjectNode) admin.realm("master");
    String before = master.path("adminTheme").asText("");
    master.put("adminTheme", theme);
    Admin.expect(204, admin.call("PUT", "/master", master));
    return before;
  }
}
