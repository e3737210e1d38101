package dev.oauth2clients.notice;

import dev.oauth2clients.events.AuditEvents;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.Errors;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Sends one notice through Keycloak's own e-mail sender: the realm's SMTP settings, its e-mail
 * theme, and the owner's locale. Each mail that goes out, or fails to, is one event of the owner.
 */
final class NoticeMailer {

  private static final Logger LOG = Logger.getLogger(NoticeMailer.class);
  // Unambiguous in every language, and the server's time zone means nothing to the reader.
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private NoticeMailer() {}

  static void send(KeycloakSession session, Notice notice) {
    RealmModel realm = session.realms().getRealm(notice.realmId());
    if (realm == null || !SmtpSettings.configured(realm)) {
      return;
    }
    // Users (organizations among them), the theme, the locale and the realm name are read from
    // the context's realm, which a session of its own does not have yet.
    session.getContext().setRealm(realm);
    UserModel owner = session.users().getUserById(realm, notice.ownerId());
    // Only an address its user proved: anyone can type in someone else's, and then every create
    // or delete would make the realm's mail server write to that person.
    String email = owner == null || !owner.isEmailVerified() ? null : owner.getEmail();
    if (email == null || email.isBlank()) {
      return;
    }
    try {
      session
          .getProvider(EmailTemplateProvider.class)
          .setRealm(realm)
          .setUser(owner)
          .send(
              notice.kind().subjectKey,
              // The subject is what a mail client shows before anyone opens it: no owner's text.
              List.of(),
              notice.kind().template,
              attributes(notice));
    } catch (EmailException e) {
      // Keycloak's sender logs the SMTP details; a notice holds no secret to leak here.
      LOG.warnf(
          "The %s notice for client %s in realm %s was not sent: %s",
          notice.kind(), notice.clientId(), realm.getName(), e.getMessage());
      record(session, realm, notice, email, Errors.EMAIL_SEND_FAILED);
      return;
    }
    record(session, realm, notice, email, null);
  }

  private static Map<String, Object> attributes(Notice notice) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("clientName", notice.clientName());
    attributes.put("clientId", notice.clientId());
    if (notice.secretExpiresAt() != null) {
      attributes.put(
          "secretExpiresAt", EXPIRY.format(Instant.ofEpochSecond(notice.secretExpiresAt())));
    }
    // The owner's own language (or the realm's default) whoever made the request: a rotation by a
    // script and the reminder from the scheduled task then read the same.
    attributes.put(Constants.IGNORE_ACCEPT_LANGUAGE_HEADER, true);
    return attributes;
  }

  private static void record(
      KeycloakSession session, RealmModel realm, Notice notice, String email, String error) {
    AuditEvents.recordNotice(
        session, realm, notice.kind().operation, notice.clientId(), notice.ownerId(), email, error);
  }
}
