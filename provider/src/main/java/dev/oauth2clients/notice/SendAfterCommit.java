package dev.oauth2clients.notice;

import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Enlisted to run after the request's transaction: Keycloak calls {@link #commit} only once that
 * transaction committed and {@link #rollback} when it did not, so a change that was undone is never
 * announced. It must not throw: an exception here would turn the committed request into an error
 * answer.
 */
final class SendAfterCommit extends AbstractKeycloakTransaction {

  private static final Logger LOG = Logger.getLogger(SendAfterCommit.class);

  private final KeycloakSessionFactory factory;
  private final String realmId;
  private final String ownerId;

  SendAfterCommit(KeycloakSessionFactory factory, String realmId, String ownerId) {
    this.factory = factory;
    this.realmId = realmId;
    this.ownerId = ownerId;
  }

  @Override
  protected void commitImpl() {
    try {
      NoticeOutbox.deliver(factory, realmId, ownerId);
    } catch (RuntimeException e) {
      // The notice stays in the outbox; the next drain sends it.
      LOG.warnf("A notice to the owner %s could not be sent yet: %s", ownerId, e.toString());
    }
  }

  @Override
  protected void rollbackImpl() {
    // The outbox row went with the transaction: nothing happened, so there is nothing to tell.
  }
}
