package dev.oauth2clients.lifecycle;

import dev.oauth2clients.client.SelfServiceClients;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Brings every self-service client of a realm in line with its owner and realm after a change that
 * may reach them all: the feature switch or the required role, or roles and groups where a role is
 * required. A realm may hold 100,000 such clients, and each takes a millisecond or more to load, so
 * they are followed in pages of {@link #PAGE}, each in a transaction of its own: the first page in
 * the transaction of the change, so that a realm of few clients is in line when the admin's request
 * answers, and the rest on one background thread once that change committed. Keycloak's start waits
 * for none of it. A page that fails ends its run with one log line; the realm's mark of the pair
 * its clients followed is written after the last page only, so the next start tries again.
 */
public final class RealmWideFollow {

  /** Clients per transaction: a page takes well under a second on H2 and PostgreSQL alike. */
  static final int PAGE = 200;

  private static final Logger LOG = Logger.getLogger(RealmWideFollow.class);

  private static final ExecutorService WORKER =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "oauth2-clients-realm-follow");
            thread.setDaemon(true);
            return thread;
          });

  private RealmWideFollow() {}

  /** After a change to the realm: if its switch or required role changed, every client follows. */
  static void switchAndRole(KeycloakSession session, RealmModel realm) {
    SelfServiceClients clients = new SelfServiceClients(session, realm);
    if (!clients.followsSwitchAndRole()) {
      firstPageNowRestAfterCommit(session, realm, clients, true);
    }
  }

  /**
   * After a change to roles or groups, which may reach any owner: only where a role is required.
   */
  static void roles(KeycloakSession session, RealmModel realm) {
    SelfServiceClients clients = new SelfServiceClients(session, realm);
    if (clients.requiresARole()) {
      firstPageNowRestAfterCommit(session, realm, clients, false);
    }
  }

  /**
   * At start-up, on the background thread: the clients of each realm whose switch and role they
   * have not followed yet (clients made before this release redirected whatever their state).
   */
  public static void atStartUp(KeycloakSessionFactory factory) {
    submit(
        () -> {
          List<Realm> realms;
          try {
            realms =
                KeycloakModelUtils.runJobInTransactionWithResult(
                    factory,
                    session ->
                        session
                            .realms()
                            .getRealmsStream()
                            .filter(realm -> !clientsOf(session, realm).followsSwitchAndRole())
                            .map(realm -> new Realm(realm.getId(), realm.getName()))
                            .toList());
          } catch (RuntimeException failed) {
            LOG.warnf(
                "Could not find the realms whose self-service clients must follow their switch and"
                    + " required role (%s); the next start tries again",
                failed.toString());
            return;
          }
          realms.forEach(realm -> followFrom(factory, realm, "", true));
        });
  }

  private static void firstPageNowRestAfterCommit(
      KeycloakSession session, RealmModel realm, SelfServiceClients clients, boolean mark) {
    List<String> first = clients.followOwnersOfPage("", PAGE);
    if (first.size() < PAGE) {
      if (mark && !first.isEmpty()) {
        clients.markSwitchAndRoleFollowed();
      }
      return;
    }
    KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
    Realm named = new Realm(realm.getId(), realm.getName());
    String last = first.get(first.size() - 1);
    session
        .getTransactionManager()
        .enlistAfterCompletion(
            new AbstractKeycloakTransaction() {
              @Override
              protected void commitImpl() {
                submit(() -> followFrom(factory, named, last, mark));
              }

              @Override
              protected void rollbackImpl() {
                // The change was undone: there is nothing to follow.
              }
            });
  }

  /**
   * The realm's clients after {@code afterId}, page by page; a realm without such clients is left
   * unmarked (every realm passes here at start-up).
   */
  private static void followFrom(
      KeycloakSessionFactory factory, Realm realm, String afterId, boolean mark) {
    long started = System.nanoTime();
    int followed = 0;
    String after = afterId;
    try {
      while (true) {
        String from = after;
        List<String> page =
            KeycloakModelUtils.runJobInTransactionWithResult(
                factory,
                session ->
                    clientsOf(session, realm.id())
                        .map(clients -> clients.followOwnersOfPage(from, PAGE))
                        .orElse(List.of()));
        followed += page.size();
        if (page.size() < PAGE) {
          break;
        }
        after = page.get(page.size() - 1);
      }
      if (mark && (followed > 0 || !afterId.isEmpty())) {
        KeycloakModelUtils.runJobInTransaction(
            factory,
            session ->
                clientsOf(session, realm.id())
                    .ifPresent(SelfServiceClients::markSwitchAndRoleFollowed));
      }
      if (followed > 0) {
        LOG.infof(
            "%d self-service clients of realm %s follow its owners, switch and required role"
                + " (%d s in the background)",
            followed, realm.name(), (System.nanoTime() - started) / 1_000_000_000L);
      }
    } catch (RuntimeException failed) {
      LOG.warnf(
          "Could not bring the self-service clients of realm %s in line with their owners and"
              + " realm after %d of them (%s); the next start or change of the realm tries again",
          realm.name(), followed, failed.toString());
    }
  }

  /** The realm's clients; empty when the realm was removed meanwhile. */
  private static Optional<SelfServiceClients> clientsOf(KeycloakSession session, String realmId) {
    return Optional.ofNullable(session.realms().getRealm(realmId))
        .map(realm -> clientsOf(session, realm));
  }

  private static SelfServiceClients clientsOf(KeycloakSession session, RealmModel realm) {
    // Owners are looked up in the context's realm, which a job has not set.
    session.getContext().setRealm(realm);
    return new SelfServiceClients(session, realm);
  }

  private record Realm(String id, String name) {}

  private static void submit(Runnable task) {
    try {
      WORKER.execute(task);
    } catch (RejectedExecutionException stopping) {
      LOG.warn("Keycloak is stopping: self-service clients follow their realm at the next start");
    }
  }
}
