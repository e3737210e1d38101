package dev.oauth2clients.notice;

import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.common.util.DurationConverter;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules the expiry notice on Keycloak's timer. How often it looks is a server option of the
 * realm resource provider, e.g. {@code
 * --spi-realm-restapi-extension--oauth2-clients--expiry-notice-interval=15m}: a reminder comes days
 * ahead, so minutes of delay do not matter, and tests make it seconds.
 */
public final class ExpiryNotices {

  /**
   * The option's name in {@link Config.Scope}; Keycloak spells it {@code expiry-notice-interval}.
   */
  public static final String INTERVAL_OPTION = "expiryNoticeInterval";

  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(15);

  private static final Logger LOG = Logger.getLogger(ExpiryNotices.class);

  private ExpiryNotices() {}

  public static Duration interval(Config.Scope config) {
    return parseInterval(config.get(INTERVAL_OPTION));
  }

  /**
   * Keycloak's duration syntax ({@code 90} seconds, {@code 30s}, {@code 15m}, {@code 1h}); at least
   * a second, which is the cluster lock's unit. A bad value stops the server at start-up, as
   * Keycloak's own options do, rather than leaving owners without reminders.
   */
  static Duration parseInterval(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_INTERVAL;
    }
    Duration interval;
    try {
      interval = DurationConverter.parseDuration(value.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(invalid(value), e);
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(invalid(value));
    }
    return interval;
  }

  public static void schedule(KeycloakSessionFactory factory, Duration interval) {
    long millis = interval.toMillis();
    try (KeycloakSession session = factory.create()) {
      session
          .getProvider(TimerProvider.class)
          .schedule(
              new ClusterAwareScheduledTaskRunner(factory, new SecretExpiryNoticeTask(), millis),
              millis,
              millis);
    }
    LOG.debugf("Secret expiry notices: every %s", interval);
  }

  private static String invalid(String value) {
    return "expiry-notice-interval must be a duration of at least 1s (e.g. 15m), not '"
        + value
        + "'";
  }
}
