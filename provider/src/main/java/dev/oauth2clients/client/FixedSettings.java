package dev.oauth2clients.client;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The settings every self-service client gets and no owner can change. */
public final class FixedSettings {

  public static final List<String> GRANT_TYPES =
      List.of("authorization_code", "refresh_token", "client_credentials");
  public static final List<String> RESPONSE_TYPES = List.of("code");
  public static final String TOKEN_ENDPOINT_AUTH_METHOD = "client_secret_post";
  public static final String BASE_SCOPE = "openid offline_access";
  public static final Set<String> BASE_SCOPES = Set.of(BASE_SCOPE.split(" "));
  public static final String OFFLINE_ACCESS_SCOPE = "offline_access";

  /** Client attribute naming the owner's user id, so admins can tell these clients apart. */
  public static final String OWNER_ATTRIBUTE = "oauth2-clients.owner";

  /**
   * Client attribute holding the SHA-256 of the secret. On the client model it rides Keycloak's
   * cluster-wide client cache, so the token endpoint checks it without a database query.
   */
  public static final String SECRET_HASH_ATTRIBUTE = "oauth2-clients.secret-sha256";

  /** Client attribute naming the owner's username, for the admin console. */
  public static final String OWNER_USERNAME_ATTRIBUTE = "oauth2-clients.owner-username";

  /**
   * Client attribute set to {@code true} while the owner has paused the client. Keycloak's own
   * enabled switch is left to realm admins, so that an owner can never undo an admin's decision.
   */
  public static final String PAUSED_ATTRIBUTE = "oauth2-clients.paused";

  /**
   * Client attribute set to {@code true} when a realm admin regenerated the client's secret in
   * Keycloak: the owner's secret is revoked until the owner rotates it.
   */
  public static final String SECRET_REVOKED_ATTRIBUTE = "oauth2-clients.secret-revoked-by-admin";

  private FixedSettings() {}

  /** The contract's scope string: the base scopes, then the realm's default scopes, sorted. */
  public static String scope(Stream<String> defaultScopeNames) {
    return Stream.concat(
            Stream.of(BASE_SCOPE),
            defaultScopeNames.filter(name -> !BASE_SCOPES.contains(name)).sorted())
        .collect(Collectors.joining(" "));
  }
}
