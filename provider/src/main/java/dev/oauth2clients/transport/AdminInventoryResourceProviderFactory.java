package dev.oauth2clients.transport;

import dev.oauth2clients.spi.StatelessProviderFactory;
import dev.oauth2clients.version.RunningKeycloak;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Mounts the admin's inventory at {@code /admin/realms/{realm}/oauth2-clients}. The SPI's signature
 * is the same on Keycloak 26.4, 26.5 and 26.7. While the provider is off on this server there is no
 * resource, which Keycloak answers {@code 404}.
 */
public class AdminInventoryResourceProviderFactory
    implements AdminRealmResourceProviderFactory,
        AdminRealmResourceProvider,
        StatelessProviderFactory<AdminRealmResourceProvider> {

  public static final String ID = "oauth2-clients";

  @Override
  public AdminRealmResourceProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public Object getResource(
      KeycloakSession session,
      RealmModel realm,
      AdminPermissionEvaluator auth,
      AdminEventBuilder adminEvent) {
    return RunningKeycloak.on()
        ? new AdminInventoryResource(session, realm, auth, adminEvent)
        : null;
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
