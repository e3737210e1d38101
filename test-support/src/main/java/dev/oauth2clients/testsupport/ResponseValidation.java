package dev.oauth2clients.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates every answer of the oauth2-clients API that goes through {@link Http#send} against the
 * OpenAPI document the same realm serves, so that document and code cannot drift apart unnoticed.
 * Keycloak's own endpoints (token, admin, account) are left alone.
 *
 * <p>Off unless the system property {@value #PROPERTY} is {@code true}: the integration tests'
 * failsafe runs set it; the benchmark, which sends its requests through the same class, measures
 * the server and must not pay for validation.
 */
final class ResponseValidation {

  static final String PROPERTY = "oauth2-clients.validate-responses";

  private static final boolean ENABLED = Boolean.getBoolean(PROPERTY);

  /** A realm's API and what follows it; group 1 is the API's URL, without query or fragment. */
  private static final Pattern API_URL =
      Pattern.compile(
          "^(https?://[^/?#]+(?:/[^?#]*?)?/realms/[^/?#]+/oauth2-clients)(?:[/?#].*)?$");

  /** One validator per realm's API URL: fetched from that realm once, on its first answer. */
  private static final Map<String, OpenApiValidator> VALIDATORS = new ConcurrentHashMap<>();

  private ResponseValidation() {}

  static void check(String method, String url, HttpResult result) {
    if (!ENABLED) {
      return;
    }
    Matcher api = API_URL.matcher(url);
    // The admin's inventory (/admin/realms/{realm}/oauth2-clients) is Keycloak's admin API.
    if (api.matches() && !api.group(1).contains("/admin/realms/")) {
      VALIDATORS
          .computeIfAbsent(api.group(1), ResponseValidation::fetch)
          .check(method, url, result);
    }
  }

  private static OpenApiValidator fetch(String apiUrl) {
    String documentUrl = apiUrl + "/" + OpenApiValidator.DOCUMENT_PATH;
    HttpResult document = Http.exchange("GET", documentUrl, Map.of(), null);
    if (document.status() != 200) {
      throw new AssertionError(
          "GET " + documentUrl + " to validate the answers against: " + document);
    }
    return new OpenApiValidator(documentUrl, document.body());
  }
}
