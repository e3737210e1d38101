package dev.oauth2clients.grant;

import dev.oauth2clients.store.ClientAttributes;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.keycloak.OAuth2Constants;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.ClientCredentialsGrantType;
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
 * <p>Requests for {@code offline_access}, and every client that is not self-service, take
 * Keycloak's path unchanged.
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
    stage = shares(context) ? Stage.BUILDING_TRANSIENT : Stage.KEYCLOAK;
    return super.process(context);
  }

  private static boolean shares(Context context) {
    return context.getClient().getAttribute(ClientAttributes.OWNER) != null
        && OIDCAdvancedConfigWrapper.fromClientModel(context.getClient())
            .isUseRefreshTokenForClientCredentialsGrant()
        && !TokenUtil.isOfflineTokenRequested(
            context.getFormParams().getFirst(OAuth2Constants.SCOPE));
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
