package dev.oauth2clients.spi;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;

/**
 * A factory with no configuration and nothing to start or stop, as the entity provider and the
 * policy tab refresher are. It lives with the lowest layer, so that any package may use it.
 */
public interface StatelessProviderFactory<T extends Provider> extends ProviderFactory<T> {

  @Override
  default void init(Config.Scope config) {}

  @Override
  default void postInit(KeycloakSessionFactory factory) {}

  @Override
  default void close() {}
}
