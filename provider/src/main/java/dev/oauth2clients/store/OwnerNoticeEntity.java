package dev.oauth2clients.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One e-mail notice to the owner of a self-service client that is not sent yet: written in the
 * transaction of the change it tells about, so that a change that rolls back leaves none and a
 * committed one survives a crash, and deleted once its mail went out (or was dropped). It holds
 * what the mail says and nothing secret; the address is read when the mail is sent.
 */
@Entity
@Table(name = "OAUTH2_SELF_SERVICE_NOTICE")
@NamedQueries({
  @NamedQuery(
      name = "oauth2Clients.noticesOfOwner",
      query =
          "select n from OwnerNoticeEntity n where n.ownerId = :ownerId"
              + " order by n.createdAt, n.id"),
  // Owners with notices whose last mail was at or before windowStart, or who never had one.
  @NamedQuery(
      name = "oauth2Clients.ownersWithDueNotices",
      query =
          "select distinct n.realmId, n.ownerId from OwnerNoticeEntity n where not exists"
              + " (select w from NoticeWindowEntity w where w.ownerId = n.ownerId"
              + " and w.lastMailAt > :windowStart)"),
  @NamedQuery(
      name = "oauth2Clients.deleteNoticesOfOwner",
      query = "delete from OwnerNoticeEntity n where n.ownerId = :ownerId"),
  @NamedQuery(
      name = "oauth2Clients.deleteNoticesByRealm",
      query = "delete from OwnerNoticeEntity n where n.realmId = :realmId")
})
public class OwnerNoticeEntity {

  @Id
  @Column(name = "ID", length = 36)
  private String id;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  @Column(name = "OWNER_ID", length = 36, nullable = false)
  private String ownerId;

  /** The name of the notice's kind ({@code notice.NoticeKind}). */
  @Column(name = "KIND", length = 32, nullable = false)
  private String kind;

  @Column(name = "CLIENT_ID", length = 255, nullable = false)
  private String clientId;

  @Column(name = "CLIENT_NAME")
  private String clientName;

  /** Seconds since the epoch, null when the secret never expires. */
  @Column(name = "SECRET_EXPIRES_AT")
  private Long secretExpiresAt;

  /** Milliseconds since the epoch. */
  @Column(name = "CREATED_AT", nullable = false)
  private long createdAt;

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

  public String getKind() {
    return kind;
  }

  public void setKind(String kind) {
    this.kind = kind;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientName() {
    return clientName;
  }

  public void setClientName(String clientName) {
    this.clientName = clientName;
  }

  public Long getSecretExpiresAt() {
    return secretExpiresAt;
  }

  public void setSecretExpiresAt(Long secretExpiresAt) {
    this.secretExpiresAt = secretExpiresAt;
  }

  public long getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(long createdAt) {
    this.createdAt = createdAt;
  }
}
