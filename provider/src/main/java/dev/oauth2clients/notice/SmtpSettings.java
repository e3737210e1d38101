package dev.oauth2clients.notice;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/** Whether a realm can send e-mail at all: the SMTP host on its Email tab. */
final class SmtpSettings {

  private static final Logger LOG = Logger.getLogger(SmtpSettings.class);
  // Notices are asked for on every create and rotation; one line per realm keeps the log readable.
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private SmtpSettings() {}

  /** False, with one log line per realm until it gets a host, when the realm has no SMTP host. */
  static boolean configured(RealmModel realm) {
    Map<String, String> smtp = realm.getSmtpConfig();
    String host = smtp == null ? null : smtp.get("host");
    if (host != null && !host.isBlank()) {
      WARNED.remove(realm.getId());
      return true;
    }
    if (WARNED.add(realm.getId())) {
      LOG.infof(
          "Realm %s has no SMTP server (Realm settings > Email): owners of self-service clients"
              + " get no e-mail notices there.",
          realm.getName());
    }
    return false;
  }
}
