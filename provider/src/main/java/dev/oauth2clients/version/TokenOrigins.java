package dev.oauth2clients.version;

import jakarta.ws.rs.ForbiddenException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;
import org.keycloak.common.util.UriUtils;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.WebOriginsUtils;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.cors.Cors;

/**
 * Keycloak's CORS for the web origins a caller's token allows, on each line. 26.7 calls it {@code
 * checkAllowedOrigins} and refuses another origin with {@link ForbiddenException}. 26.4 and 26.5
 * have only {@code allowedOrigins}, which leaves the CORS headers out for another origin and lets
 * the request run; there the same rule as 26.7's is applied here: the token's origins, or the
 * client's web origins when the token names none, or the server's own origin.
 */
public final class TokenOrigins {

  private static final Method CHECKING = method("checkAllowedOrigins", AccessToken.class);
  private static final Method SETTING = method("allowedOrigins", String[].class);

  private TokenOrigins() {}

  /**
   * @param origin the request's {@code Origin} header, null when it has none
   * @throws ForbiddenException for an origin the token does not allow
   */
  public static Cors allow(KeycloakSession session, Cors cors, AccessToken token, String origin) {
    if (CHECKING != null) {
      return invoke(CHECKING, cors, token);
    }
    Set<String> allowed = allowedOrigins(session, token);
    boolean sameOrigin =
        origin != null
            && origin.equals(UriUtils.getOrigin(session.getContext().getUri().getRequestUri()));
    if (origin != null && !sameOrigin && !allowed.contains(origin) && !allowed.contains("*")) {
      throw new ForbiddenException("Invalid origin");
    }
    return invoke(SETTING, cors, (Object) allowed.toArray(String[]::new));
  }

  private static Set<String> allowedOrigins(KeycloakSession session, AccessToken token) {
    Set<String> inToken = token.getAllowedOrigins();
    if (inToken != null && !inToken.isEmpty()) {
      return inToken;
    }
    ClientModel client =
        token.getIssuedFor() == null
            ? null
            : session.getContext().getRealm().getClientByClientId(token.getIssuedFor());
    return client == null ? Set.of() : WebOriginsUtils.resolveValidWebOrigins(session, client);
  }

  private static Method method(String name, Class<?> parameter) {
    try {
      return Cors.class.getMethod(name, parameter);
    } catch (NoSuchMethodException absent) {
      return null;
    }
  }

  private static Cors invoke(Method method, Cors cors, Object argument) {
    if (method == null) {
      throw new IllegalStateException("this Keycloak's Cors has no method for a token's origins");
    }
    try {
      return (Cors) method.invoke(cors, argument);
    } catch (InvocationTargetException thrown) {
      if (thrown.getCause() instanceof RuntimeException refusal) {
        throw refusal;
      }
      throw new IllegalStateException(thrown.getCause());
    } catch (IllegalAccessException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
