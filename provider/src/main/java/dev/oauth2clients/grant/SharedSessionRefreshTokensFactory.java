package dev.oauth2clients.grant;

import dev.oauth2clients.store.StatelessProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProvider;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProviderFactory;

/** Ranks above Keycloak's default provider (order 0), which keeps every other session. */
public class SharedSessionRefreshTokensFactory
    implements RefreshTokenProviderFactory, StatelessProviderFactory<RefreshTokenProvider> {

  @Override
  public RefreshTokenProvider create(KeycloakSession session) {
    return new SharedSessionRefreshTokens(session);
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
