package dev.oauth2clients.grant;

import dev.oauth2clients.version.RunningKeycloak;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.protocol.oidc.grants.ClientCredentialsGrantTypeFactory;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;

/**
 * Takes Keycloak's {@code client_credentials} grant over (same id, higher order), so that grants of
 * self-service clients share one service-account session instead of persisting one each. Every
 * other client goes through Keycloak's own grant unchanged.
 */
public class SharedSessionClientCredentialsGrantTypeFactory
    extends ClientCredentialsGrantTypeFactory {

  /** Above the built-in factory's default of 0, which is what makes Keycloak pick this one. */
  static final int ORDER = 100;

  /**
   * Keycloak's own grant while the provider is off: this factory stays the one Keycloak picks
   * either way, so the choice is made here and nowhere else.
   */
  @Override
  public OAuth2GrantType create(KeycloakSession session) {
    return RunningKeycloak.on()
        ? new SharedSessionClientCredentialsGrantType()
        : super.create(session);
  }

  /** A removed client's entry would otherwise stay in this node's registry for good. */
  @Override
  public void postInit(KeycloakSessionFactory factory) {
    RunningKeycloak.startUp(
        "Forgetting the shared sessions of removed clients",
        () ->
            factory.register(
                event -> {
                  if (event instanceof ClientModel.ClientRemovedEvent removed) {
                    SharedSessionRegistry.forget(removed.getClient());
                  }
                }));
  }

  @Override
  public int order() {
    return ORDER;
  }
}
