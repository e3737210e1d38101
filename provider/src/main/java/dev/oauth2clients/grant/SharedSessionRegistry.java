package dev.oauth2clients.grant;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;

/**
 * Which session each self-service client's grants share on this node: a session id per client,
 * known once the transaction that started the session has committed.
 *
 * <p>Only one request per client and node starts a session at a time; requests that arrive while it
 * does wait for its commit (one grant's time, and only when a session is started) and then share
 * it, so a burst of first grants makes one session, not one per request. Nodes do not coordinate:
 * each has its own session per client, which keeps the token path free of cluster round trips and
 * bounds the sessions at one per client and node.
 */
final class SharedSessionRegistry {

  private static final Logger LOG = Logger.getLogger(SharedSessionRegistry.class);

  /** How long a request waits for another one's new session before starting its own. */
  private static final long WAIT_SECONDS = 10;

  /** Attempts to share before a request gives up and starts an unregistered session. */
  private static final int ATTEMPTS = 3;

  private static final ConcurrentMap<String, CompletableFuture<String>> SESSION_IDS =
      new ConcurrentHashMap<>();

  private SharedSessionRegistry() {}

  /**
   * The usable session registered for the client, or one newly started by {@code start} and
   * registered when this request's transaction commits.
   *
   * @param usable the session with that id if it can still be shared, otherwise null
   */
  static SharedSession resolve(
      KeycloakSession session,
      ClientModel client,
      Function<String, SharedSession> usable,
      Supplier<SharedSession> start) {
    String key = key(client);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      CompletableFuture<String> registered = SESSION_IDS.get(key);
      String id = registered == null ? null : await(registered);
      if (id != null) {
        SharedSession shared = usable.apply(id);
        if (shared != null) {
          return shared;
        }
      }
      CompletableFuture<String> mine = new CompletableFuture<>();
      boolean claimed =
          registered == null
              ? SESSION_IDS.putIfAbsent(key, mine) == null
              : SESSION_IDS.replace(key, registered, mine);
      if (claimed) {
        SharedSession started = start.get();
        registerOnCommit(session, key, mine, started.userSession().getId());
        return started;
      }
    }
    LOG.debugf(
        "No shared session for %s after %d attempts; starting one for this grant", key, ATTEMPTS);
    return start.get();
  }

  static String key(ClientModel client) {
    return client.getRealm().getId() + "/" + client.getId();
  }

  /** Forgets a removed client's session on this node. */
  static void forget(ClientModel client) {
    SESSION_IDS.remove(key(client));
  }

  private static String await(CompletableFuture<String> registered) {
    try {
      return registered.get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      return null;
    }
  }

  private static void registerOnCommit(
      KeycloakSession session, String key, CompletableFuture<String> mine, String sessionId) {
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                mine.complete(sessionId);
              }

              @Override
              protected void rollbackImpl() {
                SESSION_IDS.remove(key, mine);
                mine.completeExceptionally(new IllegalStateException("rolled back"));
              }
            });
  }
}
