package dev.oauth2clients.notice;

import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.store.SelfServiceClientEntity;
import dev.oauth2clients.store.SelfServiceClientStore;
import java.util.Optional;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Finds the secrets that expire within each realm's notice period and mails each owner once per
 * secret. Keycloak's cluster-aware runner keeps two nodes from running it at the same time; the
 * claim in the database makes it once even when they run one after the other, or a node's run
 * overlaps the commit of another's: only the transaction whose conditional update changed the row
 * sends, after it committed. A mail that fails after its claim committed is not tried again (its
 * event says so): an owner never gets the same reminder twice.
 */
final class SecretExpiryNoticeTask implements ScheduledTask {

  @Override
  public void run(KeycloakSession session) {
    long now = System.currentTimeMillis() / 1000;
    SelfServiceClientStore store = new SelfServiceClientStore(session);
    session.realms().getRealmsStream().forEach(realm -> noticeIn(session, store, realm, now));
  }

  private static void noticeIn(
      KeycloakSession session, SelfServiceClientStore store, RealmModel realm, long now) {
    RealmPolicy policy = RealmPolicy.of(realm);
    Optional<ExpiryWindow> window = ExpiryWindow.at(now, policy.expiryNoticeDays());
    // Without SMTP nothing is claimed, so the notices go out once the realm gets a server.
    if (!policy.enabled() || window.isEmpty() || !SmtpSettings.configured(realm)) {
      return;
    }
    for (SelfServiceClientEntity row :
        store.dueForExpiryNotice(realm.getId(), window.get().after(), window.get().until())) {
      if (!window.get().isDue(row.getSecretExpiresAt(), row.getExpiryNoticeSentFor())) {
        continue;
      }
      ClientModel model = realm.getClientById(row.getId());
      if (model != null
          && stillExpiresAt(StoredSecrets.of(model), row.getSecretExpiresAt())
          && store.claimExpiryNotice(row.getId(), row.getSecretExpiresAt())) {
        OwnerNotices.secretExpiring(session, realm, new SelfServiceClient(model, row));
      }
    }
  }

  /**
   * The client attribute is what the token endpoint goes by: a secret an admin revoked, or one that
   * has changed since the row was read, gets no reminder.
   */
  private static boolean stillExpiresAt(StoredSecrets secrets, long expiresAt) {
    return secrets.currentHash() != null && secrets.currentExpiresAt() == expiresAt;
  }
}
