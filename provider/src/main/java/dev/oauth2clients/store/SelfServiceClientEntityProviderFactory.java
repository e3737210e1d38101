package dev.oauth2clients.store;

import dev.oauth2clients.spi.StatelessProviderFactory;
import java.util.List;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;

/** Registers the entities and their Liquibase changelog with Keycloak's own persistence unit. */
public class SelfServiceClientEntityProviderFactory
    implements JpaEntityProviderFactory,
        JpaEntityProvider,
        StatelessProviderFactory<JpaEntityProvider> {

  static final String ID = "oauth2-clients";

  @Override
  public List<Class<?>> getEntities() {
    return List.of(
        SelfServiceClientEntity.class, OwnerNoticeEntity.class, NoticeWindowEntity.class);
  }

  @Override
  public String getChangelogLocation() {
    return "META-INF/oauth2-clients-changelog.xml";
  }

  @Override
  public String getFactoryId() {
    return ID;
  }

  @Override
  public JpaEntityProvider create(KeycloakSession session) {
    return this;
  }

  @Override
  public void close() {}

  @Override
  public String getId() {
    return ID;
  }
}
