package dev.oauth2clients.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * When an owner's last notice mail went out, one row per owner, shared by every node: the limit of
 * one mail per owner and window holds in a cluster because a mail is sent only by the transaction
 * whose conditional update moved this time forward. Keycloak's user ids are unique across realms,
 * so the owner's id is the key; the realm is kept for deleting a realm's rows.
 */
@Entity
@Table(name = "OAUTH2_SS_NOTICE_WINDOW")
@NamedQueries({
  // Conditional, like the expiry notice's claim: of two nodes only one updates the row; the other
  // waits for its row lock, then finds the condition false and counts 0.
  @NamedQuery(
      name = "oauth2Clients.claimNoticeWindow",
      query =
          "update NoticeWindowEntity w set w.lastMailAt = :now"
              + " where w.ownerId = :ownerId and w.lastMailAt <= :windowStart"),
  @NamedQuery(
      name = "oauth2Clients.deleteNoticeWindowsByRealm",
      query = "delete from NoticeWindowEntity w where w.realmId = :realmId")
})
public class NoticeWindowEntity {

  @Id
  @Column(name = "OWNER_ID", length = 36)
  private String ownerId;

  @Column(name = "REALM_ID", length = 36, nullable = false)
  private String realmId;

  /** Milliseconds since the epoch; 0 before the first mail. */
  @Column(name = "LAST_MAIL_AT", nullable = false)
  private long lastMailAt;

  public String getOwnerId() {
    return ownerId;
  }

  public void setOwnerId(String ownerId) {
    this.ownerId = ownerId;
  }

  public String getRealmId() {
    return realmId;
  }

  public void setRealmId(String realmId) {
    this.realmId = realmId;
  }

  public long getLastMailAt() {
    return lastMailAt;
  }

  public void setLastMailAt(long lastMailAt) {
    this.lastMailAt = lastMailAt;
  }
}
