package dev.oauth2clients.policy;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

/**
 * The realm admin's settings for self-service clients, read from realm attributes so that they
 * travel with realm export and import and can be set through the admin REST API.
 */
public record RealmPolicy(
    boolean enabled,
    int maxClientsPerUser,
    Optional<String> requiredRole,
    int accessTokenLifespan) {

  public static final String ENABLED = "oauth2-clients.enabled";
  public static final String MAX_CLIENTS_PER_USER = "oauth2-clients.max-clients-per-user";
  public static final String REQUIRED_ROLE = "oauth2-clients.required-role";
  public static final String ACCESS_TOKEN_LIFESPAN = "oauth2-clients.access-token-lifespan";

  public static final int DEFAULT_MAX_CLIENTS_PER_USER = 25;
  public static final int DEFAULT_ACCESS_TOKEN_LIFESPAN = 3600;
  public static final int MAX_QUOTA = 10_000;
  public static final int MIN_LIFESPAN = 60;
  public static final int MAX_LIFESPAN = 86_400;

  private static final Logger LOG = Logger.getLogger(RealmPolicy.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  public static RealmPolicy of(RealmModel realm) {
    return new RealmPolicy(
        parseEnabled(realm),
        parseInt(realm, MAX_CLIENTS_PER_USER, DEFAULT_MAX_CLIENTS_PER_USER, 0, MAX_QUOTA),
        Optional.ofNullable(realm.getAttribute(REQUIRED_ROLE))
            .map(String::trim)
            .filter(role -> !role.isEmpty()),
        parseInt(
            realm,
            ACCESS_TOKEN_LIFESPAN,
            DEFAULT_ACCESS_TOKEN_LIFESPAN,
            MIN_LIFESPAN,
            MAX_LIFESPAN));
  }

  private static boolean parseEnabled(RealmModel realm) {
    String value = realm.getAttribute(ENABLED);
    if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("false")) {
      return false;
    }
    if (value.trim().equalsIgnoreCase("true")) {
      return true;
    }
    warnOnce(realm, ENABLED, value, "false");
    return false;
  }

  private static int parseInt(RealmModel realm, String name, int fallback, int min, int max) {
    String value = realm.getAttribute(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException ignored) {
      // falls through to the warning below
    }
    warnOnce(realm, name, value, Integer.toString(fallback));
    return fallback;
  }

  // Policy is read on every request; one line per bad value keeps the log readable.
  private static void warnOnce(RealmModel realm, String name, String value, String fallback) {
    if (WARNED.add(realm.getId() + '\n' + name + '\n' + value)) {
      LOG.warnf(
          "Realm '%s': attribute %s has the malformed value '%s'; using the default %s",
          realm.getName(), name, value, fallback);
    }
  }
}
