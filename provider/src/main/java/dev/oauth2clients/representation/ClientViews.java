package dev.oauth2clients.representation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.ClientMetadata;
import dev.oauth2clients.client.FixedSettings;
import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.store.SelfServiceClientEntity;
import java.time.Instant;
import java.util.List;

/**
 * The contract's client object: the owner's fields as {@link ClientFields} reads them, and the
 * fields the server sets.
 */
public final class ClientViews {

  private ClientViews() {}

  public static OAuth2ClientView withoutSecret(SelfServiceClient client, RealmPolicy policy) {
    return view(client, policy, null);
  }

  public static OAuth2ClientView withSecret(
      SelfServiceClient client, RealmPolicy policy, String secret) {
    return view(client, policy, secret);
  }

  /**
   * What a merge patch applies to: the client as shown, but without {@code enabled}, so that a
   * patch that does not name it leaves the owner's switch alone (shown, it is false while an admin
   * has the client disabled, and would pause it), and with the owner's own access token lifespan
   * (none: the realm's), so that a patch made while the realm holds it lower keeps the choice.
   */
  public static ObjectNode patchTarget(SelfServiceClient client, RealmPolicy policy) {
    ObjectNode shown = (ObjectNode) Json.toTree(withoutSecret(client, policy));
    shown.remove(ClientFields.ENABLED.name());
    Integer chosen = ClientFields.ACCESS_TOKEN_LIFESPAN.read().apply(client);
    if (chosen == null) {
      shown.remove(ClientFields.ACCESS_TOKEN_LIFESPAN.name());
    } else {
      shown.put(ClientFields.ACCESS_TOKEN_LIFESPAN.name(), chosen.intValue());
    }
    return shown;
  }

  /** The access token lifespan shown is the one the token endpoint applies. */
  private static OAuth2ClientView view(
      SelfServiceClient client, RealmPolicy policy, String secret) {
    ClientMetadata fields = ClientFields.toExternal(client);
    StoredSecrets secrets = client.secrets();
    boolean overlapping = secrets.overlapping(Instant.now().getEpochSecond());
    SelfServiceClientEntity entity = client.entity();
    ClientKind kind = client.kind();
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
        fields.frontchannelLogoutUri(),
        fields.backchannelLogoutUri(),
        fields.jwks(),
        fields.jwksUri(),
        fields.contacts(),
        fields.metadata(),
        fields.realmRoles(),
        fields.clientRoles(),
        fields.enabled(),
        client.disabledByAdmin(),
        kind.grantTypes,
        FixedSettings.RESPONSE_TYPES,
        client.scope(),
        List.of(client.ownerId()),
        kind.authMethod,
        client.ownerId(),
        policy.accessTokenLifespanFor(fields.accessTokenLifespan()),
        Instant.ofEpochMilli(client.createdAt()).toString(),
        Instant.ofEpochMilli(client.updatedAt()).toString(),
        rfc3339(entity.getLastUsedAt()),
        rfc3339(entity.getSecretLastUsedAt()),
        overlapping ? Json.MAPPER.valueToTree(rfc3339(entity.getPreviousSecretLastUsedAt())) : null,
        rfc3339(entity.getSecretRevokedAt()));
  }

  private static String rfc3339(Long millis) {
    return millis == null ? null : Instant.ofEpochMilli(millis).toString();
  }
}
