package dev.oauth2clients.version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Keycloak release lines this provider runs on, each tested in CI on its oldest release. What
 * differs between them is Keycloak's SPI, not the API this provider serves: on 26.4 Keycloak's
 * {@code client_credentials} grant has no hook to share sessions, so there Keycloak's own grant
 * runs (one session per grant, as for any client with refresh tokens).
 */
public enum KeycloakLine {
  V26_4(26, 4, false),
  V26_5(26, 5, true),
  V26_7(26, 7, true);

  private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)\\.\\d+.*");

  private final int major;
  private final int minor;
  private final boolean sharesSessions;

  KeycloakLine(int major, int minor, boolean sharesSessions) {
    this.major = major;
    this.minor = minor;
    this.sharesSessions = sharesSessions;
  }

  /** The line of a Keycloak version string such as {@code 26.4.7}; empty for any other. */
  public static Optional<KeycloakLine> of(String version) {
    Matcher release = version == null ? null : RELEASE.matcher(version.trim());
    if (release == null || !release.matches()) {
      return Optional.empty();
    }
    int major = Integer.parseInt(release.group(1));
    int minor = Integer.parseInt(release.group(2));
    for (KeycloakLine line : values()) {
      if (line.major == major && line.minor == minor) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /** Whether Keycloak's grant can be told to put a client's grants on one shared session. */
  public boolean sharesSessions() {
    return sharesSessions;
  }

  /** How the line is written in logs and docs: {@code 26.4}. */
  @Override
  public String toString() {
    return major + "." + minor;
  }
}
