package dev.oauth2clients.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oauth2clients.it.Policy;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A realm admin sets the policy on the provider's tab under Realm settings in Keycloak's admin
 * console, and the API enforces it on the next request.
 */
class AdminConsoleTabIT {

  private static final String QUOTA_ATTRIBUTE = PolicySetting.MAX_CLIENTS_PER_USER.attribute;
  private static final By QUOTA = By.cssSelector("input[data-testid=maxClientsPerUser]");
  private static final String MAX_LIFETIME_ATTRIBUTE = PolicySetting.MAX_SECRET_LIFETIME.attribute;
  private static final By MAX_LIFETIME = By.cssSelector("input[data-testid=maxSecretLifetime]");
  private static final By MAX_OVERLAP = By.cssSelector("input[data-testid=maxRotationOverlap]");
  private static final By NOTICE_DAYS = By.cssSelector("input[data-testid=expiryNoticeDays]");
  private static final By SECRET_PREFIX = By.cssSelector("input[data-testid=secretPrefix]");
  private static final By ENABLED = By.cssSelector("input[data-testid=enabled]");
  private static final By SAVE = By.cssSelector("[data-testid=save]");
  private static final By ERROR_ALERT = By.cssSelector(".pf-v5-c-alert.pf-m-danger");

  private TestRealm realm;

  @BeforeEach
  void createRealm() {
    realm =
        TestRealm.create(
            Policy.enabled().with(PolicySetting.MAX_CLIENTS_PER_USER, 5).attributes(), "quinn");
  }

  @AfterEach
  void deleteRealm() {
    realm.close();
  }

  @Test
  void theQuotaSavedOnTheTabIsEnforcedByTheApi() {
    realm.api("quinn").createNamed("first");
    realm.api("quinn").createNamed("second");

    try (Browser browser = Browser.open()) {
      openTab(browser);
      assertEquals("5", browser.visible(QUOTA).getDomProperty("value"), "the realm's quota");
      assertTrue(
          isChecked(browser.driverFind(ENABLED)),
          "the tab shows the feature on, as the realm attribute says");

      browser.type(QUOTA, "2");
      browser.click(SAVE);
      browser.waitUntil("the quota reaches the realm", () -> "2".equals(quotaAttribute()));

      HttpResult third = realm.api("quinn").create(Map.of("client_name", "third"));
      assertEquals(409, third.status(), third::toString);
      assertEquals("quota_exceeded", third.error());

      browser.type(QUOTA, "20000");
      browser.click(SAVE);
      String refusal = browser.visible(ERROR_ALERT).getText();
      assertTrue(refusal.contains("Max clients per user must be a whole number"), refusal);
      assertEquals("2", quotaAttribute(), "a refused save changes nothing");
    }
  }

  @Test
  void theSecretLifetimeMaximumAndNoticeLeadTimeSavedOnTheTabHold() {
    try (Browser browser = Browser.open()) {
      openTab(browser);
      assertEquals("604800", browser.visible(MAX_OVERLAP).getDomProperty("value"), "the default");
      browser.type(MAX_LIFETIME, "3600");
      browser.type(NOTICE_DAYS, "3");
      browser.click(SAVE);
      browser.waitUntil(
          "the maximum reaches the realm", () -> "3600".equals(attribute(MAX_LIFETIME_ATTRIBUTE)));
      browser.screenshot("admin-realm-tab");
    }
    assertEquals("3", attribute(PolicySetting.EXPIRY_NOTICE_DAYS.attribute));
    HttpResult beyond =
        realm.api("quinn").create(Map.of("client_name", "Too long", "secret_expires_in", 3601));
    assertEquals(400, beyond.status(), beyond::toString);
    HttpResult byDefault = realm.api("quinn").create(Map.of("client_name", "Capped"));
    long expiresIn =
        byDefault.json().get("client_secret_expires_at").asLong() - Instant.now().getEpochSecond();
    assertTrue(expiresIn > 3590 && expiresIn <= 3600, byDefault::toString);
  }

  @Test
  void theSecretPrefixSavedOnTheTabBeginsTheNextSecret() {
    String attribute = PolicySetting.SECRET_PREFIX.attribute;
    try (Browser browser = Browser.open()) {
      openTab(browser);
      assertEquals("kcoa_", browser.visible(SECRET_PREFIX).getDomProperty("value"), "the default");
      browser.type(SECRET_PREFIX, "a");
      browser.click(SAVE);
      String refusal = browser.visible(ERROR_ALERT).getText();
      assertTrue(refusal.contains("Secret prefix must be 2 to 16 of a-z, 0-9, _ and -"), refusal);
      assertEquals("", attribute(attribute), "a refused save changes nothing");

      browser.type(SECRET_PREFIX, "ab");
      browser.click(SAVE);
      browser.waitUntil("the prefix reaches the realm", () -> "ab".equals(attribute(attribute)));
    }
    String secret = realm.api("quinn").createNamed("Prefixed").get("client_secret").asText();
    assertTrue(SecretFormat.isWellFormed(secret, "ab"), secret);
  }

  @Test
  void theTabShowsAPolicyChangedThroughTheAdminApi() {
    realm.setAttributes(Map.of(QUOTA_ATTRIBUTE, "7"));
    try (Browser browser = Browser.open()) {
      openTab(browser);
      assertEquals("7", browser.visible(QUOTA).getDomProperty("value"));
    }
  }

  private void openTab(Browser browser) {
    browser.openPolicyTab(realm.name());
  }

  private static boolean isChecked(WebElement checkbox) {
    return Boolean.parseBoolean(checkbox.getDomProperty("checked"));
  }

  private String quotaAttribute() {
    return attribute(QUOTA_ATTRIBUTE);
  }

  private String attribute(String name) {
    return realm.admin().realm(realm.name()).path("attributes").path(name).asText();
  }
}
