package dev.oauth2clients.metrics;

import java.util.Locale;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code oauth2_clients_operations_total{realm, operation, outcome}}: what callers did to
 * self-service clients. A success counts once the request's transaction has committed, so a change
 * that was rolled back is never counted as done; a refusal counts at once, as it changed nothing.
 * Nothing here throws: counting must never fail a request.
 */
public final class OperationMetrics {

  /** The label {@code operation}. */
  public enum Operation {
    CREATE,
    UPDATE,
    DELETE,
    ROTATE,
    /** A secret cut off outside the owner's rotation: a leak report or an admin's revocation. */
    REVOKE;

    final String label = name().toLowerCase(Locale.ROOT);
  }

  private OperationMetrics() {}

  /**
   * An operation that ended in a success: counted when {@code session}'s transaction commits, or
   * now when that transaction has already ended.
   */
  public static void succeeded(KeycloakSession session, RealmModel realm, Operation operation) {
    String realmName = realm.getName();
    try {
      session
          .getTransactionManager()
          .enlistAfterCompletion(new CountOnCommit(realmName, operation));
    } catch (IllegalStateException alreadyCompleted) {
      Counters.GLOBAL.operation(realmName, operation, Outcome.SUCCESS);
    }
  }

  /** An operation refused with a 4xx answer: counted now. */
  public static void refused(RealmModel realm, Operation operation) {
    Counters.GLOBAL.operation(realm.getName(), operation, Outcome.REFUSED);
  }

  /**
   * A secret revocation (a leak report or an admin's revoke) and its outcome: a success once {@code
   * session}'s transaction commits, a refusal now.
   */
  public static void revoked(KeycloakSession session, RealmModel realm, Outcome outcome) {
    if (outcome == Outcome.SUCCESS) {
      succeeded(session, realm, Operation.REVOKE);
    } else {
      refused(realm, Operation.REVOKE);
    }
  }

  /** Keycloak commits this after the request's own transaction, and rolls it back with it. */
  private static final class CountOnCommit extends AbstractKeycloakTransaction {

    private final String realm;
    private final Operation operation;

    CountOnCommit(String realm, Operation operation) {
      this.realm = realm;
      this.operation = operation;
    }

    @Override
    protected void commitImpl() {
      Counters.GLOBAL.operation(realm, operation, Outcome.SUCCESS);
    }

    @Override
    protected void rollbackImpl() {
      // Undone: nothing happened to count.
    }
  }
}
