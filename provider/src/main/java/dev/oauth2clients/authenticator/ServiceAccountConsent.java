package dev.oauth2clients.authenticator;

import java.util.List;
import java.util.stream.Stream;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserConsentModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.UserConsentManager;

/**
 * Self-service clients require consent, and Keycloak checks consent on every refresh, the service
 * account's own refresh tokens from client_credentials included. A client may always act as itself,
 * so its service account holds consent to the client and every scope it has; this keeps that
 * consent complete, so that scopes an admin adds later do not break refresh either. After the first
 * refresh it only reads cached data.
 */
final class ServiceAccountConsent {

  private ServiceAccountConsent() {}

  static void grant(KeycloakSession session, RealmModel realm, ClientModel client) {
    UserModel serviceAccount = session.users().getServiceAccount(client);
    if (serviceAccount == null) {
      return;
    }
    UserConsentModel consent =
        UserConsentManager.getConsentByClient(session, realm, serviceAccount, client.getId());
    List<ClientScopeModel> missing =
        scopesNeedingConsent(client)
            .filter(scope -> consent == null || !consent.isClientScopeGranted(scope))
            .toList();
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

  private static Stream<ClientScopeModel> scopesNeedingConsent(ClientModel client) {
    return Stream.concat(
            Stream.of((ClientScopeModel) client),
            Stream.concat(
                client.getClientScopes(true).values().stream(),
                client.getClientScopes(false).values().stream()))
        .filter(ClientScopeModel::isDisplayOnConsentScreen);
  }
}
