package dev.oauth2clients.admission;

import dev.oauth2clients.admission.CallerAuthenticator.Caller;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.version.TokenOrigins;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.HttpHeaders;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.cors.Cors;

/**
 * The gate every call of the API passes before it reaches the service, as Keycloak's {@code
 * AccountLoader} and {@code ClientRegistrationAuth} are for theirs: the realm has the feature on,
 * the caller is a human user with a token the realm trusts with this API ({@link
 * CallerAuthenticator}), the browser's origin is one that token allows, and the user holds the
 * realm's required role. A refusal is an {@code ApiException} with the contract's error.
 */
public final class Admission {

  /** Who was let in, under which realm policy. */
  public record Admitted(RealmPolicy policy, UserModel user, AccessToken token) {}

  private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};

  private Admission() {}

  public static Admitted admit(KeycloakSession session, RealmModel realm) {
    RealmPolicy policy = RealmPolicy.of(realm);
    if (!policy.enabled()) {
      throw ApiError.FEATURE_DISABLED.because(
          "Self-service clients are not enabled in this realm.");
    }
    Caller caller = CallerAuthenticator.authenticate(session, realm, policy);
    allowOrigin(session, caller.token());
    if (!policy.holdsRequiredRole(realm, caller.user())) {
      throw ApiError.ACCESS_DENIED.because(
          "Managing clients requires the realm role '" + policy.requiredRole().get() + "'.");
    }
    return new Admitted(policy, caller.user(), caller.token());
  }

  /** The methods the API answers, for CORS. */
  public static String[] methods() {
    return METHODS.clone();
  }

  /**
   * CORS headers for the origins the caller's token allows. Keycloak refuses any other origin with
   * an exception of its own; here that is the contract's 403.
   */
  private static void allowOrigin(KeycloakSession session, AccessToken token) {
    try {
      TokenOrigins.allow(
              session,
              Cors.builder().auth().allowedMethods(METHODS).exposedHeaders(HttpHeaders.LOCATION),
              token,
              session.getContext().getRequestHeaders().getHeaderString(Cors.ORIGIN_HEADER))
          .add();
    } catch (ForbiddenException refused) {
      throw ApiError.ACCESS_DENIED.because(
          "This origin may not call the API: it is not a web origin of the application that"
              + " signed you in.");
    }
  }
}
