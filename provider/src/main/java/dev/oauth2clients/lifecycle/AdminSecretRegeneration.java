package dev.oauth2clients.lifecycle;

import dev.oauth2clients.client.SelfServiceClients;
import dev.oauth2clients.leak.SecretRevocations;
import dev.oauth2clients.secret.StoredSecrets;
import dev.oauth2clients.spi.AdminEventListener;
import dev.oauth2clients.spi.GlobalEventListenerFactory;
import dev.oauth2clients.store.ClientAttributes;
import dev.oauth2clients.store.SelfServiceClientStore;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A realm admin who presses Regenerate on a self-service client's Credentials tab means to cut its
 * current secret off. Keycloak's Regenerate only writes a new plain secret into Keycloak's own
 * column, which these clients never use, so this revokes the owner's secret in the same request and
 * transaction; the owner gets a working one again only by rotating it. Keycloak publishes no model
 * event for a secret, hence an admin-event listener; it is global, so it needs no realm
 * configuration, and admin events reach it whether or not the realm stores them.
 */
public class AdminSecretRegeneration implements GlobalEventListenerFactory {

  public static final String ID = "oauth2-clients-admin-regenerate";

  private static final Pattern CLIENT_SECRET_PATH =
      Pattern.compile("^clients/([^/]+)/client-secret$");

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return (AdminEventListener)
        (event, includeRepresentation) ->
            regeneratedClient(session, event)
                .filter(client -> client.getAttribute(ClientAttributes.OWNER) != null)
                .ifPresent(client -> revokeOwnersSecrets(session, client));
  }

  private static Optional<ClientModel> regeneratedClient(
      KeycloakSession session, AdminEvent event) {
    if (event.getResourceType() != ResourceType.CLIENT
        || event.getOperationType() != OperationType.ACTION
        || event.getResourcePath() == null) {
      return Optional.empty();
    }
    Matcher path = CLIENT_SECRET_PATH.matcher(event.getResourcePath());
    RealmModel realm = session.realms().getRealm(event.getRealmId());
    if (!path.matches() || realm == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(session.clients().getClientById(realm, path.group(1)));
  }

  /** As the admin's inventory revokes them: the owner is told, the inventory shows when. */
  private static void revokeOwnersSecrets(KeycloakSession session, ClientModel client) {
    RealmModel realm = client.getRealm();
    SelfServiceClients clients = new SelfServiceClients(session, realm);
    new SelfServiceClientStore(session)
        .findById(client.getId())
        .flatMap(clients::of)
        .ifPresentOrElse(
            owned -> new SecretRevocations(session, realm).revokeAllByAdmin(owned),
            () -> StoredSecrets.revokeAll(client));
  }

  @Override
  public String getId() {
    return ID;
  }
}
