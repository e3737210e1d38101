package dev.oauth2clients.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.leak.SecretRevocations;
import dev.oauth2clients.validation.ReportedSecrets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A report of found secrets, from anyone, with no token: whoever holds a secret may end it, and
 * learns nothing else. The revocation commits in a transaction of its own before the answer, so
 * that a {@code 202} means the secrets fail from now on; every answer then waits until {@link
 * #ANSWER_TIME} has passed since the report arrived, so that a report that revoked something cannot
 * be told by its timing from one that did not.
 */
public final class LeakReports {

  /**
   * Longer than a revocation of one secret takes (with its event and the owner's e-mail in the
   * outbox), on H2 and PostgreSQL alike; a report of many live secrets may take longer, and tells
   * its sender only what they knew already.
   */
  static final Duration ANSWER_TIME = Duration.ofMillis(30);

  private LeakReports() {}

  public static void report(KeycloakSession session, RealmModel realm, ObjectNode body) {
    long arrived = System.nanoTime();
    List<String> candidates = ReportedSecrets.of(body);
    String realmId = realm.getId();
    KeycloakModelUtils.runJobInTransaction(
        session.getKeycloakSessionFactory(),
        job -> {
          RealmModel jobRealm = job.realms().getRealm(realmId);
          job.getContext().setRealm(jobRealm);
          new SecretRevocations(job, jobRealm).revokeReported(candidates);
        });
    long remaining = ANSWER_TIME.toNanos() - (System.nanoTime() - arrived);
    while (remaining > 0) {
      LockSupport.parkNanos(remaining);
      remaining = ANSWER_TIME.toNanos() - (System.nanoTime() - arrived);
    }
  }
}
