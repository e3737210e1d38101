package dev.oauth2clients.notice;

import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.SelfServiceClient;
import org.keycloak.models.RealmModel;

/**
 * What one e-mail says, taken in the transaction that made the change and sent after it commits.
 * Ids rather than models, because the models belong to a session that is over by then. It has no
 * field for a secret, so none can reach a mail.
 *
 * @param secretExpiresAt seconds since the epoch, or null when the secret never expires
 */
record Notice(
    NoticeKind kind,
    String realmId,
    String ownerId,
    String clientId,
    String clientName,
    Long secretExpiresAt) {

  static Notice of(NoticeKind kind, RealmModel realm, SelfServiceClient client) {
    return new Notice(
        kind,
        realm.getId(),
        client.ownerId(),
        client.clientId(),
        ClientFields.CLIENT_NAME.read().apply(client),
        client.entity().getSecretExpiresAt());
  }
}
