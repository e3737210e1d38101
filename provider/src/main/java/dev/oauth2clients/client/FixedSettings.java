package dev.oauth2clients.client;

import dev.oauth2clients.authenticator.HashedSecretClientAuthenticator;
import dev.oauth2clients.policy.ClientKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.mappers.AudienceProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.services.managers.ClientManager;
import org.keycloak.services.managers.RealmManager;

/**
 * The settings every self-service client gets and no owner can change: the contract's fixed values
 * and the Keycloak client they become, in one place.
 */
public final class FixedSettings {

  public static final List<String> RESPONSE_TYPES = List.of("code");
  public static final String BASE_SCOPE = "openid offline_access";
  public static final Set<String> BASE_SCOPES = Set.of(BASE_SCOPE.split(" "));
  public static final String OFFLINE_ACCESS_SCOPE = "offline_access";

  private static final String USE_REFRESH_TOKEN_FOR_CLIENT_CREDENTIALS =
      "client_credentials.use_refresh_token";
  private static final String AUDIENCE_MAPPER_NAME = "owner audience";
  private static final String PKCE_METHOD = "S256";
  static final String SELF_SERVICE_ROLE = "self-service-client";

  private FixedSettings() {}

  /**
   * Makes a new Keycloak client the template of a self-service client of {@code owner}: an OIDC
   * client with the authorization-code flow, no full scope, the owner as audience, and only the
   * realm's default scopes plus {@code offline_access}. A client with a credential also gets {@code
   * client_credentials} (refresh tokens on) and the authenticator of its kind; a public one gets
   * PKCE with S256 instead, as nothing else proves that the code's redeemer asked for it.
   */
  static void applyTo(
      KeycloakSession session,
      RealmModel realm,
      ClientModel model,
      UserModel owner,
      ClientKind kind) {
    // Setting the protocol makes Keycloak attach the realm's default client scopes.
    model.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
    model.setPublicClient(kind == ClientKind.PUBLIC);
    model.setBearerOnly(false);
    model.setStandardFlowEnabled(true);
    model.setImplicitFlowEnabled(false);
    model.setDirectAccessGrantsEnabled(false);
    model.setFullScopeAllowed(false);
    // A public client keeps the hashed-secret authenticator: Keycloak asks it, with no secret, and
    // it refuses tokens to a paused client or a kind the realm no longer allows.
    model.setClientAuthenticatorType(
        kind == ClientKind.PRIVATE_KEY_JWT
            ? ClientKind.KEY_AUTHENTICATOR_ID
            : HashedSecretClientAuthenticator.PROVIDER_ID);
    keepOnlyOfflineAccessAsOptionalScope(realm, model);
    if (kind == ClientKind.PUBLIC) {
      model.setAttribute(OIDCConfigAttributes.PKCE_CODE_CHALLENGE_METHOD, PKCE_METHOD);
    } else {
      model.setAttribute(USE_REFRESH_TOKEN_FOR_CLIENT_CREDENTIALS, "true");
      new ClientManager(new RealmManager(session)).enableServiceAccount(model);
      holdNoRoles(session, model);
    }
    model.addProtocolMapper(ownerAudienceMapper(owner));
    addCacheableRole(model);
  }

  /** The contract's scope string: the base scopes, then the realm's default scopes, sorted. */
  public static String scope(Stream<String> defaultScopeNames) {
    return Stream.concat(
            Stream.of(BASE_SCOPE),
            defaultScopeNames.filter(name -> !BASE_SCOPES.contains(name)).sorted())
        .collect(Collectors.joining(" "));
  }

  /**
   * Keycloak gives a new service account the realm's default roles. A self-service client's tokens
   * carry only what its owner chose, never those (it has no full scope), yet every grant would
   * expand them to find that out: without them it resolves nothing.
   */
  private static void holdNoRoles(KeycloakSession session, ClientModel model) {
    RealmModel realm = model.getRealm();
    UserModel serviceAccount = session.users().getServiceAccount(model);
    if (serviceAccount != null && realm.getDefaultRole() != null) {
      serviceAccount.deleteRoleMapping(realm.getDefaultRole());
    }
  }

  /** The realm's optional scopes (address, phone, …) are not part of the fixed scope set. */
  private static void keepOnlyOfflineAccessAsOptionalScope(RealmModel realm, ClientModel model) {
    Map<String, ClientScopeModel> optional = model.getClientScopes(false);
    optional.values().stream()
        .filter(scope -> !scope.getName().equals(OFFLINE_ACCESS_SCOPE))
        .forEach(model::removeClientScope);
    if (!optional.containsKey(OFFLINE_ACCESS_SCOPE)) {
      realm
          .getClientScopesStream()
          .filter(scope -> scope.getName().equals(OFFLINE_ACCESS_SCOPE))
          .findFirst()
          .ifPresent(scope -> model.addClientScope(scope, false));
    }
  }

  /**
   * Keycloak caches a client's list of roles only when it is not empty, and reads that list for
   * every token of a client without full scope: without a role of its own, each grant of a
   * self-service client would query the database once more than a plain client's. No one is given
   * this role.
   */
  private static void addCacheableRole(ClientModel model) {
    model
        .addRole(SELF_SERVICE_ROLE)
        .setDescription(
            "Marks a client made through the self-service API. No one holds it; it exists because"
                + " Keycloak caches only non-empty role lists, which every token reads.");
  }

  private static ProtocolMapperModel ownerAudienceMapper(UserModel owner) {
    ProtocolMapperModel mapper = new ProtocolMapperModel();
    mapper.setName(AUDIENCE_MAPPER_NAME);
    mapper.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
    mapper.setProtocolMapper(AudienceProtocolMapper.PROVIDER_ID);
    mapper.setConfig(
        new HashMap<>(
            Map.of(
                AudienceProtocolMapper.INCLUDED_CUSTOM_AUDIENCE, owner.getId(),
                OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_INTROSPECTION, "true",
                OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN, "false")));
    return mapper;
  }
}
