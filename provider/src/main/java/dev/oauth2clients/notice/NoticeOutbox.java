package dev.oauth2clients.notice;

import dev.oauth2clients.store.NoticeStore;
import dev.oauth2clients.store.OwnerNoticeEntity;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * At most one mail per owner and notice window (server option {@code
 * --spi-realm-restapi-extension--oauth2-clients--notice-window}, default a minute), so that a user
 * who creates and deletes clients in a loop cannot make the realm's mail server write without end.
 * A notice whose owner's window is free goes out right after its change commits; the others wait in
 * the outbox, and a drain sends each owner's waiting notices together once the window is over: one
 * notice as its own mail, several as one digest.
 */
public final class NoticeOutbox {

  /** The option's name in {@link Config.Scope}; Keycloak spells it {@code notice-window}. */
  public static final String WINDOW_OPTION = "noticeWindow";

  static final Duration DEFAULT_WINDOW = Duration.ofMinutes(1);

  private static final Logger LOG = Logger.getLogger(NoticeOutbox.class);

  // Static because notices are asked for by model code (a create, a rotation, the expiry task)
  // that has no provider configuration at hand; set once at start-up.
  private static volatile Duration window = DEFAULT_WINDOW;

  private NoticeOutbox() {}

  /**
   * Reads the window; a value that is no duration leaves the default, with one log line: the limit
   * protects the realm's mail server, so a typo must not switch it off, nor stop the server.
   */
  public static void configure(Config.Scope config) {
    try {
      window =
          ExpiryNotices.parseDuration("notice-window", config.get(WINDOW_OPTION), DEFAULT_WINDOW);
    } catch (IllegalArgumentException invalid) {
      LOG.errorf("%s; notices use the default window of %s", invalid.getMessage(), DEFAULT_WINDOW);
      window = DEFAULT_WINDOW;
    }
  }

  /** Starts the drain on Keycloak's timer. */
  public static void schedule(KeycloakSessionFactory factory) {
    Duration every = drainInterval(window);
    ExpiryNotices.schedule(factory, new NoticeDrainTask(), every);
    LOG.debugf(
        "Owner notices: one mail per owner and %s, waiting ones sent every %s", window, every);
  }

  /**
   * A quarter of the window, at least a second (the cluster lock's unit): a digest then goes out at
   * most a quarter of a window late, and a drain that finds nothing costs one indexed query.
   */
  static Duration drainInterval(Duration window) {
    Duration quarter = window.dividedBy(4);
    return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarter;
  }

  /**
   * The start of the window that ends {@code now}: an owner whose last mail is before it may get
   * one.
   */
  static long windowStart(long now) {
    return now - window.toMillis();
  }

  /**
   * Sends the owner's waiting notices if the owner's window is free, each step in a transaction of
   * its own, so that nothing here touches the caller's. The owner's window row is added the first
   * time; two nodes that add it at once fail one commit, which is harmless.
   */
  static void deliver(KeycloakSessionFactory factory, String realmId, String ownerId) {
    boolean withoutWindow =
        KeycloakModelUtils.runJobInTransactionWithResult(
            factory, session -> sendDue(session, realmId, ownerId));
    if (withoutWindow) {
      try {
        KeycloakModelUtils.runJobInTransaction(
            factory, session -> new NoticeStore(session).addWindow(realmId, ownerId));
      } catch (RuntimeException addedElsewhere) {
        LOG.debugf(
            "The notice window of %s was added by another node: %s", ownerId, addedElsewhere);
      }
      KeycloakModelUtils.runJobInTransaction(
          factory, session -> sendDue(session, realmId, ownerId));
    }
  }

  /**
   * One owner's turn: nothing when the outbox holds nothing for them or their window is taken;
   * their notices dropped when they are gone, have no verified address, or the realm has no SMTP
   * server any more (never sent to whoever has the address later); otherwise one mail and the rows
   * deleted. The mail goes out before the transaction commits, so a crash in between sends it again
   * rather than never. True when the owner has no window row yet.
   */
  private static boolean sendDue(KeycloakSession session, String realmId, String ownerId) {
    NoticeStore store = new NoticeStore(session);
    List<OwnerNoticeEntity> waiting = store.noticesOf(ownerId);
    RealmModel realm = session.realms().getRealm(realmId);
    if (waiting.isEmpty() || realm == null) {
      // A removed realm's rows went with it.
      return false;
    }
    // Users (organizations among them), the theme, the locale and the realm name are read from
    // the context's realm, which a session of its own does not have yet.
    session.getContext().setRealm(realm);
    UserModel owner = session.users().getUserById(realm, ownerId);
    String email = NoticeMailer.verifiedAddress(owner);
    if (email == null || !SmtpSettings.configured(realm)) {
      store.remove(waiting);
      return false;
    }
    long now = System.currentTimeMillis();
    if (!store.claimWindow(ownerId, now, windowStart(now))) {
      return !store.hasWindow(ownerId);
    }
    // Read again now that the claim holds the owner's row: a node that sent and deleted them
    // before the claim had committed, and what it deleted is gone from this read.
    List<OwnerNoticeEntity> claimed = store.noticesOf(ownerId);
    NoticeMailer.send(session, realm, owner, email, claimed.stream().map(Notice::of).toList());
    store.remove(claimed);
    return false;
  }
}
