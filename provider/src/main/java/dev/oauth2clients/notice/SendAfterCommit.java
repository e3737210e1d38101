package dev.oauth2clients.notice;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Enlisted to run after the request's transaction: Keycloak calls {@link #commit} only once that
 * transaction committed and {@link #rollback} when it did not, so a change that was undone is never
 * announced. It must not throw: an exception here would turn the committed request into an error
 * answer.
 */
final class SendAfterCommit extends AbstractKeycloakTransaction {

  private static final Logger LOG = Logger.getLogger(SendAfterCommit.class);

  private final KeycloakSessionFactory factory;
  private final Notice notice;

  SendAfterCommit(KeycloakSessionFactory factory, Notice notice) {
    this.factory = factory;
    this.notice = notice;
  }

  @Override
  protected void commitImpl() {
    try {
      // A session of its own: the request's one has finished its transaction, and the mail reads
      // the owner as committed.
      KeycloakModelUtils.runJobInTransaction(
          factory, session -> NoticeMailer.send(session, notice));
    } catch (RuntimeException e) {
      LOG.warnf(
          "The %s notice for client %s could not be sent: %s",
          notice.kind(), notice.clientId(), e.toString());
    }
  }

  @Override
  protected void rollbackImpl() {
    // Nothing happened, so there is nothing to tell.
  }
}
