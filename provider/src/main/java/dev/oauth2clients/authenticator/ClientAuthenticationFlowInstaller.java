package dev.oauth2clients.authenticator;

import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/**
 * Keycloak asks only the executions of the realm's client authentication flow, so the hashed-secret
 * authenticator must be one of them before a self-service client can get a token.
 */
public final class ClientAuthenticationFlowInstaller {

  /**
   * Before Keycloak's own client authenticators (10 to 50). The flow runs executions in order until
   * the one the client names has answered; first place spares a self-service client the five
   * built-in checks, and costs any other client one cached client lookup.
   */
  static final int PRIORITY = 5;

  private ClientAuthenticationFlowInstaller() {}

  public static void ensureInstalled(RealmModel realm) {
    AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
    if (flow == null || isInstalled(realm, flow)) {
      return;
    }
    AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
    execution.setParentFlow(flow.getId());
    execution.setAuthenticator(HashedSecretClientAuthenticator.PROVIDER_ID);
    execution.setRequirement(AuthenticationExecutionModel.Requirement.ALTERNATIVE);
    execution.setPriority(PRIORITY);
    execution.setAuthenticatorFlow(false);
    realm.addAuthenticatorExecution(execution);
  }

  private static boolean isInstalled(RealmModel realm, AuthenticationFlowModel flow) {
    return realm
        .getAuthenticationExecutionsStream(flow.getId())
        .anyMatch(e -> HashedSecretClientAuthenticator.PROVIDER_ID.equals(e.getAuthenticator()));
  }
}
