package dev.oauth2clients.version;

import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.common.Version;

/**
 * Whether the provider is on in this server. It is off on a Keycloak line it was not tested on, and
 * off when a start-up step failed on this server: either way it says so in one log line, its API
 * answers 404, Keycloak's own grants run for every client, and Keycloak serves everything else. The
 * provider goes into servers that sign a whole company in; it never stops one.
 */
public final class RunningKeycloak {

  private static final Logger LOG = Logger.getLogger(RunningKeycloak.class);

  private static final Optional<KeycloakLine> LINE = KeycloakLine.of(Version.VERSION);

  /** Why the provider is off, or null while it is on. */
  private static final AtomicReference<String> OFF = new AtomicReference<>();

  static {
    if (LINE.isEmpty()) {
      switchOff(
          "it supports Keycloak "
              + Arrays.stream(KeycloakLine.values())
                  .map(KeycloakLine::toString)
                  .collect(Collectors.joining(", "))
              + ", and this server is Keycloak "
              + Version.VERSION);
    }
  }

  private RunningKeycloak() {}

  public static boolean on() {
    return OFF.get() == null;
  }

  /** Whether self-service clients' grants share one session per client here. */
  public static boolean sharesSessions() {
    return on() && LINE.map(KeycloakLine::sharesSessions).orElse(false);
  }

  /**
   * Runs one start-up step of the provider; if Keycloak's API is not what it expects, the provider
   * goes off instead of taking the server down with it.
   */
  public static void startUp(String step, Runnable action) {
    if (!on()) {
      return;
    }
    try {
      action.run();
    } catch (LinkageError | RuntimeException failure) {
      switchOff(step + " failed on Keycloak " + Version.VERSION + ": " + failure);
    }
  }

  private static void switchOff(String reason) {
    if (OFF.compareAndSet(null, reason)) {
      LOG.errorf(
          "oauth2-clients is OFF: %s. Its endpoints answer 404 and Keycloak runs without it.",
          reason);
    }
  }
}
