package dev.oauth2clients.notice;

import dev.oauth2clients.client.SelfServiceClient;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The e-mails the owner of a self-service client gets. Each is sent only once the transaction of
 * the change commits, never when it rolls back, and a mail that fails never fails the change.
 * Realms without an SMTP server send nothing; owners without an address get nothing.
 */
public final class OwnerNotices {

  private OwnerNotices() {}

  public static void clientCreated(
      KeycloakSession session, RealmModel realm, SelfServiceClient client) {
    afterCommit(session, realm, Notice.of(NoticeKind.CLIENT_CREATED, realm, client));
  }

  public static void secretRotated(
      KeycloakSession session, RealmModel realm, SelfServiceClient client) {
    afterCommit(session, realm, Notice.of(NoticeKind.SECRET_ROTATED, realm, client));
  }

  /** The reminder {@code expiry-notice-days} before the client's secret expires. */
  static void secretExpiring(KeycloakSession session, RealmModel realm, SelfServiceClient client) {
    afterCommit(session, realm, Notice.of(NoticeKind.SECRET_EXPIRING, realm, client));
  }

  private static void afterCommit(KeycloakSession session, RealmModel realm, Notice notice) {
    if (SmtpSettings.configured(realm)) {
      session
          .getTransactionManager()
          .enlistAfterCompletion(new SendAfterCommit(session.getKeycloakSessionFactory(), notice));
    }
  }
}
