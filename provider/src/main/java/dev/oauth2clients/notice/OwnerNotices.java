package dev.oauth2clients.notice;

import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.store.NoticeStore;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The e-mails the owner of a self-service client gets. Each notice is written to the outbox in the
 * transaction of the change, so a change that rolls back leaves none and a committed one is sent
 * even after a crash; once that transaction commits, it is sent at once unless the owner had a mail
 * within the notice window ({@link NoticeOutbox}). A mail that fails never fails the change. Realms
 * without an SMTP server send nothing; owners without a verified address get nothing.
 */
public final class OwnerNotices {

  private OwnerNotices() {}

  public static void clientCreated(
      KeycloakSession session, RealmModel realm, SelfServiceClient client) {
    queue(session, realm, Notice.of(NoticeKind.CLIENT_CREATED, realm, client));
  }

  public static void secretRotated(
      KeycloakSession session, RealmModel realm, SelfServiceClient client) {
    queue(session, realm, Notice.of(NoticeKind.SECRET_ROTATED, realm, client));
  }

  /**
   * One of the client's secrets was revoked: reported as found, or by an admin. The outbox's next
   * drain sends it, not the request: a leak report's answer must take as long whether or not it
   * revoked anything, whatever the mail server's pace.
   */
  public static void secretRevoked(
      KeycloakSession session, RealmModel realm, SelfServiceClient client) {
    if (SmtpSettings.configured(realm)) {
      keep(session, Notice.of(NoticeKind.SECRET_REVOKED, realm, client));
    }
  }

  /** The reminder {@code expiry-notice-days} before the client's secret expires. */
  static void secretExpiring(KeycloakSession session, RealmModel realm, SelfServiceClient client) {
    queue(session, realm, Notice.of(NoticeKind.SECRET_EXPIRING, realm, client));
  }

  private static void queue(KeycloakSession session, RealmModel realm, Notice notice) {
    // Without a server nothing is kept, so that a realm that gets one later is not flooded.
    if (SmtpSettings.configured(realm)) {
      keep(session, notice);
      session
          .getTransactionManager()
          .enlistAfterCompletion(
              new SendAfterCommit(
                  session.getKeycloakSessionFactory(), notice.realmId(), notice.ownerId()));
    }
  }

  private static void keep(KeycloakSession session, Notice notice) {
    new NoticeStore(session).add(notice.toRow(System.currentTimeMillis()));
  }
}
