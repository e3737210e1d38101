package dev.oauth2clients.spi;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;

/**
 * A factory of event listeners that Keycloak calls for every realm without any realm naming them in
 * its event settings; admin events reach such listeners whether or not the realm stores them.
 */
public interface GlobalEventListenerFactory
    extends EventListenerProviderFactory, StatelessProviderFactory<EventListenerProvider> {

  @Override
  default boolean isGlobal() {
    return true;
  }
}
