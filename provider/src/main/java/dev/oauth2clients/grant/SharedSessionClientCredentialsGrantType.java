package dev.oauth2clients.grant;

import dev.oauth2clients.store.ClientAttributes;
import dev.oauth2clients.version.RunningKeycloak;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.ClientCredentialsGrantType;
import org.keycloak.services.CorsErrorResponseException;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.util.DefaultClientSessionContext;
import org.keycloak.util.TokenUtil;

/**
 * Keycloak's {@code client_credentials} grant, except that a self-service client's tokens belong to
 * one persisted service-account session per client and node, reused grant after grant, instead of a
 * new persisted session per grant.
 *
 * <p>Keycloak's grant runs as it always does, with one change while it does: it is told that this
 * grant issues no refresh token, so the session it builds for the request is transient (no write).
 * Just before the tokens are made, the request's client session is moved onto the shared session
 * and refresh tokens are turned back on, so the response holds an access token and a refresh token
 * whose {@code sid} is the shared session, which the refresh grant, introspection, logout and
 * deletion treat as any other session.
 *
 * <p>Every client that is not self-service takes Keycloak's path unchanged; a self-service client's
 * request for {@code offline_access} is refused.
 */
class SharedSessionClientCredentialsGrantType extends ClientCredentialsGrantType {

  private enum Stage {
    /** Keycloak's behaviour, untouched. */
    KEYCLOAK,
    /** Sharing: Keycloak builds a transient session for the request. */
    BUILDING_TRANSIENT,
    /** Sharing: the tokens are being made on the shared session. */
    ON_SHARED_SESSION
  }

  private Stage stage = Stage.KEYCLOAK;

  @Override
  public Response process(Context context) {
    boolean selfService = context.getClient().getAttribute(ClientAttributes.OWNER) != null;
    if (selfService
        && TokenUtil.isOfflineTokenRequested(
            context.getFormParams().getFirst(OAuth2Constants.SCOPE))) {
      refuseOffline(context);
    }
    stage = selfService && shares(context) ? Stage.BUILDING_TRANSIENT : Stage.KEYCLOAK;
    return super.process(context);
  }

  /**
   * Keycloak would make a new offline session on every such grant, each idling for the realm's
   * offline idle time (30 days by default): one client could fill the database. A client that needs
   * a token later asks again; it holds its own secret.
   */
  private void refuseOffline(Context context) {
    setContext(context);
    String reason =
        "scope offline_access is not available to client_credentials for a self-service client;"
            + " ask for a new token with the client's secret instead.";
    event.detail(Details.REASON, reason).error(Errors.INVALID_REQUEST);
    throw new CorsErrorResponseException(
        cors, OAuthErrorException.INVALID_SCOPE, reason, Response.Status.BAD_REQUEST);
  }

  /**
   * Keycloak 26.4's grant has no hook for it; there every grant keeps Keycloak's own session. Nor
   * where the realm revokes refresh tokens on use: Keycloak then keeps each refresh token's use
   * count in notes on its client session, which on a shared session would grow with every grant and
   * never be pruned, and one reused token would end the session of every worker of the client.
   */
  private static boolean shares(Context context) {
    return RunningKeycloak.sharesSessions()
        && !context.getRealm().isRevokeRefreshToken()
        && OIDCAdvancedConfigWrapper.fromClientModel(context.getClient())
            .isUseRefreshTokenForClientCredentialsGrant();
  }

  @Override
  protected boolean useRefreshToken() {
    return switch (stage) {
      case KEYCLOAK -> super.useRefreshToken();
      case BUILDING_TRANSIENT -> false;
      case ON_SHARED_SESSION -> true;
    };
  }

  @Override
  protected Response createTokenResponse(
      UserModel user,
      UserSessionModel requestSession,
      ClientSessionContext requestContext,
      String scopeParam,
      boolean code,
      Function<TokenManager.AccessTokenResponseBuilder, ClientPolicyContext> policyContext) {
    if (stage != Stage.BUILDING_TRANSIENT) {
      return super.createTokenResponse(
          user, requestSession, requestContext, scopeParam, code, policyContext);
    }
    SharedSession shared =
        SharedSessions.forClient(
            session,
            realm,
            client,
            user,
            requestSession,
            requestContext,
            clientAuthAttributes.keySet());
    stage = Stage.ON_SHARED_SESSION;
    event.session(shared.userSession());
    Set<ClientScopeModel> scopes =
        requestContext.getClientScopesStream().collect(Collectors.toSet());
    ClientSessionContext sharedContext =
        DefaultClientSessionContext.fromClientSessionAndClientScopes(
            shared.clientSession(), scopes, null, session);
    return super.createTokenResponse(
        user, shared.userSession(), sharedContext, scopeParam, code, policyContext);
  }
}
