package dev.oauth2clients.authenticator;

import java.util.List;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.managers.UserConsentManager;

/**
 * Self-service clients require consent, and Keycloak checks consent on every refresh, the service
 * account's own refresh tokens from client_credentials included. A client may always act as itself,
 * so its service account holds consent to the client and every scope it has: given when the client
 * is made, and completed on a refresh when an admin added scopes later (or the client predates
 * this). After that, a refresh only reads cached data.
 *
 * <p>Keycloak's consent table has no unique key a concurrent insert would hit: two first refreshes
 * at once used to store two consents, after which Keycloak refused every refresh of the client
 * ("More results found"). So a completion commits in a transaction of its own, one per client at a
 * time on a node, and a duplicate left by two nodes racing is replaced by one consent.
 */
public final class ServiceAccountConsent {

  private static final Object[] LOCKS = new Object[64];

  static {
    for (int i = 0; i < LOCKS.length; i++) {
      LOCKS[i] = new Object();
    }
  }

  private ServiceAccountConsent() {}

  /**
   * Gives consent within the caller's transaction: for a client being made, which no one else sees
   * yet.
   */
  public static void grantToNewClient(
      KeycloakSession session, RealmModel realm, ClientModel client) {
    complete(session, realm, client);
  }

  /** Completes the consent, if anything is missing, in a transaction of its own. */
  static void ensure(KeycloakSession session, RealmModel realm, ClientModel client) {
    if (isComplete(session, realm, client)) {
      return;
    }
    synchronized (LOCKS[Math.floorMod(client.getId().hashCode(), LOCKS.length)]) {
      KeycloakModelUtils.runJobInTransaction(
          session.getKeycloakSessionFactory(),
          session.getContext(),
          own -> {
            RealmModel ownRealm = own.realms().getRealm(realm.getId());
            ClientModel ownClient = ownRealm.getClientById(client.getId());
            if (ownClient != null) {
              complete(own, ownRealm, ownClient);
            }
          });
    }
  }

  private static boolean isComplete(KeycloakSession session, RealmModel realm, ClientModel client) {
    UserModel serviceAccount = session.users().getServiceAccount(client);
    if (serviceAccount == null) {
      return true;
    }
    try {
      UserConsentModel consent =
          UserConsentManager.getConsentByClient(session, realm, serviceAccount, client.getId());
      return missing(client, consent).isEmpty();
    } catch (ModelException duplicates) {
      return false;
    }
  }

  private static void complete(KeycloakSession session, RealmModel realm, ClientModel client) {
    UserModel serviceAccount = session.users().getServiceAccount(client);
    if (serviceAccount == null) {
      return;
    }
    UserConsentModel consent;
    try {
      consent =
          UserConsentManager.getConsentByClient(session, realm, serviceAccount, client.getId());
    } catch (ModelException duplicates) {
      session.users().revokeConsentForClient(realm, serviceAccount.getId(), client.getId());
      consent = null;
    }
    List<ClientScopeModel> missing = missing(client, consent);
    if (missing.isEmpty()) {
      return;
    }
    UserConsentModel updated = consent == null ? new UserConsentModel(client) : consent;
    missing.forEach(updated::addGrantedClientScope);
    if (consent == null) {
      UserConsentManager.addConsent(session, realm, serviceAccount, updated);
    } else {
      UserConsentManager.updateConsent(session, realm, serviceAccount, updated);
    }
  }

  private static List<ClientScopeModel> missing(ClientModel client, UserConsentModel consent) {
    return scopesNeedingConsent(client)
        .filter(scope -> consent == null || !consent.isClientScopeGranted(scope))
        .toList();
  }

  private static Stream<ClientScopeModel> scopesNeedingConsent(ClientModel client) {
    return Stream.concat(
            Stream.of((ClientScopeModel) client),
            Stream.concat(
                client.getClientScopes(true).values().stream(),
                client.getClientScopes(false).values().stream()))
        .filter(ClientScopeModel::isDisplayOnConsentScreen);
  }
}
