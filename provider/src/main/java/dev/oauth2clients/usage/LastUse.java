package dev.oauth2clients.usage;

import dev.oauth2clients.store.SelfServiceClientStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * When a client and each of its secrets were last used. A write per grant would put a database
 * round trip and a locked row on the token endpoint's hottest path, so each node writes at most
 * once per {@link #INTERVAL_MILLIS} for each secret of a client, in a transaction of its own (a
 * grant that fails after authenticating still counts as a use, and the grant holds no lock on the
 * row). Reads may lag a grant by up to the interval; the database keeps the latest time any node
 * wrote.
 */
public final class LastUse {

  public static final long INTERVAL_MILLIS = 60_000;

  private static final Logger LOG = Logger.getLogger(LastUse.class);

  /** The secret last written for a client's slot, and when. */
  record Written(String hash, long at) {}

  /** What a client without a secret is written under. */
  private static final String NO_SECRET = "";

  private static final Map<String, Written> WRITTEN = new ConcurrentHashMap<>();

  private LastUse() {}

  /**
   * @param previous whether the secret used is the one the last rotation replaced, as this node's
   *     cache has it; the database decides by {@code hash}
   * @param hash the hash of the secret used: a new secret's first use is written at once; null for
   *     a client without a secret, whose use credits the client alone
   */
  public static void record(
      KeycloakSessionFactory factory, ClientModel client, boolean previous, String hash) {
    long now = System.currentTimeMillis();
    String slot = client.getId() + (previous ? "/previous" : "/current");
    Written mine = new Written(hash == null ? NO_SECRET : hash, now);
    Written kept = WRITTEN.compute(slot, (key, last) -> due(last, mine) ? mine : last);
    if (kept != mine) {
      return;
    }
    try {
      KeycloakModelUtils.runJobInTransaction(
          factory,
          session ->
              new SelfServiceClientStore(session).recordUse(client.getId(), hash, previous, now));
    } catch (RuntimeException failed) {
      // A lost time stamp must not cost the caller its token; the next use after the interval
      // writes again.
      LOG.warnf("Could not record the last use of client %s: %s", client.getClientId(), failed);
    }
  }

  /** Forgets a removed client. */
  public static void forget(String clientUuid) {
    WRITTEN.remove(clientUuid + "/current");
    WRITTEN.remove(clientUuid + "/previous");
  }

  static boolean due(Written last, Written now) {
    return last == null
        || !last.hash().equals(now.hash())
        || now.at() - last.at() >= INTERVAL_MILLIS;
  }
}
