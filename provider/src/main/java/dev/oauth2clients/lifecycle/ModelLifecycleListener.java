package dev.oauth2clients.lifecycle;

import dev.oauth2clients.client.SelfServiceClients;
import dev.oauth2clients.signin.SignInReach;
import dev.oauth2clients.store.ClientAttributes;
import dev.oauth2clients.store.NoticeStore;
import dev.oauth2clients.store.SelfServiceClientStore;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

/**
 * Keeps the self-service table in step with Keycloak's model, inside the transaction that changed
 * it: an owner's clients and unsent notices go with the owner, a client deleted elsewhere (admin
 * console, admin API, realm removal) loses its row, a client an admin renamed stays its owner's,
 * one an admin disabled or edited gets its redirect targets in line, and an imported realm's
 * self-service clients get theirs back.
 */
public final class ModelLifecycleListener implements ProviderEventListener {

  @Override
  public void onEvent(ProviderEvent event) {
    if (event instanceof UserModel.UserRemovedEvent removed) {
      new SelfServiceClients(removed.getKeycloakSession(), removed.getRealm())
          .deleteAllOwnedBy(removed.getUser().getId());
      new NoticeStore(removed.getKeycloakSession()).removeOwner(removed.getUser().getId());
    } else if (event instanceof ClientModel.ClientUpdatedEvent updated) {
      followAdminEdit(updated);
    } else if (event instanceof ClientModel.ClientRemovedEvent removed) {
      SelfServiceClientStore store = new SelfServiceClientStore(removed.getKeycloakSession());
      store.findById(removed.getClient().getId()).ifPresent(store::remove);
    } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
      new SelfServiceClients(created.getKeycloakSession(), created.getCreatedRealm())
          .adoptImportedClients();
    } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
      new SelfServiceClientStore(removed.getKeycloakSession())
          .removeRealm(removed.getRealm().getId());
      new NoticeStore(removed.getKeycloakSession()).removeRealm(removed.getRealm().getId());
    }
  }

  /**
   * Keycloak fires this for admin updates; the API fires it only when an owner replaces a client's
   * keys, and never renames a client. An admin who disables or enables a client, or edits its
   * redirect URIs, changes where Keycloak may redirect.
   */
  private static void followAdminEdit(ClientModel.ClientUpdatedEvent updated) {
    ClientModel client = updated.getUpdatedClient();
    if (client.getAttribute(ClientAttributes.OWNER) == null) {
      return;
    }
    KeycloakSession session = updated.getKeycloakSession();
    new SelfServiceClientStore(session)
        .findById(client.getId())
        .filter(row -> !row.getClientId().equals(client.getClientId()))
        .ifPresent(row -> row.setClientId(client.getClientId()));
    SignInReach.follow(session, client.getRealm(), client);
  }
}
