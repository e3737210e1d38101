package dev.oauth2clients.testsupport;

import java.util.Map;

/** Keycloak's own token and introspection endpoints of one realm. */
public final class TokenEndpoint {

  private final String realmUrl;

  TokenEndpoint(String realmUrl) {
    this.realmUrl = realmUrl;
  }

  public String tokenUrl() {
    return realmUrl + "/protocol/openid-connect/token";
  }

  public HttpResult clientCredentials(String clientId, String secret) {
    return post(clientCredentialsForm(clientId, secret));
  }

  public HttpResult refresh(String clientId, String secret, String refreshToken) {
    return post(refreshForm(clientId, secret, refreshToken));
  }

  /** A client_credentials grant with client_secret_post. */
  public static Map<String, String> clientCredentialsForm(String clientId, String secret) {
    return Map.of(
        "grant_type", "client_credentials", "client_id", clientId, "client_secret", secret);
  }

  /** A refresh_token grant with client_secret_post. */
  public static Map<String, String> refreshForm(
      String clientId, String secret, String refreshToken) {
    return Map.of(
        "grant_type", "refresh_token",
        "client_id", clientId,
        "client_secret", secret,
        "refresh_token", refreshToken);
  }

  /** RFC 7662 introspection, authenticated as the realm's plain confidential client. */
  public HttpResult introspectAsPlainClient(String token) {
    return Http.postForm(
        realmUrl + "/protocol/openid-connect/token/introspect",
        Map.of(
            "token", token,
            "client_id", TestRealm.PLAIN_CLIENT,
            "client_secret", TestRealm.PLAIN_SECRET),
        Map.of());
  }

  public HttpResult post(Map<String, String> form) {
    return Http.postForm(tokenUrl(), form, Map.of());
  }

  public HttpResult post(Map<String, String> form, Map<String, String> headers) {
    return Http.postForm(tokenUrl(), form, headers);
  }
}
