package dev.oauth2clients.authenticator;

import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.usage.LastUse;
import dev.oauth2clients.version.RunningKeycloak;
import java.util.Set;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.FlowStatus;
import org.keycloak.authentication.authenticators.client.JWTClientAuthenticator;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Authenticates key-holding self-service clients ({@code private_key_jwt}): Keycloak's own
 * signed-JWT authenticator checks the assertion (signature against the client's {@code jwks} or
 * {@code jwks_uri}, audience, expiry, and that its {@code jti} was not used before), then the
 * client passes the same admission as every self-service client.
 *
 * <p>Keycloak's authenticator answers only for clients that name its id, so this one has an id of
 * its own: Keycloak's stays free for the realm's other clients, and a self-service client cannot be
 * made to skip the admission by an admin-side setting of Keycloak's.
 */
public class KeyAssertionClientAuthenticator extends JWTClientAuthenticator {

  @Override
  public void authenticateClient(ClientAuthenticationFlowContext context) {
    // The flow asks every execution; without an assertion there is nothing to parse.
    if (!ClientAdmission.formParameters(context).containsKey(OAuth2Constants.CLIENT_ASSERTION)) {
      context.attempted();
      return;
    }
    super.authenticateClient(context);
    ClientModel client = context.getClient();
    if (context.getStatus() != FlowStatus.SUCCESS
        || client == null
        || !ClientKind.KEY_AUTHENTICATOR_ID.equals(client.getClientAuthenticatorType())) {
      return;
    }
    if (!RunningKeycloak.on()) {
      ClientAdmission.fail(
          context, "Self-service clients are off on this server; its log says why.");
      return;
    }
    KeycloakSessionFactory factory = context.getSession().getKeycloakSessionFactory();
    ClientAdmission.admit(
        context,
        client,
        RealmPolicy.of(context.getRealm()),
        () -> LastUse.record(factory, client, false, null));
  }

  @Override
  public String getId() {
    return ClientKind.KEY_AUTHENTICATOR_ID;
  }

  @Override
  public String getDisplayType() {
    return "Self-service client key (signed JWT)";
  }

  @Override
  public String getHelpText() {
    return "Checks the signed client assertion of a self-service client that holds a key"
        + " (private_key_jwt) against its registered public keys. Only clients created through the"
        + " oauth2-clients API use it.";
  }

  /** None: Keycloak's own signed-JWT authenticator already advertises private_key_jwt. */
  @Override
  public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
    return Set.of();
  }
}
