package dev.oauth2clients.client;

import dev.oauth2clients.authenticator.ClientAuthenticationFlowInstaller;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.secret.ClientSecrets;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.store.SelfServiceClientEntity;
import org.keycloak.models.RealmModel;

/**
 * Where every secret of a self-service client is made, on create and on rotation: the plain secret
 * leaves here once, for the answer, and only its hash is kept, on the client (for the token
 * endpoint) and in the provider's row (to credit its use).
 */
final class SecretIssuer {

  private SecretIssuer() {}

  /**
   * Gives the client a new secret. Keycloak asks only the authenticators of the realm's client
   * flow, so the flow gets the hashed-secret one wherever a secret is made.
   *
   * @param lifetime seconds the new secret works; {@link StoredSecrets#NEVER} for no end
   * @param overlap seconds the current secret keeps working; 0 ends it at once
   */
  static String issue(RealmModel realm, SelfServiceClient client, long lifetime, long overlap) {
    ClientAuthenticationFlowInstaller.ensureInstalled(realm);
    // Read at each issue: a changed prefix applies from the next secret, and the secrets already
    // out keep working, as only their hashes are compared.
    String secret = ClientSecrets.newSecret(RealmPolicy.of(realm).secretPrefix());
    long now = SelfServiceClients.nowSeconds();
    long expiresAt = lifetime == StoredSecrets.NEVER ? StoredSecrets.NEVER : now + lifetime;
    StoredSecrets secrets =
        client.secrets().rotated(ClientSecrets.hash(secret), expiresAt, overlap, now);
    secrets.writeTo(client.model());
    SelfServiceClientEntity entity = client.entity();
    entity.setSecretHash(secrets.currentHash());
    entity.setPreviousSecretHash(secrets.previousHash());
    entity.setSecretExpiresAt(expiresAt == StoredSecrets.NEVER ? null : expiresAt);
    return secret;
  }
}
