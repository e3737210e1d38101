package dev.oauth2clients.admission;

import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.store.ClientAttributes;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.keycloak.models.AccountRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Decides who is calling. Only a human user's access token from this realm, with a live session,
 * that is good for the user's account (as strict as Keycloak's account REST API) may manage
 * clients: any other app holding a user's token, a service account, or a self-service client would
 * otherwise mint credentials in a person's name.
 */
public final class CallerAuthenticator {

  public record Caller(UserModel user, AccessToken token) {}

  private static final String BEARER = "bearer ";

  private CallerAuthenticator() {}

  public static Caller authenticate(KeycloakSession session, RealmModel realm, RealmPolicy policy) {
    String tokenString = bearerToken(session);
    AccessToken token = verifiedToken(session, realm, tokenString);
    // Keycloak's own check: session alive, user enabled, token not revoked.
    AuthResult auth =
        new AppAuthManager.BearerTokenAuthenticator(session)
            .setRealm(realm)
            .setTokenString(tokenString)
            .authenticate();
    refuseServiceAccounts(auth != null ? auth.getUser() : subject(session, realm, token));
    if (auth == null) {
      throw invalidToken("The access token is not valid for an active session of this realm.");
    }
    refuseSelfServiceClientTokens(realm, auth);
    requireAccountGrant(auth.getToken());
    requireCallerApplication(policy, auth.getToken());
    return new Caller(auth.getUser(), auth.getToken());
  }

  /**
   * With Keycloak's defaults every new client is full-scope, so its users' tokens are good for the
   * account: only the applications the realm names may turn a user's sign-in into a permanent
   * credential.
   */
  private static void requireCallerApplication(RealmPolicy policy, AccessToken token) {
    if (!policy.callerClients().contains(token.getIssuedFor())) {
      throw ApiError.ACCESS_DENIED.because(
          "The application you signed in to may not manage API clients in this realm; an"
              + " administrator names the ones that may ("
              + PolicySetting.CALLER_CLIENTS.attribute
              + ").");
    }
  }

  private static String bearerToken(KeycloakSession session) {
    List<String> headers =
        session.getContext().getRequestHeaders().getRequestHeader(HttpHeaders.AUTHORIZATION);
    if (headers == null || headers.isEmpty()) {
      throw invalidToken("An access token is required (Authorization: Bearer).");
    }
    String header = headers.get(0);
    if (headers.size() > 1
        || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || header.substring(BEARER.length()).isBlank()) {
      throw invalidToken("The Authorization header must be one 'Bearer <access token>'.");
    }
    return header.substring(BEARER.length()).trim();
  }

  /** Signature, issuer, expiry and type; enough to classify the token before trusting it more. */
  private static AccessToken verifiedToken(
      KeycloakSession session, RealmModel realm, String tokenString) {
    AccessToken token = session.tokens().decode(tokenString, AccessToken.class);
    String issuer = Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName());
    if (token == null
        || !issuer.equals(token.getIssuer())
        || !token.isActive()
        || !"Bearer".equalsIgnoreCase(token.getType())) {
      throw invalidToken("The access token is malformed, expired or not from this realm.");
    }
    return token;
  }

  /**
   * Judged on the user Keycloak resolved from the token's session; a token without a persisted
   * session (a service account's without refresh tokens) is resolved through its subject, so that
   * it is refused as what it is rather than as expired.
   */
  private static void refuseServiceAccounts(UserModel user) {
    if (user != null && user.getServiceAccountClientLink() != null) {
      throw ApiError.ACCESS_DENIED.because(
          "Service-account tokens cannot manage clients; sign in as a user.");
    }
  }

  private static UserModel subject(KeycloakSession session, RealmModel realm, AccessToken token) {
    return token.getSubject() == null
        ? null
        : session.users().getUserById(realm, token.getSubject());
  }

  private static void refuseSelfServiceClientTokens(RealmModel realm, AuthResult auth) {
    ClientModel issuedFor =
        auth.getClient() != null ? auth.getClient() : issuedFor(realm, auth.getToken());
    if (issuedFor != null && issuedFor.getAttribute(ClientAttributes.OWNER) != null) {
      throw ApiError.ACCESS_DENIED.because(
          "Tokens issued to a self-service client cannot manage clients.");
    }
  }

  private static ClientModel issuedFor(RealmModel realm, AccessToken token) {
    return token.getIssuedFor() == null ? null : realm.getClientByClientId(token.getIssuedFor());
  }

  /**
   * What Keycloak's account REST API demands: audience {@code account} and that client's role
   * {@code manage-account} in the token. An app the user merely signed in to has neither unless the
   * realm admin granted it the user's account.
   */
  private static void requireAccountGrant(AccessToken token) {
    AccessToken.Access account = token.getResourceAccess(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
    if (!token.hasAudience(Constants.ACCOUNT_MANAGEMENT_CLIENT_ID)
        || account == null
        || !account.isUserInRole(AccountRoles.MANAGE_ACCOUNT)) {
      throw ApiError.ACCESS_DENIED.because(
          "The access token does not grant managing the user's account (audience 'account' and"
              + " the role 'manage-account'); use a token of the account console or of an app"
              + " the realm admin allowed to manage accounts.");
    }
  }

  private static ApiException invalidToken(String description) {
    return ApiError.INVALID_TOKEN.because(description);
  }
}
