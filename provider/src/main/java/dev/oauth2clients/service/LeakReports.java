package dev.oauth2clients.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.leak.SecretRevocations;
import dev.oauth2clients.metrics.OperationMetrics;
import dev.oauth2clients.metrics.Outcome;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.validation.ReportedSecrets;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A report of found secrets, from anyone, with no token: whoever holds a secret may end it, and
 * learns nothing else. The revocation commits in a transaction of its own before the answer, so
 * that a {@code 202} means the secrets fail from now on; every answer then takes as long as {@link
 * EvenAnswerTime} says, so that a report that revoked something cannot be told by its timing from
 * one that did not. A report of many live secrets may take longer still; it tells its sender only
 * what they knew already.
 */
public final class LeakReports {

  private static final EvenAnswerTime ANSWER_TIME = new EvenAnswerTime(System::nanoTime);

  private LeakReports() {}

  public static void report(KeycloakSession session, RealmModel realm, ObjectNode body) {
    long arrived = System.nanoTime();
    List<String> candidates;
    try {
      candidates = ReportedSecrets.of(body);
    } catch (ApiException refused) {
      OperationMetrics.revoked(session, realm, Outcome.REFUSED);
      throw refused;
    }
    String realmId = realm.getId();
    int revoked =
        KeycloakModelUtils.runJobInTransactionWithResult(
            session.getKeycloakSessionFactory(),
            job -> {
              RealmModel jobRealm = job.realms().getRealm(realmId);
              job.getContext().setRealm(jobRealm);
              return new SecretRevocations(job, jobRealm).revokeReported(candidates);
            });
    long took = System.nanoTime() - arrived;
    // Counted after the wait: a hit's own time would otherwise lengthen its own answer alone.
    ANSWER_TIME.waitFrom(arrived);
    ANSWER_TIME.took(took, revoked);
  }
}
