package dev.oauth2clients.grant;

import dev.oauth2clients.spi.StatelessProviderFactory;
import dev.oauth2clients.version.RunningKeycloak;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.refresh.DefaultRefreshTokenProvider;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProvider;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProviderFactory;

/**
 * Ranks above Keycloak's default provider (order 0), which keeps every other session, and is that
 * provider wherever sessions are not shared. Keycloak before 26.7 has no such SPI and never loads
 * this.
 */
public class SharedSessionRefreshTokensFactory
    implements RefreshTokenProviderFactory, StatelessProviderFactory<RefreshTokenProvider> {

  @Override
  public RefreshTokenProvider create(KeycloakSession session) {
    return RunningKeycloak.sharesSessions()
        ? new SharedSessionRefreshTokens(session)
        : new DefaultRefreshTokenProvider(session);
  }

  @Override
  public String getId() {
    return "oauth2-clients-shared-session";
  }

  @Override
  public int order() {
    return SharedSessionClientCredentialsGrantTypeFactory.ORDER;
  }
}
