package dev.oauth2clients.resource;

import dev.oauth2clients.client.ConsentScreen;
import dev.oauth2clients.events.ModelLifecycleListener;
import dev.oauth2clients.notice.ExpiryNotices;
import java.time.Duration;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Mounts the API at {@code /realms/{realm}/oauth2-clients}. */
public class OAuth2ClientsResourceProviderFactory implements RealmResourceProviderFactory {

  public static final String ID = "oauth2-clients";

  private Duration expiryNoticeInterval;

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return new OAuth2ClientsResource(session);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void init(Config.Scope config) {
    expiryNoticeInterval = ExpiryNotices.interval(config);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    factory.register(new ModelLifecycleListener());
    factory.register(
        event -> {
          if (event instanceof PostMigrationEvent) {
            ConsentScreen.requireForEarlierClientsAtStartUp(factory);
          }
        });
    ExpiryNotices.schedule(factory, expiryNoticeInterval);
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
