package dev.oauth2clients.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.ClientMetadata;
import dev.oauth2clients.client.FixedSettings;
import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.resource.ClientMetadataValidator.AcceptedFixedValues;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.store.SelfServiceClientEntity;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;

/**
 * The contract's client object: the owner's fields as {@link ClientFields} reads them, and the
 * fields the server sets. Also says which fixed values a request may echo.
 */
final class ClientViews {

  private ClientViews() {}

  static OAuth2ClientView withoutSecret(SelfServiceClient client, RealmPolicy policy) {
    return view(client, policy, null);
  }

  static OAuth2ClientView withSecret(SelfServiceClient client, RealmPolicy policy, String secret) {
    return view(client, policy, secret);
  }

  /**
   * What a merge patch applies to: the client as shown, but without {@code enabled}, so that a
   * patch that does not name it leaves the owner's switch alone (shown, it is false while an admin
   * has the client disabled, and would pause it).
   */
  static ObjectNode patchTarget(SelfServiceClient client, RealmPolicy policy) {
    ObjectNode shown = (ObjectNode) Json.toTree(withoutSecret(client, policy));
    shown.remove(ClientFields.ENABLED.name());
    return shown;
  }

  /** On create: the values the new client will get; the server-made ones may not be sent yet. */
  static AcceptedFixedValues acceptedOnCreate(
      RealmModel realm, UserModel owner, RealmPolicy policy) {
    ObjectNode shown = Json.MAPPER.createObjectNode();
    shown.set("grant_types", Json.toTree(FixedSettings.GRANT_TYPES));
    shown.set("response_types", Json.toTree(FixedSettings.RESPONSE_TYPES));
    shown.put("scope", scopeOfNewClient(realm));
    shown.set("audience", Json.toTree(List.of(owner.getId())));
    shown.put("token_endpoint_auth_method", FixedSettings.TOKEN_ENDPOINT_AUTH_METHOD);
    shown.put("owner", owner.getId());
    shown.put("access_token_lifespan", policy.accessTokenLifespan());
    shown.put("disabled_by_admin", false);
    shown.put("client_secret_expires_at", StoredSecrets.NEVER);
    return new AcceptedFixedValues(shown);
  }

  /** On update: what the client shows now. */
  static AcceptedFixedValues acceptedOnUpdate(SelfServiceClient client, RealmPolicy policy) {
    return new AcceptedFixedValues((ObjectNode) Json.toTree(withoutSecret(client, policy)));
  }

  /** What {@link SelfServiceClient#scope()} will say once the client exists. */
  private static String scopeOfNewClient(RealmModel realm) {
    Stream<String> realmDefaults =
        realm
            .getDefaultClientScopesStream(true)
            .filter(scope -> OIDCLoginProtocol.LOGIN_PROTOCOL.equals(scope.getProtocol()))
            .map(ClientScopeModel::getName);
    // Enabling the service account attaches this scope as a default one.
    Stream<String> serviceAccount =
        Stream.ofNullable(
                KeycloakModelUtils.getClientScopeByName(
                    realm, ServiceAccountConstants.SERVICE_ACCOUNT_SCOPE))
            .map(ClientScopeModel::getName);
    return FixedSettings.scope(Stream.concat(realmDefaults, serviceAccount).distinct());
  }

  /**
   * The access token lifespan is the realm policy's current value, which the token endpoint applies
   * to every self-service client.
   */
  private static OAuth2ClientView view(
      SelfServiceClient client, RealmPolicy policy, String secret) {
    ClientMetadata fields = ClientFields.toExternal(client);
    StoredSecrets secrets = client.secrets();
    boolean overlapping = secrets.overlapping(Instant.now().getEpochSecond());
    SelfServiceClientEntity entity = client.entity();
    return new OAuth2ClientView(
        client.clientId(),
        secret,
        secrets.currentExpiresAt(),
        overlapping ? secrets.previousExpiresAt() : null,
        client.createdAt() / 1000,
        fields.clientName(),
        fields.description(),
        fields.redirectUris(),
        fields.postLogoutRedirectUris(),
        fields.allowedCorsOrigins(),
        fields.clientUri(),
        fields.logoUri(),
        fields.policyUri(),
        fields.tosUri(),
        fields.contacts(),
        fields.metadata(),
        fields.enabled(),
        client.disabledByAdmin(),
        FixedSettings.GRANT_TYPES,
        FixedSettings.RESPONSE_TYPES,
        client.scope(),
        List.of(client.ownerId()),
        FixedSettings.TOKEN_ENDPOINT_AUTH_METHOD,
        client.ownerId(),
        policy.accessTokenLifespan(),
        Instant.ofEpochMilli(client.createdAt()).toString(),
        Instant.ofEpochMilli(client.updatedAt()).toString(),
        rfc3339(entity.getLastUsedAt()),
        rfc3339(entity.getSecretLastUsedAt()),
        overlapping
            ? Json.MAPPER.valueToTree(rfc3339(entity.getPreviousSecretLastUsedAt()))
            : null);
  }

  private static String rfc3339(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }
}
