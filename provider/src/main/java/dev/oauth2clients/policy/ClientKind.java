package dev.oauth2clients.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientModel;

/**
 * The kinds of self-service client a realm may allow ({@link PolicySetting#CLIENT_TYPES}), each by
 * the name the realm's policy gives it and the {@code token_endpoint_auth_method} the API shows.
 * The kind is chosen on create and kept by Keycloak's own client: public, or the authenticator it
 * names.
 */
public enum ClientKind {
  /** Holds a secret, sent in the form body. */
  CONFIDENTIAL(
      "confidential",
      "client_secret_post",
      List.of("authorization_code", "refresh_token", "client_credentials")),
  /** A single-page or native app: no credential, PKCE instead. */
  PUBLIC("public", "none", List.of("authorization_code", "refresh_token")),
  /** Holds a private key and signs a client assertion with it; the server keeps the public key. */
  PRIVATE_KEY_JWT(
      "private_key_jwt",
      "private_key_jwt",
      List.of("authorization_code", "refresh_token", "client_credentials"));

  /** The client authenticator of key-holding clients; Keycloak runs it by this id. */
  public static final String KEY_AUTHENTICATOR_ID = "oauth2-clients-private-key-jwt";

  public final String policyName;
  public final String authMethod;
  public final List<String> grantTypes;

  ClientKind(String policyName, String authMethod, List<String> grantTypes) {
    this.policyName = policyName;
    this.authMethod = authMethod;
    this.grantTypes = grantTypes;
  }

  /** Whether the client has a secret: rotation, expiry and leak reports concern only these. */
  public boolean hasSecret() {
    return this == CONFIDENTIAL;
  }

  /** The kind of a self-service client, as Keycloak's client holds it. */
  public static ClientKind of(ClientModel client) {
    if (client.isPublicClient()) {
      return PUBLIC;
    }
    return KEY_AUTHENTICATOR_ID.equals(client.getClientAuthenticatorType())
        ? PRIVATE_KEY_JWT
        : CONFIDENTIAL;
  }

  public static Optional<ClientKind> byAuthMethod(String authMethod) {
    return Arrays.stream(values()).filter(kind -> kind.authMethod.equals(authMethod)).findFirst();
  }

  public static Optional<ClientKind> byPolicyName(String policyName) {
    return Arrays.stream(values()).filter(kind -> kind.policyName.equals(policyName)).findFirst();
  }
}
