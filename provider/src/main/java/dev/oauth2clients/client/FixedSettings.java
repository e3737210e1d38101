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

  private FixedSettings() {}

  /** The contract's scope string: the base scopes, then the realm's default scopes, sorted. */
  public static String scope(Stream<String> defaultScopeNames) {
    return Stream.concat(
            Stream.of(BASE_SCOPE),
            defaultScopeNames.filter(name -> !BASE_SCOPES.contains(name)).sorted())
        .collect(Collectors.joining(" "));
  }
}
