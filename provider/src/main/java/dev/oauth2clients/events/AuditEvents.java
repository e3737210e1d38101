package dev.oauth2clients.events;

import java.util.Locale;
import java.util.Map;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Records each change to a self-service client as a Keycloak user event, so that it shows on the
 * admin console's Events page beside the owner's logins. Keycloak's event types are a closed enum;
 * the ones dynamic client registration uses fit, and a detail tells rotation from update.
 */
public final class AuditEvents {

  /** Detail naming what happened; the event type alone cannot tell an update from a rotation. */
  public static final String OPERATION = "oauth2_clients_operation";

  public static final String OWNER = "owner";

  /** On an update: how many users' consents it withdrew (a change to what they consented to). */
  public static final String CONSENTS_WITHDRAWN = "consents_withdrawn";

  /**
   * On an update: {@code true} when it replaced redirect or post-logout URIs that someone other
   * than the owner (a realm admin) had set since the owner last set them.
   */
  public static final String ADMIN_REDIRECT_URIS_REPLACED = "admin_redirect_uris_replaced";

  /**
   * On a create or update that changed the client's chosen roles: the roles before and after, each
   * as JSON {@code {"realm_roles": [...], "client_roles": {...}}}.
   */
  public static final String ROLES_BEFORE = "roles_before";

  public static final String ROLES_AFTER = "roles_after";

  /** On a reported secret's revocation: {@code current} or {@code previous}, never the secret. */
  public static final String REVOKED = "revoked";

  public enum Operation {
    CREATE(EventType.CLIENT_REGISTER),
    UPDATE(EventType.CLIENT_UPDATE),
    ROTATE_SECRET(EventType.CLIENT_UPDATE),
    END_SECRET_OVERLAP(EventType.CLIENT_UPDATE),
    // A found secret reported to the revocations endpoint; the detail REVOKED says which one.
    REVOKE_REPORTED_SECRET(EventType.CLIENT_UPDATE),
    REVOKE_SECRETS_BY_ADMIN(EventType.CLIENT_UPDATE),
    DELETE(EventType.CLIENT_DELETE),
    DELETE_WITH_OWNER(EventType.CLIENT_DELETE),
    // E-mails to the owner change nothing; CLIENT_INFO is Keycloak's type for telling about one.
    NOTICE_CLIENT_CREATED(EventType.CLIENT_INFO),
    NOTICE_SECRET_ROTATED(EventType.CLIENT_INFO),
    NOTICE_SECRET_EXPIRING(EventType.CLIENT_INFO),
    NOTICE_SECRET_REVOKED(EventType.CLIENT_INFO);

    private final EventType type;

    Operation(EventType type) {
      this.type = type;
    }
  }

  private AuditEvents() {}

  /** Never give this anything secret: events are logged and stored as they are. */
  public static void record(
      KeycloakSession session,
      RealmModel realm,
      Operation operation,
      String clientId,
      String ownerId) {
    record(session, realm, operation, clientId, ownerId, Map.of());
  }

  /** The same, with details of the operation's own. */
  public static void record(
      KeycloakSession session,
      RealmModel realm,
      Operation operation,
      String clientId,
      String ownerId,
      Map<String, String> details) {
    EventBuilder event = event(session, realm, operation, clientId, ownerId);
    details.forEach(event::detail);
    event.success();
  }

  /**
   * An e-mail to the owner about their client: {@code error} is null when it went out, otherwise
   * Keycloak's error code (then the event is {@code CLIENT_INFO_ERROR}). The address is a detail,
   * as in Keycloak's own e-mail events.
   */
  public static void recordNotice(
      KeycloakSession session,
      RealmModel realm,
      Operation operation,
      String clientId,
      String ownerId,
      String email,
      String error) {
    EventBuilder event =
        event(session, realm, operation, clientId, ownerId).detail(Details.EMAIL, email);
    if (error == null) {
      event.success();
    } else {
      event.error(error);
    }
  }

  private static EventBuilder event(
      KeycloakSession session,
      RealmModel realm,
      Operation operation,
      String clientId,
      String ownerId) {
    return new EventBuilder(realm, session)
        .event(operation.type)
        .client(clientId)
        .user(ownerId)
        .detail(OWNER, ownerId)
        .detail(OPERATION, operation.name().toLowerCase(Locale.ROOT));
  }
}
