package dev.oauth2clients.metrics;

import dev.oauth2clients.spi.GlobalEventListenerFactory;
import dev.oauth2clients.spi.UserEventListener;
import dev.oauth2clients.store.ClientAttributes;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * {@code oauth2_clients_token_grants_total{realm, grant_type, outcome}}: the token endpoint's
 * answers to self-service clients, read from the user events Keycloak sends for each of its three
 * grant types. The listener is global, so no realm has to name it, and it runs on every event of
 * every realm: anything but a grant's event is left after six comparisons, and the client a grant
 * names is the one the token endpoint has just authenticated, or one lookup in Keycloak's client
 * cache.
 */
public class TokenGrantMetrics implements GlobalEventListenerFactory {

  public static final String ID = "oauth2-clients-token-grant-metrics";

  private static final Logger LOG = Logger.getLogger(TokenGrantMetrics.class);

  /** The label {@code grant_type}: the grant types a self-service client may use. */
  enum GrantType {
    CLIENT_CREDENTIALS(EventType.CLIENT_LOGIN, EventType.CLIENT_LOGIN_ERROR),
    AUTHORIZATION_CODE(EventType.CODE_TO_TOKEN, EventType.CODE_TO_TOKEN_ERROR),
    REFRESH_TOKEN(EventType.REFRESH_TOKEN, EventType.REFRESH_TOKEN_ERROR);

    private static final GrantType[] VALUES = values();

    final String label = name().toLowerCase(Locale.ROOT);
    private final EventType success;
    private final EventType error;

    GrantType(EventType success, EventType error) {
      this.success = success;
      this.error = error;
    }

    /**
     * The grant whose answer an event is, or null for any other event. The token endpoint names the
     * request's {@code grant_type} in a detail; where it names another grant (one that sends the
     * same event type, as OID4VC's pre-authorized code does), the event is not one of these.
     */
    static GrantType of(EventType type, Map<String, String> details) {
      for (GrantType grant : VALUES) {
        if (type == grant.success || type == grant.error) {
          String named = details == null ? null : details.get(Details.GRANT_TYPE);
          return named == null || named.equals(grant.label) ? grant : null;
        }
      }
      return null;
    }

    Outcome outcome(EventType type) {
      return type == success ? Outcome.SUCCESS : Outcome.REFUSED;
    }
  }

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return (UserEventListener) event -> count(session, event);
  }

  private static void count(KeycloakSession session, Event event) {
    GrantType grant = GrantType.of(event.getType(), event.getDetails());
    if (grant == null || event.getClientId() == null) {
      return;
    }
    try {
      KeycloakContext context = session.getContext();
      RealmModel realm = realmOf(session, context, event.getRealmId());
      ClientModel client = realm == null ? null : clientOf(context, realm, event.getClientId());
      // An unknown client, or one not made through this API, is not counted.
      if (client != null && client.getAttribute(ClientAttributes.OWNER) != null) {
        Counters.GLOBAL.grant(realm.getName(), grant, grant.outcome(event.getType()));
      }
    } catch (RuntimeException e) {
      LOG.debugf(e, "Could not count a %s event", event.getType());
    }
  }

  /** The token request's realm, which is the event's; any other realm through the realm cache. */
  private static RealmModel realmOf(KeycloakSession session, KeycloakContext context, String id) {
    RealmModel current = context.getRealm();
    return current != null && current.getId().equals(id) ? current : session.realms().getRealm(id);
  }

  /**
   * The client the token endpoint authenticated for this request (of the request's realm); where
   * none was (a refused secret), the one the event names, from the client cache.
   */
  private static ClientModel clientOf(KeycloakContext context, RealmModel realm, String clientId) {
    ClientModel authenticated = context.getClient();
    return authenticated != null
            && realm == context.getRealm()
            && clientId.equals(authenticated.getClientId())
        ? authenticated
        : realm.getClientByClientId(clientId);
  }

  @Override
  public String getId() {
    return ID;
  }
}
