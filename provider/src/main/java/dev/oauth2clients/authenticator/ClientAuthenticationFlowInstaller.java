package dev.oauth2clients.authenticator;

import dev.oauth2clients.policy.ClientKind;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.RealmModel;

/**
 * Keycloak asks only the executions of the realm's client authentication flow, so the hashed-secret
 * and key authenticators must be among them before a self-service client can get a token.
 */
public final class ClientAuthenticationFlowInstaller {

  /**
   * Before Keycloak's own client authenticators (10 to 50). The flow runs executions in order until
   * the one the client names has answered; first place spares a self-service client the five
   * built-in checks, and costs any other client one cached client lookup.
   */
  static final int PRIORITY = 5;

  /** Each authenticator by its place in the flow; the hashed secret's clients are most. */
  private static final Map<String, Integer> AUTHENTICATORS =
      Map.of(
          HashedSecretClientAuthenticator.PROVIDER_ID,
          PRIORITY,
          ClientKind.KEY_AUTHENTICATOR_ID,
          PRIORITY + 1);

  private ClientAuthenticationFlowInstaller() {}

  public static void ensureInstalled(RealmModel realm) {
    AuthenticationFlowModel flow = realm.getClientAuthenticationFlow();
    if (flow == null) {
      return;
    }
    Set<String> installed =
        realm
            .getAuthenticationExecutionsStream(flow.getId())
            .map(AuthenticationExecutionModel::getAuthenticator)
            .collect(Collectors.toSet());
    AUTHENTICATORS.forEach(
        (authenticator, priority) -> {
          if (!installed.contains(authenticator)) {
            AuthenticationExecutionModel execution = new AuthenticationExecutionModel();
            execution.setParentFlow(flow.getId());
            execution.setAuthenticator(authenticator);
            execution.setRequirement(AuthenticationExecutionModel.Requirement.ALTERNATIVE);
            execution.setPriority(priority);
            execution.setAuthenticatorFlow(false);
            realm.addAuthenticatorExecution(execution);
          }
        });
  }
}
