package dev.oauth2clients.store;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The owners' unsent notices and the time of each owner's last mail, in the session's transaction.
 */
public final class NoticeStore {

  private final EntityManager em;

  public NoticeStore(KeycloakSession session) {
    this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }

  public void add(OwnerNoticeEntity notice) {
    em.persist(notice);
  }

  /** The owner's unsent notices, oldest first. */
  public List<OwnerNoticeEntity> noticesOf(String ownerId) {
    return em.createNamedQuery("oauth2Clients.noticesOfOwner", OwnerNoticeEntity.class)
        .setParameter("ownerId", ownerId)
        .getResultList();
  }

  /**
   * Realm and owner id of each owner with unsent notices whose last mail was at or before {@code
   * windowStart} (milliseconds), or who has had none.
   */
  public List<Object[]> ownersWithDueNotices(long windowStart) {
    return em.createNamedQuery("oauth2Clients.ownersWithDueNotices", Object[].class)
        .setParameter("windowStart", windowStart)
        .getResultList();
  }

  public void remove(Collection<OwnerNoticeEntity> notices) {
    notices.forEach(em::remove);
  }

  public boolean hasWindow(String ownerId) {
    return em.find(NoticeWindowEntity.class, ownerId) != null;
  }

  /**
   * The owner's row, as if their last mail were long ago. Two nodes may add it at once: the second
   * commit then fails on the primary key, and the row the first added serves both.
   */
  public void addWindow(String realmId, String ownerId) {
    NoticeWindowEntity window = new NoticeWindowEntity();
    window.setOwnerId(ownerId);
    window.setRealmId(realmId);
    em.persist(window);
  }

  /**
   * Moves the owner's last mail to {@code now} if it was at or before {@code windowStart}
   * (milliseconds). True for exactly one of any number of concurrent callers, and only that one may
   * send; false too when the owner has no row yet ({@link #addWindow}).
   */
  public boolean claimWindow(String ownerId, long now, long windowStart) {
    return em.createNamedQuery("oauth2Clients.claimNoticeWindow")
            .setParameter("ownerId", ownerId)
            .setParameter("now", now)
            .setParameter("windowStart", windowStart)
            .executeUpdate()
        == 1;
  }

  /** The owner's notices and window go with the owner; nothing is left to send to anyone. */
  public void removeOwner(String ownerId) {
    em.createNamedQuery("oauth2Clients.deleteNoticesOfOwner")
        .setParameter("ownerId", ownerId)
        .executeUpdate();
    NoticeWindowEntity window = em.find(NoticeWindowEntity.class, ownerId);
    if (window != null) {
      em.remove(window);
    }
  }

  public void removeRealm(String realmId) {
    em.createNamedQuery("oauth2Clients.deleteNoticesByRealm")
        .setParameter("realmId", realmId)
        .executeUpdate();
    em.createNamedQuery("oauth2Clients.deleteNoticeWindowsByRealm")
        .setParameter("realmId", realmId)
        .executeUpdate();
  }
}
