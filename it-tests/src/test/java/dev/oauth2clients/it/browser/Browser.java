package dev.oauth2clients.it.browser;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.oauth2clients.testsupport.KeycloakServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven through its ChromeDriver, as a user clicks through Keycloak's
 * pages. Every wait is for something visible on the page, never for a fixed time.
 */
final class Browser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  // The admin console's first load on a busy 2-core machine takes tens of seconds.
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final ChromeDriver driver;
  private final WebDriverWait wait;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, TIMEOUT);
  }

  static Browser open() {
    assumeTrue(
        Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        "Browser tests skipped: install the Debian packages chromium and chromium-driver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    // The flags keep Chromium off the network it cannot reach here and out of the root sandbox.
    options.addArguments(
        List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1400,950",
            "--lang=en-US"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    return new Browser(new ChromeDriver(service, options));
  }

  void go(String url) {
    driver.get(url);
  }

  /**
   * Opens the provider's oauth2-clients tab of {@code realm} in the master realm's admin console,
   * signed in as the test server's admin.
   */
  void openPolicyTab(String realm) {
    go(
        KeycloakServer.get().baseUrl()
            + "/admin/master/console/#/"
            + realm
            + "/realm-settings/oauth2-clients");
    signIn(KeycloakServer.ADMIN_USER, KeycloakServer.ADMIN_PASSWORD);
  }

  /** Fills Keycloak's login page, which any protected page redirects to first. */
  void signIn(String username, String password) {
    type(By.id("username"), username);
    type(By.id("password"), password);
    click(By.id("kc-login"));
  }

  WebElement visible(By locator) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
  }

  void click(By locator) {
    wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
  }

  void type(By locator, String text) {
    WebElement field = visible(locator);
    field.clear();
    field.sendKeys(text);
  }

  /** Picks an option of a native select by the words the user reads. */
  void choose(By select, String option) {
    new Select(visible(select)).selectByVisibleText(option);
  }

  void waitUntilGone(By locator) {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(locator));
  }

  void waitForText(By locator, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
  }

  /** Waits until {@code condition} holds, e.g. until a save reached the server. */
  void waitUntil(String what, BooleanSupplier condition) {
    new WebDriverWait(driver, TIMEOUT).withMessage(what).until(page -> condition.getAsBoolean());
  }

  /** An element that may be hidden, such as the checkbox behind a switch. */
  WebElement driverFind(By locator) {
    return wait.until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  boolean isPresent(By locator) {
    return !driver.findElements(locator).isEmpty();
  }

  /** Scrolls the page so that the element is at the top of the window, e.g. for a screenshot. */
  void scrollTo(By locator) {
    driver.executeScript("arguments[0].scrollIntoView()", visible(locator));
  }

  /** Every element the page holds now, e.g. the rows of a table; none is waited for. */
  List<WebElement> all(By locator) {
    return driver.findElements(locator);
  }

  /** Saves what the page shows now as target/screenshots/{name}.png. */
  Path screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path target = SCREENSHOTS.resolve(name + ".png");
      Files.copy(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          target,
          StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
