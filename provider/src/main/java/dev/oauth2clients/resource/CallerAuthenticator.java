package dev.oauth2clients.resource;

import dev.oauth2clients.client.FixedSettings;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * Decides who is calling. Only a human user's access token from this realm, with a live session,
 * may manage clients: a token of a service account or of a self-service client would let a program
 * mint credentials in a person's name.
 */
final class CallerAuthenticator {

  record Caller(UserModel user, AccessToken token) {}

  private static final String BEARER = "bearer ";

  private CallerAuthenticator() {}

  static Caller authenticate(KeycloakSession session, RealmModel realm) {
    String tokenString = bearerToken(session);
    AccessToken token = verifiedToken(session, realm, tokenString);
    refuseProgramTokens(session, realm, token);
    // Keycloak's own check: session alive, user enabled, token not revoked.
    AuthResult auth =
        new AppAuthManager.BearerTokenAuthenticator(session)
            .setRealm(realm)
            .setTokenString(tokenString)
            .authenticate();
    if (auth == null) {
      throw invalidToken("The access token is not valid for an active session of this realm.");
    }
    return new Caller(auth.user(), auth.token());
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

  private static void refuseProgramTokens(
      KeycloakSession session, RealmModel realm, AccessToken token) {
    UserModel subject =
        token.getSubject() == null ? null : session.users().getUserById(realm, token.getSubject());
    if (subject != null && subject.getServiceAccountClientLink() != null) {
      throw ApiError.ACCESS_DENIED.because(
          "Service-account tokens cannot manage clients; sign in as a user.");
    }
    ClientModel issuedFor =
        token.getIssuedFor() == null ? null : realm.getClientByClientId(token.getIssuedFor());
    if (issuedFor != null && issuedFor.getAttribute(FixedSettings.OWNER_ATTRIBUTE) != null) {
      throw ApiError.ACCESS_DENIED.because(
          "Tokens issued to a self-service client cannot manage clients.");
    }
  }

  private static ApiException invalidToken(String description) {
    return ApiError.INVALID_TOKEN.because(description);
  }
}
