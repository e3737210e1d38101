package dev.oauth2clients.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * What Keycloak's client model cannot hold for a self-service client: who owns it, when it was made
 * and changed, the fields of RFC 7591 that Keycloak has no column for, and the whole name and
 * description where Keycloak's columns are too short (see {@code client.ClientFields}). The token
 * endpoint checks secrets against client attributes ({@link ClientAttributes#SECRET_HASH}); the
 * hashes are repeated here only so that a use is credited to the secret that was used. The row
 * shares its primary key with Keycloak's CLIENT row, and the (realm, owner) index makes listing
 * independent of realm size. Text columns are NCLOB, like Keycloak's client attributes: whatever
 * characters an accepted value holds, and however JSON escapes them, it fits.
 */
@Entity
@Table(name = "OAUTH2_SELF_SERVICE_CLIENT")
@NamedQueries({
  @NamedQuery(
      name = "oauth2Clients.byOwner",
      query =
          "select c from SelfServiceClientEntity c where c.realmId = :realmId and c.ownerId = :ownerId"
              + " order by c.createdAt, c.clientId"),
  @NamedQuery(
      name = "oauth2Clients.byOwnerAndClientIds",
      query =
          "select c from SelfServiceClientEntity c where c.realmId = :realmId and c.ownerId = :ownerId"
              + " and c.clientId in :clientIds order by c.createdAt, c.clientId"),
  @NamedQuery(
      name = "oauth2Clients.byOwnerAndClientId",
      query =
          "select c from SelfServiceClientEntity c where c.realmId = :realmId and c.ownerId = :ownerId"
              + " and c.clientId = :clientId"),
  @NamedQuery(
      name = "oauth2Clients.countByOwner",
      query =
          "select count(c) from SelfServiceClientEntity c where c.realmId = :realmId"
              + " and c.ownerId = :ownerId"),
  @NamedQuery(
      name = "oauth2Clients.byClientIds",
      query =
          "select c from SelfServiceClientEntity c where c.realmId = :realmId"
              + " and c.clientId in :clientIds"),
  @NamedQuery(
      name = "oauth2Clients.byRealmAfter",
      query =
          "select c from SelfServiceClientEntity c where c.realmId = :realmId"
              + " and c.id > :afterId order by c.id"),
  // A reported secret is looked up by its hash (an index on each hash column), never by a scan.
  @NamedQuery(
      name = "oauth2Clients.bySecretHash",
      query =
          "select c from SelfServiceClientEntity c where c.secretHash in :hashes"
              + " and c.realmId = :realmId"),
  @NamedQuery(
      name = "oauth2Clients.byPreviousSecretHash",
      query =
          "select c from SelfServiceClientEntity c where c.previousSecretHash in :hashes"
              + " and c.realmId = :realmId"),
  @NamedQuery(
      name = "oauth2Clients.deleteByRealm",
      query = "delete from SelfServiceClientEntity c where c.realmId = :realmId"),
  // The realm's secrets that end in (after, until] and whose notice is not sent (index on realm
  // and expiry).
  @NamedQuery(
      name = "oauth2Clients.dueForExpiryNotice",
      query =
          "select c from SelfServiceClientEntity c where c.realmId = :realmId"
              + " and c.secretExpiresAt > :after and c.secretExpiresAt <= :until"
              + " and (c.expiryNoticeSentFor is null or c.expiryNoticeSentFor <> c.secretExpiresAt)"
              + " order by c.secretExpiresAt"),
  // Conditional, so that of two nodes that found the same row only one updates it: the other
  // waits for its row lock, then finds the condition false and counts 0.
  @NamedQuery(
      name = "oauth2Clients.claimExpiryNotice",
      query =
          "update SelfServiceClientEntity c set c.expiryNoticeSentFor = :expiresAt"
              + " where c.id = :id and c.secretExpiresAt = :expiresAt"
              + " and (c.expiryNoticeSentFor is null or c.expiryNoticeSentFor <> :expiresAt)")
})
public class SelfServiceClientEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "OWNER_ID", length = 36, nullable = false)
  private String ownerId;

  @Column(name = "CLIENT_ID", length = 255, nullable = false)
  private String clientId;

  @Column(name = "CLIENT_NAME")
  private String clientName;

  @Column(name = "DESCRIPTION")
  private String description;

  @Column(name = "CONTACTS")
  private String contacts;

  @Column(name = "METADATA")
  private String metadata;

  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

  @Column(name = "UPDATED_AT", nullable = false)
  private long updatedAt;

  /**
   * A copy of the client attribute {@link ClientAttributes#SECRET_EXPIRES_AT} (seconds since the
   * epoch, null = never), kept here so that the expiry notice can find the secrets that end soon;
   * the token endpoint reads the attribute.
   */
  @Column(name = "SECRET_EXPIRES_AT")
  private Long secretExpiresAt;

  /** The {@link #secretExpiresAt} whose expiry notice was sent; a new secret gets its own. */
  @Column(name = "EXPIRY_NOTICE_SENT_FOR")
  private Long expiryNoticeSentFor;

  /** Milliseconds since the epoch of the latest use of any of the client's secrets. */
  @Column(name = "LAST_USED_AT")
  private Long lastUsedAt;

  /** Of the current secret. */
  @Column(name = "SECRET_LAST_USED_AT")
  private Long secretLastUsedAt;

  /** Of the secret the last rotation replaced. */
  @Column(name = "PREVIOUS_SECRET_LAST_USED_AT")
  private Long previousSecretLastUsedAt;

  /**
   * The hash of the current secret, and of the one a rotation replaced while it still works: a node
   * whose client cache has not yet seen a rotation still credits the right secret's column. Null on
   * rows from before this column, until their next rotation.
   */
  @Column(name = "SECRET_HASH", length = 64)
  private String secretHash;

  @Column(name = "PREVIOUS_SECRET_HASH", length = 64)
  private String previousSecretHash;

  /**
   * Milliseconds since the epoch when the current secret was revoked (by an admin, or because
   * someone reported it); null while it works, and again after the owner's next rotation.
   */
  @Column(name = "SECRET_REVOKED_AT")
  private Long secretRevokedAt;

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public String getRealmId() {
    return realmId;
  }

  public void setRealmId(String realmId) {
    this.realmId = realmId;
  }

  public String getOwnerId() {
    return ownerId;
  }

  public void setOwnerId(String ownerId) {
    this.ownerId = ownerId;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  /** The whole name; null in rows made before the column, whose name is Keycloak's. */
  public String getClientName() {
    return clientName;
  }

  public void setClientName(String clientName) {
    this.clientName = clientName;
  }

  /** The whole description; null when there is none or the row predates the column. */
  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  /** JSON array text, or null when the owner gave none. */
  public String getContacts() {
    return contacts;
  }

  public void setContacts(String contacts) {
    this.contacts = contacts;
  }

  /** JSON object text, or null when the owner gave none. */
  public String getMetadata() {
    return metadata;
  }

  public void setMetadata(String metadata) {
    this.metadata = metadata;
  }

  /** Milliseconds since the epoch. */
  public long getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(long createdAt) {
    this.createdAt = createdAt;
  }

  /** Milliseconds since the epoch. */
  public long getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(long updatedAt) {
    this.updatedAt = updatedAt;
  }

  public Long getSecretExpiresAt() {
    return secretExpiresAt;
  }

  public void setSecretExpiresAt(Long secretExpiresAt) {
    this.secretExpiresAt = secretExpiresAt;
  }

  public Long getExpiryNoticeSentFor() {
    return expiryNoticeSentFor;
  }

  public void setExpiryNoticeSentFor(Long expiryNoticeSentFor) {
    this.expiryNoticeSentFor = expiryNoticeSentFor;
  }

  public Long getLastUsedAt() {
    return lastUsedAt;
  }

  public void setLastUsedAt(Long lastUsedAt) {
    this.lastUsedAt = lastUsedAt;
  }

  public Long getSecretLastUsedAt() {
    return secretLastUsedAt;
  }

  public void setSecretLastUsedAt(Long secretLastUsedAt) {
    this.secretLastUsedAt = secretLastUsedAt;
  }

  public Long getPreviousSecretLastUsedAt() {
    return previousSecretLastUsedAt;
  }

  public void setPreviousSecretLastUsedAt(Long previousSecretLastUsedAt) {
    this.previousSecretLastUsedAt = previousSecretLastUsedAt;
  }

  public String getSecretHash() {
    return secretHash;
  }

  public void setSecretHash(String secretHash) {
    this.secretHash = secretHash;
  }

  public String getPreviousSecretHash() {
    return previousSecretHash;
  }

  public void setPreviousSecretHash(String previousSecretHash) {
    this.previousSecretHash = previousSecretHash;
  }

  public Long getSecretRevokedAt() {
    return secretRevokedAt;
  }

  public void setSecretRevokedAt(Long secretRevokedAt) {
    this.secretRevokedAt = secretRevokedAt;
  }
}
