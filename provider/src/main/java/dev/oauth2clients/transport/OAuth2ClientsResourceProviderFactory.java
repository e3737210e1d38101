package dev.oauth2clients.transport;

import dev.oauth2clients.client.ConsentScreen;
import dev.oauth2clients.lifecycle.ModelLifecycleListener;
import dev.oauth2clients.lifecycle.RealmWideFollow;
import dev.oauth2clients.notice.ExpiryNotices;
import dev.oauth2clients.notice.NoticeOutbox;
import dev.oauth2clients.version.RunningKeycloak;
import java.time.Duration;
import java.util.Optional;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts the API at {@code /realms/{realm}/oauth2-clients}; while the provider is off on this
 * server there is no resource, which Keycloak answers {@code 404}.
 */
public class OAuth2ClientsResourceProviderFactory implements RealmResourceProviderFactory {

  public static final String ID = "oauth2-clients";

  private Optional<Duration> expiryNoticeInterval;

  @Override
  public RealmResourceProvider create(KeycloakSession session) {
    return new RealmResourceProvider() {
      @Override
      public Object getResource() {
        return RunningKeycloak.on() ? new OAuth2ClientsResource(session) : null;
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void init(Config.Scope config) {
    expiryNoticeInterval = ExpiryNotices.interval(config);
    NoticeOutbox.configure(config);
  }

  @Override
  public void postInit(KeycloakSessionFactory factory) {
    RunningKeycloak.startUp(
        "Following Keycloak's client, user and realm changes",
        () -> factory.register(new ModelLifecycleListener()));
    RunningKeycloak.startUp(
        "Requiring consent and following realms for clients made before this release",
        () ->
            factory.register(
                event -> {
                  if (event instanceof PostMigrationEvent) {
                    ConsentScreen.requireForEarlierClientsAtStartUp(factory);
                    RealmWideFollow.atStartUp(factory);
                  }
                }));
    expiryNoticeInterval.ifPresent(
        interval ->
            RunningKeycloak.startUp(
                "Scheduling secret expiry notices",
                () -> ExpiryNotices.schedule(factory, interval)));
    RunningKeycloak.startUp(
        "Scheduling the owner notices' outbox", () -> NoticeOutbox.schedule(factory));
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
