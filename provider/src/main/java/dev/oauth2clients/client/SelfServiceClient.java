package dev.oauth2clients.client;

import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.store.ClientAttributes;
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

  /** Milliseconds since the epoch. */
  public long createdAt() {
    return entity.getCreatedAt();
  }

  /** Milliseconds since the epoch. */
  public long updatedAt() {
    return entity.getUpdatedAt();
  }

  /**
   * Keycloak's own enabled switch is the admins'; a client that was disabled in Keycloak before the
   * owner had a switch of their own counts as disabled by an admin too.
   */
  public boolean disabledByAdmin() {
    return !model.isEnabled();
  }

  /** The owner's own switch is off. */
  public boolean paused() {
    return ClientAttributes.isPaused(model);
  }

  /** Chosen on create; Keycloak's client keeps it. */
  public ClientKind kind() {
    return ClientKind.of(model);
  }

  /** Its secrets as the token endpoint sees them. */
  public StoredSecrets secrets() {
    return StoredSecrets.of(model);
  }

  /** The scopes the client may request: the base scopes plus the realm defaults it was given. */
  public String scope() {
    return FixedSettings.scope(
        model.getClientScopes(true).values().stream().map(ClientScopeModel::getName));
  }
}
