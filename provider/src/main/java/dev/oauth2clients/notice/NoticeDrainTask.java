package dev.oauth2clients.notice;

import dev.oauth2clients.store.NoticeStore;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.timer.ScheduledTask;

/**
 * Sends the notices that waited for their owner's window to end, and those whose send after commit
 * never ran (a crash, a mail that threw): one mail per owner. Keycloak's cluster-aware runner keeps
 * two nodes from running it at once, and the claim of the owner's window keeps a request's send
 * after commit on another node from sending the same notices.
 */
final class NoticeDrainTask implements ScheduledTask {

  private static final Logger LOG = Logger.getLogger(NoticeDrainTask.class);

  @Override
  public void run(KeycloakSession session) {
    long windowStart = NoticeOutbox.windowStart(System.currentTimeMillis());
    for (Object[] owner : new NoticeStore(session).ownersWithDueNotices(windowStart)) {
      String realmId = (String) owner[0];
      String ownerId = (String) owner[1];
      try {
        NoticeOutbox.deliver(session.getKeycloakSessionFactory(), realmId, ownerId);
      } catch (RuntimeException e) {
        // One owner's failure must not hold up the others; their notices stay for the next run.
        LOG.warnf("Notices to the owner %s could not be sent yet: %s", ownerId, e.toString());
      }
    }
  }
}
