package dev.oauth2clients.lifecycle;

import dev.oauth2clients.client.SelfServiceClients;
import dev.oauth2clients.spi.GlobalEventListenerFactory;
import dev.oauth2clients.version.RunningKeycloak;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A self-service client takes some of its settings from its owner and realm: the owner's username
 * on the consent page, and whether Keycloak may redirect users to it at all, which holds only while
 * the owner is enabled, holds the realm's required role and the realm has the feature on. Keycloak
 * publishes no model event for users, roles or realm attributes, so this follows the admin events
 * that change them, and the user events of an owner who renames themselves or is locked out for
 * good. A change to one user touches that user's clients; a change to roles or groups, which may
 * reach anyone, touches the realm's clients only where the realm requires a role, and a change to
 * the realm (not an action on it, such as clearing a cache) only when its switch or required role
 * changed; those two go page by page ({@link RealmWideFollow}).
 */
public class OwnerAndRealmChanges implements GlobalEventListenerFactory {

  public static final String ID = "oauth2-clients-owner-and-realm";

  private static final Pattern USER_PATH = Pattern.compile("^users/([^/]+)(/.*)?$");

  private static final Set<ResourceType> OF_A_USER =
      Set.of(
          ResourceType.USER,
          ResourceType.REALM_ROLE_MAPPING,
          ResourceType.CLIENT_ROLE_MAPPING,
          ResourceType.GROUP_MEMBERSHIP);

  private static final Set<ResourceType> OF_ROLES =
      Set.of(
          ResourceType.REALM_ROLE,
          ResourceType.CLIENT_ROLE,
          ResourceType.REALM_ROLE_MAPPING,
          ResourceType.CLIENT_ROLE_MAPPING,
          ResourceType.GROUP,
          ResourceType.GROUP_MEMBERSHIP);

  private static final Set<ResourceType> OF_THE_REALM =
      Set.of(ResourceType.REALM, ResourceType.COMPONENT);

  // Compared by name: the lock-out type is not in every Keycloak line's enum.
  private static final Set<String> OWN_USER_EVENTS =
      Set.of("UPDATE_PROFILE", "USER_DISABLED_BY_PERMANENT_LOCKOUT");

  @Override
  public EventListenerProvider create(KeycloakSession session) {
    return new EventListenerProvider() {
      @Override
      public void onEvent(Event event) {
        if (event.getUserId() != null
            && event.getError() == null
            && OWN_USER_EVENTS.contains(event.getType().name())) {
          realmOf(session, event.getRealmId())
              .ifPresent(
                  realm -> new SelfServiceClients(session, realm).followOwner(event.getUserId()));
        }
      }

      @Override
      public void onEvent(AdminEvent event, boolean includeRepresentation) {
        realmOf(session, event.getRealmId()).ifPresent(realm -> follow(event, session, realm));
      }

      @Override
      public void close() {}
    };
  }

  private static void follow(AdminEvent event, KeycloakSession session, RealmModel realm) {
    ResourceType type = event.getResourceType();
    Matcher user =
        USER_PATH.matcher(event.getResourcePath() == null ? "" : event.getResourcePath());
    if (OF_A_USER.contains(type) && user.matches()) {
      new SelfServiceClients(session, realm).followOwner(user.group(1));
    } else if (OF_ROLES.contains(type)) {
      RealmWideFollow.roles(session, realm);
    } else if (OF_THE_REALM.contains(type) && event.getOperationType() != OperationType.ACTION) {
      RealmWideFollow.switchAndRole(session, realm);
    }
  }

  private static Optional<RealmModel> realmOf(KeycloakSession session, String realmId) {
    if (!RunningKeycloak.on() || realmId == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(session.realms().getRealm(realmId));
  }

  @Override
  public String getId() {
    return ID;
  }
}
