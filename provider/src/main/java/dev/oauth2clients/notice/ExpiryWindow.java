package dev.oauth2clients.notice;

import java.util.Objects;
import java.util.Optional;

/**
 * Which secrets are due for their expiry notice at one moment: those that end after now and at most
 * {@code expiry-notice-days} later, and whose notice was sent for no secret or for another one (a
 * rotation gives a new expiry, which gets its own notice). Times are seconds since the epoch.
 *
 * @param after exclusive: a secret that has already expired gets no reminder
 * @param until inclusive
 */
record ExpiryWindow(long after, long until) {

  private static final long DAY = 86_400L;

  /** Empty when the realm turned notices off (0 days). */
  static Optional<ExpiryWindow> at(long now, int noticeDays) {
    return noticeDays <= 0
        ? Optional.empty()
        : Optional.of(new ExpiryWindow(now, now + noticeDays * DAY));
  }

  boolean isDue(Long secretExpiresAt, Long noticeSentFor) {
    return secretExpiresAt != null
        && secretExpiresAt > after
        && secretExpiresAt <= until
        && !Objects.equals(secretExpiresAt, noticeSentFor);
  }
}
