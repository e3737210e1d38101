package dev.oauth2clients.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The authorization code flow as a browser walks it: Keycloak's login page, the user's password,
 * the consent page where the client asks for one, the redirect with the code, and the code
 * exchanged at the token endpoint.
 */
public final class BrowserLogin {

  private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
  private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
  private static final Pattern CONSENT_ACTION =
      Pattern.compile("action=\"([^\"]*/login-actions/consent[^\"]*)\"");
  private static final Pattern HIDDEN_CODE =
      Pattern.compile("<input type=\"hidden\" name=\"code\" value=\"([^\"]+)\"");
  private static final String CONSENT_FORM_MARK = "id=\"kc-oauth\"";

  private BrowserLogin() {}

  /** The token response for {@code username} signing in to the given confidential client. */
  public static JsonNode authorizationCode(
      TestRealm realm, String clientId, String secret, String redirectUri, String username) {
    String code = code(realm, clientId, redirectUri, username, "");
    HttpResult tokens =
        realm
            .tokens()
            .post(
                Map.of(
                    "grant_type", "authorization_code",
                    "code", code,
                    "redirect_uri", redirectUri,
                    "client_id", clientId,
                    "client_secret", secret));
    assertEquals(200, tokens.status(), tokens::toString);
    return tokens.json();
  }

  /**
   * The code Keycloak sends to {@code redirectUri} once {@code username} signed in (and consented),
   * with {@code extraQuery} (e.g. {@code &code_challenge=…}) added to the authorization request.
   */
  public static String code(
      TestRealm realm, String clientId, String redirectUri, String username, String extraQuery) {
    String authorize =
        realm.url()
            + "/protocol/openid-connect/auth?response_type=code&scope=openid&state=s1"
            + "&client_id="
            + Http.encode(clientId)
            + "&redirect_uri="
            + Http.encode(redirectUri)
            + extraQuery;
    String callback = callback(realm, authorize, redirectUri, username);
    Matcher code = CODE.matcher(callback);
    assertTrue(code.find(), callback);
    return code.group(1);
  }

  /**
   * Where Keycloak sends the browser back to the client, code and all, once {@code username} signed
   * in at {@code authorize} (an authorization request a client library built) and consented.
   */
  public static String callback(
      TestRealm realm, String authorize, String redirectUri, String username) {
    HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    HttpResponse<String> loginPage =
        send(browser, HttpRequest.newBuilder(URI.create(authorize)).build());
    assertEquals(200, loginPage.statusCode(), loginPage::body);
    Matcher action = FORM_ACTION.matcher(loginPage.body());
    if (!action.find()) {
      throw new AssertionError("no login form in: " + loginPage.body());
    }
    String cookies = cookies(loginPage);
    HttpResponse<String> submitted =
        submitForm(
            browser,
            loginPage.uri(),
            action.group(1),
            cookies,
            Map.of("username", username, "password", TestRealm.PASSWORD));
    if (isRedirectToLoginActions(submitted, realm)) {
      cookies = joinCookies(cookies, cookies(submitted));
      submitted =
          send(
              browser,
              HttpRequest.newBuilder(URI.create(submitted.headers().firstValue("Location").get()))
                  .header("Cookie", cookies)
                  .build());
    }
    if (submitted.statusCode() == 200 && submitted.body().contains(CONSENT_FORM_MARK)) {
      submitted = acceptConsent(browser, submitted, cookies);
    }
    String location = submitted.headers().firstValue("Location").orElse("");
    Matcher code = CODE.matcher(location);
    if (submitted.statusCode() != 302 || !location.startsWith(redirectUri) || !code.find()) {
      throw new AssertionError("no code after login: " + submitted.statusCode() + " " + location);
    }
    return location;
  }

  /**
   * A browser without a session at the authorization endpoint with {@code prompt=none}: Keycloak
   * either redirects an error to {@code redirectUri} or shows its own error page.
   */
  public static HttpResult authorizeWithoutPrompt(
      TestRealm realm, String clientId, String redirectUri) {
    return Http.send(
        "GET",
        realm.url()
            + "/protocol/openid-connect/auth?response_type=code&scope=openid&prompt=none&state=s1"
            + "&client_id="
            + Http.encode(clientId)
            + "&redirect_uri="
            + Http.encode(redirectUri),
        Map.of(),
        null);
  }

  /**
   * A browser without a session at the logout endpoint: Keycloak either redirects to {@code
   * postLogoutUri} at once or shows its own error page.
   */
  public static HttpResult logout(TestRealm realm, String clientId, String postLogoutUri) {
    return Http.send(
        "GET",
        realm.url()
            + "/protocol/openid-connect/logout?client_id="
            + Http.encode(clientId)
            + "&post_logout_redirect_uri="
            + Http.encode(postLogoutUri),
        Map.of(),
        null);
  }

  /** Keycloak sends the browser to its own pages between login and code, e.g. to ask consent. */
  private static boolean isRedirectToLoginActions(HttpResponse<String> response, TestRealm realm) {
    return response.statusCode() == 302
        && response
            .headers()
            .firstValue("Location")
            .filter(location -> location.startsWith(realm.url() + "/login-actions/"))
            .isPresent();
  }

  /**
   * Self-service clients require consent: say yes on Keycloak's consent page, as the user would.
   */
  private static HttpResponse<String> acceptConsent(
      HttpClient browser, HttpResponse<String> consentPage, String loginCookies) {
    Matcher action = CONSENT_ACTION.matcher(consentPage.body());
    Matcher code = HIDDEN_CODE.matcher(consentPage.body());
    if (!action.find() || !code.find()) {
      throw new AssertionError("no consent form in: " + consentPage.body());
    }
    String cookies = joinCookies(loginCookies, cookies(consentPage));
    return submitForm(
        browser,
        consentPage.uri(),
        action.group(1),
        cookies,
        Map.of("code", code.group(1), "accept", "Yes"));
  }

  /** Posts a page's form; its action may be relative to the page, as a browser resolves it. */
  private static HttpResponse<String> submitForm(
      HttpClient browser, URI page, String action, String cookies, Map<String, String> fields) {
    return send(
        browser,
        HttpRequest.newBuilder(page.resolve(action.replace("&amp;", "&")))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Cookie", cookies)
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    Http.encodeForm(fields), StandardCharsets.UTF_8))
            .build());
  }

  /**
   * The login page's cookies, sent back as a browser would. Java's CookieManager will not: it drops
   * Keycloak's Secure/SameSite cookies on plain-http localhost.
   */
  private static String cookies(HttpResponse<String> response) {
    return response.headers().allValues("Set-Cookie").stream()
        .map(cookie -> cookie.split(";", 2)[0])
        .collect(Collectors.joining("; "));
  }

  private static String joinCookies(String... cookieHeaders) {
    return Stream.of(cookieHeaders).filter(c -> !c.isEmpty()).collect(Collectors.joining("; "));
  }

  private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
    try {
      return browser.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
