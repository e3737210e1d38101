package dev.oauth2clients.grant;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.SessionExpirationUtils;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Finds the shared service-account session of a self-service client on this node, or starts one,
 * and brings it up to date with the request at hand.
 *
 * <p>A shared session is an ordinary persisted Keycloak session with a random id, so everything
 * Keycloak does with sessions (refresh, introspection, logout, expiry, removal with the client or
 * its service account, surviving a restart) applies to it. It is replaced by a new one when it has
 * expired or is nearer its maximum lifespan than the idle timeout, so a refresh token it issues
 * always has a full idle period ahead; the old one keeps serving the refresh tokens it issued until
 * it expires. Writes to it happen only when something changed: a new second for its timestamps
 * (Keycloak's own rule), another address of the client, another issuer or scope note.
 */
final class SharedSessions {

  /**
   * The notes Keycloak's grant puts on the request's client session that tokens read (issuer,
   * requested scope, authorization details, level of authentication). Only these move to the shared
   * session: the others are the request session's own bookkeeping, and copying its {@code
   * startedAt} would make the shared session look newer than every refresh token it issued.
   */
  private static final Set<String> REQUEST_NOTES =
      Set.of(
          OIDCLoginProtocol.ISSUER,
          OAuth2Constants.SCOPE,
          OAuth2Constants.AUTHORIZATION_DETAILS,
          Constants.LEVEL_OF_AUTHENTICATION);

  /** The notes Keycloak's grant puts on a service account's session, read by its mappers. */
  private static final Set<String> SERVICE_ACCOUNT_NOTES =
      Set.of(
          ServiceAccountConstants.CLIENT_ID_SESSION_NOTE,
          ServiceAccountConstants.CLIENT_ID,
          ServiceAccountConstants.CLIENT_HOST,
          ServiceAccountConstants.CLIENT_ADDRESS);

  /** Marks the client session of a shared session, for the refresh token provider. */
  private static final String SHARED_NOTE = "oauth2-clients.shared-session";

  private SharedSessions() {}

  static boolean isShared(AuthenticatedClientSessionModel clientSession) {
    return clientSession != null && "true".equals(clientSession.getNote(SHARED_NOTE));
  }

  static SharedSession forClient(
      KeycloakSession session,
      RealmModel realm,
      ClientModel client,
      UserModel serviceAccount,
      UserSessionModel requestSession,
      ClientSessionContext requestContext,
      Set<String> clientAuthNotes) {
    AuthenticatedClientSessionModel requestClientSession = requestContext.getClientSession();
    SharedSession shared =
        SharedSessionRegistry.resolve(
            session,
            client,
            id -> usable(session, realm, client, serviceAccount, id),
            () -> start(session, realm, client, serviceAccount, requestSession));
    copyChangedNotes(requestSession, shared.userSession(), SERVICE_ACCOUNT_NOTES);
    copyChangedNotes(requestSession, shared.userSession(), clientAuthNotes);
    copyChangedNotes(requestClientSession, shared.clientSession());
    if (!Objects.equals(requestClientSession.getProtocol(), shared.clientSession().getProtocol())) {
      shared.clientSession().setProtocol(requestClientSession.getProtocol());
    }
    return shared;
  }

  private static SharedSession usable(
      KeycloakSession session,
      RealmModel realm,
      ClientModel client,
      UserModel serviceAccount,
      String id) {
    UserSessionModel userSession = session.sessions().getUserSession(realm, id);
    if (userSession == null
        || !serviceAccount.getId().equals(userSession.getUser().getId())
        || !AuthenticationManager.isSessionValid(realm, userSession)) {
      return null;
    }
    AuthenticatedClientSessionModel clientSession =
        userSession.getAuthenticatedClientSessionByClient(client.getId());
    if (!AuthenticationManager.isClientSessionValid(realm, client, userSession, clientSession)
        || nearsItsEnd(realm, client, userSession, clientSession)) {
      return null;
    }
    return new SharedSession(userSession, clientSession);
  }

  /** Less lifespan left than one idle timeout: its refresh tokens would be cut short. */
  private static boolean nearsItsEnd(
      RealmModel realm,
      ClientModel client,
      UserSessionModel userSession,
      AuthenticatedClientSessionModel clientSession) {
    long now = Time.currentTimeMillis();
    long end =
        SessionExpirationUtils.calculateClientSessionMaxLifespanTimestamp(
            false,
            false,
            TimeUnit.SECONDS.toMillis(clientSession.getStarted()),
            TimeUnit.SECONDS.toMillis(userSession.getStarted()),
            realm,
            client);
    long idle =
        SessionExpirationUtils.calculateClientSessionIdleTimestamp(false, false, now, realm, client)
            - now;
    return end > 0 && end - now < idle;
  }

  private static SharedSession start(
      KeycloakSession session,
      RealmModel realm,
      ClientModel client,
      UserModel serviceAccount,
      UserSessionModel requestSession) {
    UserSessionModel userSession =
        new UserSessionManager(session)
            .createUserSession(
                null,
                realm,
                serviceAccount,
                serviceAccount.getUsername(),
                requestSession.getIpAddress(),
                ServiceAccountConstants.CLIENT_AUTH,
                false,
                null,
                null,
                UserSessionModel.SessionPersistenceState.PERSISTENT);
    AuthenticatedClientSessionModel clientSession =
        session.sessions().createClientSession(realm, client, userSession);
    clientSession.setNote(SHARED_NOTE, "true");
    return new SharedSession(userSession, clientSession);
  }

  private static void copyChangedNotes(
      UserSessionModel from, UserSessionModel to, Set<String> notes) {
    for (String note : notes) {
      String value = from.getNote(note);
      if (value != null && !value.equals(to.getNote(note))) {
        to.setNote(note, value);
      }
    }
  }

  private static void copyChangedNotes(
      AuthenticatedClientSessionModel from, AuthenticatedClientSessionModel to) {
    for (String note : REQUEST_NOTES) {
      String value = from.getNote(note);
      if (value != null && !value.equals(to.getNote(note))) {
        to.setNote(note, value);
      }
    }
  }
}
