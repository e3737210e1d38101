package dev.oauth2clients.signin;

import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.store.ClientAttributes;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Whether Keycloak may send users' browsers to a self-service client: only while the client could
 * get tokens. Not while its owner paused it, an admin disabled it, its owner is disabled or lacks
 * the realm's required role, the realm no longer allows its kind, or the realm has the feature off
 * (the contract's "Sign-in through a user-made client"); a secret that expired or was revoked
 * leaves sign-in alone, since the owner gets a new one by rotating.
 */
public final class SignInReach {

  private SignInReach() {}

  public static boolean reachable(KeycloakSession session, RealmModel realm, ClientModel model) {
    RealmPolicy policy = RealmPolicy.of(realm);
    if (!policy.enabled()
        || !model.isEnabled()
        || ClientAttributes.isPaused(model)
        || policy.kindRefusal(ClientKind.of(model)).isPresent()) {
      return false;
    }
    String ownerId = model.getAttribute(ClientAttributes.OWNER);
    UserModel owner = ownerId == null ? null : session.users().getUserById(realm, ownerId);
    return policy.ownerRefusal(realm, owner).isEmpty();
  }

  /** Brings Keycloak's redirect targets of the client in line with its reach now. */
  public static void follow(KeycloakSession session, RealmModel realm, ClientModel model) {
    SignInTargets.follow(model, reachable(session, realm, model));
  }
}
