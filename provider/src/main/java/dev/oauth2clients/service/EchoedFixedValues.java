package dev.oauth2clients.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.FixedSettings;
import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.representation.ClientViews;
import dev.oauth2clients.representation.Json;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.validation.ClientMetadataValidator.AcceptedFixedValues;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * Which values of the fields the server sets a request may echo: a client sent back as it was read
 * is accepted, any other value of a fixed field is refused.
 */
final class EchoedFixedValues {

  private EchoedFixedValues() {}

  /** On create: the values the new client will get; the server-made ones may not be sent yet. */
  static AcceptedFixedValues onCreate(RealmModel realm, UserModel owner, ClientKind kind) {
    ObjectNode shown = Json.MAPPER.createObjectNode();
    shown.set("grant_types", Json.toTree(kind.grantTypes));
    shown.set("response_types", Json.toTree(FixedSettings.RESPONSE_TYPES));
    shown.put("scope", scopeOfNewClient(realm, kind));
    shown.set("audience", Json.toTree(List.of(owner.getId())));
    shown.put("token_endpoint_auth_method", kind.authMethod);
    shown.put("owner", owner.getId());
    shown.put("disabled_by_admin", false);
    shown.put("client_secret_expires_at", StoredSecrets.NEVER);
    return new AcceptedFixedValues(shown);
  }

  /**
   * On update: what the client shows now; and the owner's own access token lifespan, which stays
   * theirs to keep while the realm holds tokens to a lower one (a merge patch carries it along).
   */
  static AcceptedFixedValues onUpdate(SelfServiceClient client, RealmPolicy policy) {
    ObjectNode shown = (ObjectNode) Json.toTree(ClientViews.withoutSecret(client, policy));
    Integer chosen = ClientFields.ACCESS_TOKEN_LIFESPAN.read().apply(client);
    if (chosen != null) {
      shown.put(ClientFields.ACCESS_TOKEN_LIFESPAN.name(), chosen.intValue());
    }
    return new AcceptedFixedValues(shown);
  }

  /** What {@link SelfServiceClient#scope()} will say once the client exists. */
  private static String scopeOfNewClient(RealmModel realm, ClientKind kind) {
    Stream<String> realmDefaults =
        realm
            .getDefaultClientScopesStream(true)
            .filter(scope -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(scope.getProtocol()))
            .map(ClientScopeModel::getName);
    // Enabling the service account (for client_credentials) attaches this scope as a default one.
    Stream<String> serviceAccount =
        Stream.ofNullable(
                kind.grantTypes.contains(OAuth2Constants.CLIENT_CREDENTIALS)
                    ? KeycloakModelUtils.getClientScopeByName(
                        realm, ServiceAccountConstants.SERVICE_ACCOUNT_SCOPE)
                    : null)
            .map(ClientScopeModel::getName);
    return FixedSettings.scope(Stream.concat(realmDefaults, serviceAccount).distinct());
  }
}
