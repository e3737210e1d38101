package dev.oauth2clients.authenticator;

import dev.oauth2clients.signin.SignInReach;
import dev.oauth2clients.signin.SignInTargets;
import org.jboss.logging.Logger;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The token endpoint sees every change to an owner, including those no event tells of (a user
 * disabled in a federated directory, say): where a client's redirect targets are out of line with
 * whether it may get tokens, this brings them in line. It reads only the cached client on the usual
 * path, and runs only for a caller who proved they hold the client's secret. The write has a
 * transaction of its own, since a refused grant rolls the request's transaction back.
 */
final class SignInRepair {

  private static final Logger LOG = Logger.getLogger(SignInRepair.class);

  private SignInRepair() {}

  static void ifOutOfLine(
      ClientAuthenticationFlowContext context, ClientModel client, boolean reachable) {
    if (SignInTargets.withheld(client) != reachable) {
      return;
    }
    String realmId = context.getRealm().getId();
    String id = client.getId();
    try {
      KeycloakModelUtils.runJobInTransaction(
          context.getSession().getKeycloakSessionFactory(),
          session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            ClientModel fresh = realm == null ? null : realm.getClientById(id);
            if (fresh != null) {
              session.getContext().setRealm(realm);
              SignInReach.follow(session, realm, fresh);
            }
          });
    } catch (RuntimeException failed) {
      // The grant's answer does not depend on it; the next grant or change tries again.
      LOG.warnf(
          "Could not bring the redirect URIs of client %s in line: %s",
          client.getClientId(), failed.toString());
    }
  }
}
