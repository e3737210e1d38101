package dev.oauth2clients.grant;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.SessionExpirationUtils;
import org.keycloak.protocol.oidc.refresh.DefaultRefreshTokenProvider;
import org.keycloak.protocol.oidc.refresh.DefaultRefreshTokenProviderFactory;
import org.keycloak.protocol.oidc.refresh.InitialRefreshTokenContext;
import org.keycloak.protocol.oidc.refresh.RefreshTokenContext;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.RefreshToken;

/**
 * Makes the refresh tokens of shared sessions as Keycloak's default provider does, except that the
 * session's timestamps move at most once a minute. Keycloak moves them on every refresh token it
 * makes, which on a session that hundreds of grants a second share would be a locked database row
 * written every second by every node. The price: a refresh token's lifetime counts from the
 * session's timestamp, so it may be up to a minute shorter than SSO Session Idle.
 *
 * <p>Refresh grants are left to Keycloak's provider ({@link #supports(RefreshTokenContext)} is
 * false); only the refresh tokens they make again come here.
 */
class SharedSessionRefreshTokens extends DefaultRefreshTokenProvider {

  static final int TIMESTAMP_STEP_SECONDS = 60;

  SharedSessionRefreshTokens(KeycloakSession session) {
    super(session);
  }

  @Override
  public boolean supports(InitialRefreshTokenContext context) {
    return !context.offlineTokenRequested()
        && SharedSessions.isShared(context.clientSessionCtx().getClientSession());
  }

  @Override
  public boolean supports(RefreshTokenContext context) {
    return false;
  }

  @Override
  public RefreshToken generateRefreshToken(InitialRefreshTokenContext context) {
    ClientSessionContext clientSessionContext = context.clientSessionCtx();
    AccessToken accessToken = context.responseBuilder().getAccessToken();
    AuthenticatedClientSessionModel clientSession = clientSessionContext.getClientSession();
    UserSessionModel userSession = clientSession.getUserSession();

    RefreshToken refreshToken =
        createRefreshToken(
            accessToken, context.confirmation(), DefaultRefreshTokenProviderFactory.PROVIDER_ID);
    touch(clientSession, userSession, refreshToken.getIat().intValue());
    refreshToken.exp(expiration(clientSession, userSession));
    ClientModel[] requestedAudience =
        clientSessionContext.getAttribute(
            Constants.REQUESTED_AUDIENCE_CLIENTS, ClientModel[].class);
    if (requestedAudience != null) {
      refreshToken
          .getOtherClaims()
          .put(
              Constants.REQUESTED_AUDIENCE,
              Arrays.stream(requestedAudience)
                  .map(ClientModel::getClientId)
                  .collect(Collectors.toSet()));
    }
    return refreshToken;
  }

  private static void touch(
      AuthenticatedClientSessionModel clientSession, UserSessionModel userSession, int now) {
    if (now - clientSession.getTimestamp() >= TIMESTAMP_STEP_SECONDS) {
      clientSession.setTimestamp(now);
    }
    if (now - userSession.getLastSessionRefresh() >= TIMESTAMP_STEP_SECONDS) {
      userSession.setLastSessionRefresh(now);
    }
  }

  /** Keycloak's rule: the client session's idle end, capped by its maximum lifespan. */
  private static long expiration(
      AuthenticatedClientSessionModel clientSession, UserSessionModel userSession) {
    ClientModel client = clientSession.getClient();
    RealmModel realm = client.getRealm();
    long idleEnd =
        SessionExpirationUtils.calculateClientSessionIdleTimestamp(
            false,
            userSession.isRememberMe(),
            TimeUnit.SECONDS.toMillis(clientSession.getTimestamp()),
            realm,
            client);
    long maxEnd =
        SessionExpirationUtils.calculateClientSessionMaxLifespanTimestamp(
            false,
            userSession.isRememberMe(),
            TimeUnit.SECONDS.toMillis(clientSession.getStarted()),
            TimeUnit.SECONDS.toMillis(userSession.getStarted()),
            realm,
            client);
    return TimeUnit.MILLISECONDS.toSeconds(maxEnd > 0 ? Math.min(idleEnd, maxEnd) : idleEnd);
  }
}
