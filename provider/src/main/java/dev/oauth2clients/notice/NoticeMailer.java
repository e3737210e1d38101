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
 * Sends an owner's notices as one mail through Keycloak's own e-mail sender: the realm's SMTP
 * settings, its e-mail theme, and the owner's locale. One notice is its own mail; several are a
 * digest that lists them. Each notice in a mail that goes out, or fails to, is one event of the
 * owner about its client, so a client's events show every notice about it, digest or not.
 */
final class NoticeMailer {

  static final String DIGEST_SUBJECT = "oauth2ClientsDigestSubject";
  static final String DIGEST_TEMPLATE = "oauth2-clients-digest.ftl";

  private static final Logger LOG = Logger.getLogger(NoticeMailer.class);
  // Unambiguous in every language, and the server's time zone means nothing to the reader.
  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private NoticeMailer() {}

  /**
   * Only an address its user proved, else null: anyone can type in someone else's, and then every
   * create or delete would make the realm's mail server write to that person.
   */
  static String verifiedAddress(UserModel owner) {
    String email = owner == null || !owner.isEmailVerified() ? null : owner.getEmail();
    return email == null || email.isBlank() ? null : email;
  }

  /** {@code notices} is not empty; the owner has the verified {@code email}. */
  static void send(
      KeycloakSession session,
      RealmModel realm,
      UserModel owner,
      String email,
      List<Notice> notices) {
    boolean digest = notices.size() > 1;
    Notice first = notices.get(0);
    Map<String, Object> attributes = digest ? digestAttributes(notices) : attributes(first);
    // The owner's own language (or the realm's default) whoever made the request: a rotation by a
    // script and the reminder from the scheduled task then read the same.
    attributes.put(Constants.IGNORE_ACCEPT_LANGUAGE_HEADER, true);
    String error = null;
    try {
      session
          .getProvider(EmailTemplateProvider.class)
          .setRealm(realm)
          .setUser(owner)
          .send(
              digest ? DIGEST_SUBJECT : first.kind().subjectKey,
              // The subject is what a mail client shows before anyone opens it: no owner's text.
              List.of(),
              digest ? DIGEST_TEMPLATE : first.kind().template,
              attributes);
    } catch (EmailException e) {
      // Keycloak's sender logs the SMTP details; a notice holds no secret to leak here.
      LOG.warnf(
          "%s to the owner %s in realm %s was not sent: %s",
          digest ? notices.size() + " notices" : "The " + first.kind() + " notice",
          owner.getId(),
          realm.getName(),
          e.getMessage());
      error = Errors.EMAIL_SEND_FAILED;
    }
    for (Notice notice : notices) {
      AuditEvents.recordNotice(
          session,
          realm,
          notice.kind().operation,
          notice.clientId(),
          notice.ownerId(),
          email,
          error);
    }
  }

  private static Map<String, Object> attributes(Notice notice) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("clientName", notice.clientName());
    attributes.put("clientId", notice.clientId());
    if (notice.secretExpiresAt() != null) {
      attributes.put(
          "secretExpiresAt", EXPIRY.format(Instant.ofEpochSecond(notice.secretExpiresAt())));
    }
    return attributes;
  }

  /**
   * {@code notices}: one entry per notice, oldest first, with its kind's subject message as {@code
   * heading} and the same fields as a single notice's mail.
   */
  private static Map<String, Object> digestAttributes(List<Notice> notices) {
    Map<String, Object> attributes = new HashMap<>();
    attributes.put(
        "notices",
        notices.stream()
            .map(
                notice -> {
                  Map<String, Object> entry = attributes(notice);
                  entry.put("heading", notice.kind().subjectKey);
                  return entry;
                })
            .toList());
    return attributes;
  }
}
