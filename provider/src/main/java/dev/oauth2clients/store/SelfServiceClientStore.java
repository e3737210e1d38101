package dev.oauth2clients.store;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.jpa.entities.UserEntity;

/** Queries on the self-service table, in the Keycloak session's own transaction. */
public final class SelfServiceClientStore {

  private final EntityManager em;

  public SelfServiceClientStore(KeycloakSession session) {
    this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
  }

  public Optional<SelfServiceClientEntity> findById(String id) {
    return Optional.ofNullable(em.find(SelfServiceClientEntity.class, id));
  }

  public Optional<SelfServiceClientEntity> findOwned(
      String realmId, String ownerId, String clientId) {
    return em.createNamedQuery("oauth2Clients.byOwnerAndClientId", SelfServiceClientEntity.class)
        .setParameter("realmId", realmId)
        .setParameter("ownerId", ownerId)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  /** The owner's clients, oldest first; {@code clientIds} empty means all of them. */
  public List<SelfServiceClientEntity> listOwned(
      String realmId, String ownerId, Collection<String> clientIds, int first, int max) {
    var query =
        clientIds.isEmpty()
            ? em.createNamedQuery("oauth2Clients.byOwner", SelfServiceClientEntity.class)
            : em.createNamedQuery(
                    "oauth2Clients.byOwnerAndClientIds", SelfServiceClientEntity.class)
                .setParameter("clientIds", clientIds);
    return query
        .setParameter("realmId", realmId)
        .setParameter("ownerId", ownerId)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long countOwned(String realmId, String ownerId) {
    return em.createNamedQuery("oauth2Clients.countByOwner", Long.class)
        .setParameter("realmId", realmId)
        .setParameter("ownerId", ownerId)
        .getSingleResult();
  }

  public List<SelfServiceClientEntity> allOwned(String realmId, String ownerId) {
    return em.createNamedQuery("oauth2Clients.byOwner", SelfServiceClientEntity.class)
        .setParameter("realmId", realmId)
        .setParameter("ownerId", ownerId)
        .getResultList();
  }

  /**
   * The users who gave consent to a client, local and federated alike: Keycloak's user API can
   * revoke one user's consent but cannot list a client's.
   */
  public List<String> usersConsentingTo(String clientInternalId) {
    List<String> users =
        new ArrayList<>(
            em.createQuery(
                    "select c.user.id from UserConsentEntity c where c.clientId = :clientId",
                    String.class)
                .setParameter("clientId", clientInternalId)
                .getResultList());
    users.addAll(
        em.createQuery(
                "select c.userId from FederatedUserConsentEntity c where c.clientId = :clientId",
                String.class)
            .setParameter("clientId", clientInternalId)
            .getResultList());
    return users;
  }

  /**
   * The first {@code max} rows after {@code afterId} in id order, in every realm, whose Keycloak
   * client lacks the attribute.
   */
  public List<SelfServiceClientEntity> withoutClientAttribute(
      String attributeName, String afterId, int max) {
    return em.createQuery(
            "select c from SelfServiceClientEntity c where c.id > :afterId and not exists (select"
                + " a from ClientAttributeEntity a where a.client.id = c.id and a.name = :name)"
                + " order by c.id",
            SelfServiceClientEntity.class)
        .setParameter("name", attributeName)
        .setParameter("afterId", afterId)
        .setMaxResults(max)
        .getResultList();
  }

  /** A row lock on the user, held until the transaction ends; nothing when the row is absent. */
  public void lockUser(String userId) {
    em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
  }

  public void add(SelfServiceClientEntity entity) {
    em.persist(entity);
  }

  public void remove(SelfServiceClientEntity entity) {
    em.remove(entity);
  }

  /**
   * Records a use of the secret with {@code hash} at {@code at} (milliseconds), without loading the
   * row, in the column of whichever of the client's secrets has that hash now: a node whose cache
   * still holds the secrets from before a rotation elsewhere must not credit the new secret with a
   * use of the old one. Rows from before the hash columns credit the secret the node saw ({@code
   * previous}). An older time never overwrites a newer one, so nodes whose writes cross keep the
   * latest.
   */
  public void recordUse(String id, String hash, boolean previous, long at) {
    if (hash != null) {
      creditSecret("secretLastUsedAt", "secretHash", id, hash, !previous, at);
      creditSecret("previousSecretLastUsedAt", "previousSecretHash", id, hash, previous, at);
    }
    em.createQuery(
            "update SelfServiceClientEntity c set c.lastUsedAt = :at where c.id = :id"
                + " and (c.lastUsedAt is null or c.lastUsedAt < :at)")
        .setParameter("id", id)
        .setParameter("at", at)
        .executeUpdate();
  }

  private void creditSecret(
      String usedColumn, String hashColumn, String id, String hash, boolean seen, long at) {
    String legacyRow = seen ? " or c.secretHash is null" : "";
    em.createQuery(
            "update SelfServiceClientEntity c set c."
                + usedColumn
                + " = :at where c.id = :id and (c."
                + hashColumn
                + " = :hash"
                + legacyRow
                + ") and (c."
                + usedColumn
                + " is null or c."
                + usedColumn
                + " < :at)")
        .setParameter("id", id)
        .setParameter("hash", hash)
        .setParameter("at", at)
        .executeUpdate();
  }

  /**
   * The realm's rows whose current or previous secret has one of these hashes: two index lookups,
   * whatever the realm's size.
   */
  public List<SelfServiceClientEntity> withSecretHashes(String realmId, Collection<String> hashes) {
    if (hashes.isEmpty()) {
      return List.of();
    }
    Map<String, SelfServiceClientEntity> rows = new LinkedHashMap<>();
    for (String query :
        List.of("oauth2Clients.bySecretHash", "oauth2Clients.byPreviousSecretHash")) {
      em.createNamedQuery(query, SelfServiceClientEntity.class)
          .setParameter("realmId", realmId)
          .setParameter("hashes", hashes)
          .getResultList()
          .forEach(row -> rows.putIfAbsent(row.getId(), row));
    }
    return List.copyOf(rows.values());
  }

  /**
   * One page of the realm's rows that meet {@code criteria}, oldest first. The query holds exactly
   * the conditions asked for, so that the database can use the (realm, owner) or (realm, created)
   * index; nothing but the page is read.
   */
  public List<SelfServiceClientEntity> inventory(
      String realmId, InventoryCriteria criteria, int first, int max) {
    StringBuilder jpql =
        new StringBuilder("select c from SelfServiceClientEntity c where c.realmId = :realmId");
    if (criteria.ownerId() != null) {
      jpql.append(" and c.ownerId = :ownerId");
    }
    if (criteria.idleSince() != null) {
      jpql.append(" and coalesce(c.lastUsedAt, c.createdAt) <= :idleSince");
    }
    if (Boolean.TRUE.equals(criteria.neverExpires())) {
      jpql.append(" and c.secretExpiresAt is null and c.secretRevokedAt is null");
    } else if (Boolean.FALSE.equals(criteria.neverExpires())) {
      jpql.append(" and (c.secretExpiresAt is not null or c.secretRevokedAt is not null)");
    }
    jpql.append(" order by c.createdAt, c.clientId");
    var query =
        em.createQuery(jpql.toString(), SelfServiceClientEntity.class)
            .setParameter("realmId", realmId);
    if (criteria.ownerId() != null) {
      query.setParameter("ownerId", criteria.ownerId());
    }
    if (criteria.idleSince() != null) {
      query.setParameter("idleSince", criteria.idleSince());
    }
    return query.setFirstResult(first).setMaxResults(max).getResultList();
  }

  /** The realm's rows with these Keycloak client ids: one query, whatever the realm's size. */
  public List<SelfServiceClientEntity> withClientIds(String realmId, Collection<String> clientIds) {
    if (clientIds.isEmpty()) {
      return List.of();
    }
    return em.createNamedQuery("oauth2Clients.byClientIds", SelfServiceClientEntity.class)
        .setParameter("realmId", realmId)
        .setParameter("clientIds", clientIds)
        .getResultList();
  }

  /** The realm's first {@code max} rows after {@code afterId} in id order. */
  public List<SelfServiceClientEntity> pageOfRealm(String realmId, String afterId, int max) {
    return em.createNamedQuery("oauth2Clients.byRealmAfter", SelfServiceClientEntity.class)
        .setParameter("realmId", realmId)
        .setParameter("afterId", afterId)
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The realm's rows whose secret expires after {@code after} and at the latest {@code until}
   * (seconds since the epoch) and has had no expiry notice yet, soonest first.
   */
  public List<SelfServiceClientEntity> dueForExpiryNotice(String realmId, long after, long until) {
    return em.createNamedQuery("oauth2Clients.dueForExpiryNotice", SelfServiceClientEntity.class)
        .setParameter("realmId", realmId)
        .setParameter("after", after)
        .setParameter("until", until)
        .getResultList();
  }

  /**
   * Marks the notice for the secret that expires at {@code expiresAt} as sent, unless it already is
   * or the row has another secret by now. True for exactly one of any number of concurrent callers,
   * and only that one may send it; the mark holds once the transaction commits.
   */
  public boolean claimExpiryNotice(String id, long expiresAt) {
    return em.createNamedQuery("oauth2Clients.claimExpiryNotice")
            .setParameter("id", id)
            .setParameter("expiresAt", expiresAt)
            .executeUpdate()
        == 1;
  }

  public void removeRealm(String realmId) {
    em.createNamedQuery("oauth2Clients.deleteByRealm")
        .setParameter("realmId", realmId)
        .executeUpdate();
  }
}
