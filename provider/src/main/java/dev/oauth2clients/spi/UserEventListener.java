package dev.oauth2clients.spi;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/**
 * A listener that acts on user events only and holds nothing to close, so that each of ours is one
 * lambda.
 */
@FunctionalInterface
public interface UserEventListener extends EventListenerProvider {

  @Override
  default void onEvent(AdminEvent event, boolean includeRepresentation) {}

  @Override
  default void close() {}
}
