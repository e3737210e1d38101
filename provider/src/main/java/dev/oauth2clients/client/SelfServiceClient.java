package dev.oauth2clients.client;

import dev.oauth2clients.store.SelfServiceClientEntity;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientScopeModel;

/** A self-service client: Keycloak's client model and the row that names its owner. */
public record SelfServiceClient(ClientModel model, SelfServiceClientEntity entity) {

  public String clientId() {
    return model.getClientId();
  }

  public String ownerId() {
    return entity.getOwnerId();
  }

  /** The scopes the client may request: the base scopes plus the realm defaults it was given. */
  public String scope() {
    return FixedSettings.scope(
        model.getClientScopes(true).values().stream().map(ClientScopeModel::getName));
  }
}
