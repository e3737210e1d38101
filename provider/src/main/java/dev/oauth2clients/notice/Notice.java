package dev.oauth2clients.notice;

import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.store.OwnerNoticeEntity;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * What one notice says, taken in the transaction that made the change and kept in the outbox until
 * its mail goes out. Ids rather than models, because the models belong to a session that is over by
 * then. It has no field for a secret, so none can reach a mail.
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

  static Notice of(OwnerNoticeEntity row) {
    return new Notice(
        NoticeKind.valueOf(row.getKind()),
        row.getRealmId(),
        row.getOwnerId(),
        row.getClientId(),
        row.getClientName(),
        row.getSecretExpiresAt());
  }

  /** The outbox row of this notice, made at {@code now} (milliseconds since the epoch). */
  OwnerNoticeEntity toRow(long now) {
    OwnerNoticeEntity row = new OwnerNoticeEntity();
    row.setId(KeycloakModelUtils.generateId());
    row.setKind(kind.name());
    row.setRealmId(realmId);
    row.setOwnerId(ownerId);
    row.setClientId(clientId);
    row.setClientName(clientName);
    row.setSecretExpiresAt(secretExpiresAt);
    row.setCreatedAt(now);
    return row;
  }
}
