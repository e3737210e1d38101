package dev.oauth2clients.authenticator;

import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.store.ClientAttributes;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;

/**
 * Brings a self-service client's token settings in line with its owner's choice under the realm
 * policy in force, just before Keycloak issues it a token, so that a policy change reaches every
 * existing client's next token. It writes only when the policy has changed since the client's last
 * token; otherwise it reads the cached client and costs nothing.
 */
final class TokenSettings {

  private TokenSettings() {}

  static void followRealmPolicy(RealmPolicy policy, ClientModel client) {
    String lifespan =
        Integer.toString(
            policy.accessTokenLifespanFor(ClientAttributes.chosenAccessTokenLifespan(client)));
    if (!lifespan.equals(client.getAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN))) {
      client.setAttribute(OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN, lifespan);
    }
  }
}
