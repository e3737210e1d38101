package dev.oauth2clients.authenticator;

import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.store.ClientAttributes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.keycloak.OAuth2Constants;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.ClientAuthUtil;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;

/**
 * What every self-service client passes at the token endpoint once its credential checked out (a
 * public client has none): the admins', the owner's and the realm's say over it now. A client's
 * state is named only to a caller who proved they hold its credential; to anyone else it is just a
 * wrong credential.
 */
final class ClientAdmission {

  private ClientAdmission() {}

  /**
   * Lets the client have its tokens, or fails the request with the reason.
   *
   * @param recordUse credits the use to the client, only when it is let in
   */
  static void admit(
      ClientAuthenticationFlowContext context,
      ClientModel client,
      RealmPolicy policy,
      Runnable recordUse) {
    Optional<String> refusal = refusal(context, client, policy);
    SignInRepair.ifOutOfLine(context, client, refusal.isEmpty() && policy.enabled());
    if (refusal.isPresent()) {
      fail(context, refusal.get());
      return;
    }
    recordUse.run();
    TokenSettings.followRealmPolicy(policy, client);
    if (OAuth2Constants.REFRESH_TOKEN.equals(
        formParameters(context).getFirst(OAuth2Constants.GRANT_TYPE))) {
      ServiceAccountConsent.ensure(context.getSession(), context.getRealm(), client);
    }
    context.success();
  }

  /** Why a client whose credential checked out may get no tokens now, if it may not. */
  private static Optional<String> refusal(
      ClientAuthenticationFlowContext context, ClientModel client, RealmPolicy policy) {
    if (!client.isEnabled()) {
      return Optional.of("The client is disabled by an administrator.");
    }
    if (ClientAttributes.isPaused(client)) {
      return Optional.of("The client is paused by its owner.");
    }
    Optional<String> kind = policy.kindRefusal(ClientKind.of(client));
    if (kind.isPresent()) {
      return kind;
    }
    return policy.ownerRefusal(context.getRealm(), owner(context, client));
  }

  private static UserModel owner(ClientAuthenticationFlowContext context, ClientModel client) {
    String ownerId = client.getAttribute(ClientAttributes.OWNER);
    return ownerId == null
        ? null
        : context.getSession().users().getUserById(context.getRealm(), ownerId);
  }

  static void fail(ClientAuthenticationFlowContext context, String reason) {
    Response response =
        ClientAuthUtil.errorResponse(
            Response.Status.UNAUTHORIZED.getStatusCode(), "invalid_client", reason);
    context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, response);
  }

  static MultivaluedMap<String, String> formParameters(ClientAuthenticationFlowContext context) {
    MediaType type = context.getHttpRequest().getHttpHeaders().getMediaType();
    boolean form = type != null && type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
    return form ? context.getHttpRequest().getDecodedFormParameters() : new MultivaluedHashMap<>();
  }
}
