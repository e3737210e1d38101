package dev.oauth2clients.notice;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.ScheduledTask;
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

  private static final String INTERVAL_NAME = "expiry-notice-interval";

  private static final Pattern DURATION = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)?");

  private static final Logger LOG = Logger.getLogger(ExpiryNotices.class);

  private ExpiryNotices() {}

  /**
   * The option's value; empty, with one log line, when it is not a duration: the notices are then
   * off, and the server and the rest of the provider run as usual.
   */
  public static Optional<Duration> interval(Config.Scope config) {
    try {
      return Optional.of(parseInterval(config.get(INTERVAL_OPTION)));
    } catch (IllegalArgumentException invalid) {
      LOG.errorf("Secret expiry notices are OFF: %s", invalid.getMessage());
      return Optional.empty();
    }
  }

  /**
   * Keycloak's duration syntax ({@code 90} seconds, {@code 30s}, {@code 15m}, {@code 1h}, {@code
   * 1d}); at least a second, which is the cluster lock's unit. Parsed here, as Keycloak 26.4 has no
   * parser of its own for it.
   */
  static Duration parseInterval(String value) {
    return parseDuration(INTERVAL_NAME, value, DEFAULT_INTERVAL);
  }

  /** The same for any of the provider's duration options: {@code unset} when it is not given. */
  static Duration parseDuration(String option, String value, Duration unset) {
    if (value == null || value.isBlank()) {
      return unset;
    }
    Matcher duration = DURATION.matcher(value.trim());
    if (!duration.matches()) {
      throw new IllegalArgumentException(invalid(option, value));
    }
    long amount = Long.parseLong(duration.group(1));
    ChronoUnit unit =
        switch (duration.group(2) == null ? "s" : duration.group(2)) {
          case "ms" -> ChronoUnit.MILLIS;
          case "m" -> ChronoUnit.MINUTES;
          case "h" -> ChronoUnit.HOURS;
          case "d" -> ChronoUnit.DAYS;
          default -> ChronoUnit.SECONDS;
        };
    Duration interval;
    try {
      interval = Duration.of(amount, unit);
    } catch (ArithmeticException tooLong) {
      throw new IllegalArgumentException(invalid(option, value), tooLong);
    }
    if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(invalid(option, value));
    }
    return interval;
  }

  public static void schedule(KeycloakSessionFactory factory, Duration interval) {
    schedule(factory, new SecretExpiryNoticeTask(), interval);
    LOG.debugf("Secret expiry notices: every %s", interval);
  }

  /**
   * Runs {@code task} every {@code interval} on one node of the cluster at a time (Keycloak's
   * cluster lock, whose unit is a second).
   */
  static void schedule(KeycloakSessionFactory factory, ScheduledTask task, Duration interval) {
    long millis = interval.toMillis();
    try (KeycloakSession session = factory.create()) {
      session
          .getProvider(TimerProvider.class)
          .schedule(new ClusterAwareScheduledTaskRunner(factory, task, millis), millis);
    }
  }

  private static String invalid(String option, String value) {
    return option + " must be a duration of at least 1s (e.g. 15m), not '" + value + "'";
  }
}
