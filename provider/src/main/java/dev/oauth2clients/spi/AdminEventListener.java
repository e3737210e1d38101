package dev.oauth2clients.spi;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;

/**
 * A listener that acts on admin events only and holds nothing to close, so that each of ours is one
 * lambda.
 */
@FunctionalInterface
public interface AdminEventListener extends EventListenerProvider {

  @Override
  default void onEvent(Event event) {}

  @Override
  default void close() {}
}
