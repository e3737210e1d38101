package dev.oauth2clients.leak;

import dev.oauth2clients.client.SelfServiceClient;
import dev.oauth2clients.client.SelfServiceClients;
import dev.oauth2clients.metrics.OperationMetrics;
import dev.oauth2clients.metrics.Outcome;
import dev.oauth2clients.notice.OwnerNotices;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.secret.ClientSecrets;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.secret.StoredSecrets.Reported;
import dev.oauth2clients.store.SelfServiceClientEntity;
import dev.oauth2clients.store.SelfServiceClientStore;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Takes found secrets out of use. A reported string is first checked for the realm's secret format
 * (prefix and checksum), so noise never reaches the database; what passes is hashed and looked up
 * through the index on each hash column, never by reading the realm's clients. Everything happens
 * in the session's transaction: a revocation the caller was told about is committed with its event
 * and the owner's e-mail in the outbox.
 */
public final class SecretRevocations {

  private final KeycloakSession session;
  private final RealmModel realm;
  private final SelfServiceClients clients;
  private final SelfServiceClientStore store;

  public SecretRevocations(KeycloakSession session, RealmModel realm) {
    this.session = session;
    this.realm = realm;
    this.clients = new SelfServiceClients(session, realm);
    this.store = new SelfServiceClientStore(session);
  }

  /** Which of a client's secrets an admin's lookup found. */
  public enum Matched {
    CURRENT,
    PREVIOUS
  }

  /** A found string that is a secret of {@code client}, live or revoked. */
  public record Found(SelfServiceClient client, Matched matched) {}

  /**
   * Revokes every live secret of the realm's self-service clients among {@code candidates}; a
   * client's other secret keeps working. Says nothing about what matched, so that no caller learns
   * whether a string was a secret.
   *
   * @return how many secrets were revoked, for the metrics and the answer's time only
   */
  public int revokeReported(Collection<String> candidates) {
    Set<String> hashes = wellFormedHashes(candidates);
    int revoked = 0;
    for (SelfServiceClientEntity row : store.withSecretHashes(realm.getId(), hashes)) {
      Optional<SelfServiceClient> client = clients.of(row);
      if (client.isEmpty()) {
        continue;
      }
      for (String hash : hashesOf(row, hashes)) {
        if (clients.revokeReported(client.get(), hash) != Reported.NOT_LIVE) {
          OwnerNotices.secretRevoked(session, realm, client.get());
          OperationMetrics.revoked(session, realm, Outcome.SUCCESS);
          revoked++;
        }
      }
    }
    return revoked;
  }

  /** Every secret of the client stops working until its owner rotates; the owner is told. */
  public void revokeAllByAdmin(SelfServiceClient client) {
    clients.revokeAllByAdmin(client);
    OwnerNotices.secretRevoked(session, realm, client);
    OperationMetrics.revoked(session, realm, Outcome.SUCCESS);
  }

  /**
   * The client whose current or previous secret {@code candidate} is, whether it still works or was
   * revoked; empty for anything else, a string of the wrong format included.
   */
  public Optional<Found> lookup(String candidate) {
    Set<String> hashes = wellFormedHashes(candidate == null ? Set.of() : Set.of(candidate));
    for (SelfServiceClientEntity row : store.withSecretHashes(realm.getId(), hashes)) {
      Matched matched = hashes.contains(row.getSecretHash()) ? Matched.CURRENT : Matched.PREVIOUS;
      Optional<SelfServiceClient> client = clients.of(row);
      if (client.isPresent()) {
        return Optional.of(new Found(client.get(), matched));
      }
    }
    return Optional.empty();
  }

  /**
   * The hashes of the candidates that have the realm's secret format. Secrets issued before the
   * format have no prefix to recognise and are left out, as the contract says.
   */
  private Set<String> wellFormedHashes(Collection<String> candidates) {
    String prefix = RealmPolicy.of(realm).secretPrefix();
    Set<String> hashes = new LinkedHashSet<>();
    for (String candidate : candidates) {
      if (SecretFormat.isWellFormed(candidate, prefix)) {
        hashes.add(ClientSecrets.hash(candidate));
      }
    }
    return hashes;
  }

  /** The reported hashes that are this row's current or previous secret, current first. */
  private static Set<String> hashesOf(SelfServiceClientEntity row, Set<String> reported) {
    Set<String> own = new LinkedHashSet<>();
    if (reported.contains(row.getSecretHash())) {
      own.add(row.getSecretHash());
    }
    if (reported.contains(row.getPreviousSecretHash())) {
      own.add(row.getPreviousSecretHash());
    }
    return own;
  }
}
