package dev.oauth2clients.policy;

import dev.oauth2clients.spi.AdminEventListener;
import dev.oauth2clients.spi.GlobalEventListenerFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Copies the realm policy into the admin console tab after an admin updates the realm by other
 * means (admin REST API, kcadm, the realm settings form), so the tab never shows stale values.
 * Keycloak publishes no model event for realm attributes, so this listens to admin events; it is
 * global, so it works without being added to any realm's event listeners, and admin events reach
 * listeners whether or not the realm stores them.
 */
public class PolicyTabRefresher implements GlobalEventListenerFactory {

  public static final String ID = "oauth2-clients-policy-tab";

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return (AdminEventListener)
        (event, includeRepresentation) -> {
          if (event.getResourceType() == ResourceType.REALM
              && event.getOperationType() == OperationType.UPDATE) {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            if (realm != null) {
              PolicyTabSync.copyToTab(session, realm);
            }
          }
        };
  }

  @Override
  public String getId() {
    return ID;
  }
}
