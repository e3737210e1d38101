package dev.oauth2clients.service;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * How long a leak report's answer takes: never less than {@link #FLOOR}, and never less than the
 * slowest report of the last 10 to 20 seconds took, with a margin, up to {@link #CEILING}. A report
 * that revoked something does more writes than one that did not; a fixed floor alone hides that
 * only while the server is quick, and a loaded database makes a revocation slower than any fixed
 * floor. Following the slowest recent report keeps hits and misses equally long under load too:
 * only the first slow report after a quiet spell stands out, once.
 */
final class EvenAnswerTime {

  /**
   * Longer than a revocation of one secret takes (with its event and the owner's e-mail in the
   * outbox) on an idle server, on H2 and PostgreSQL alike.
   */
  static final Duration FLOOR = Duration.ofMillis(30);

  /**
   * Beyond this a server is in trouble anyway; answers that all waited longer would hold a worker
   * thread each for as long, which a flood of reports could turn against the server.
   */
  static final Duration CEILING = Duration.ofSeconds(2);

  /** Short, so that one slow report (a cold start, a pause) slows the answers briefly. */
  static final Duration WINDOW = Duration.ofSeconds(10);

  private final LongSupplier clock;
  private long windowStart;
  private long slowestNow;
  private long slowestBefore;

  EvenAnswerTime(LongSupplier clock) {
    this.clock = clock;
    this.windowStart = clock.getAsLong();
  }

  /** Records how long a report's work took, hit or miss. */
  synchronized void took(long nanos) {
    roll();
    slowestNow = Math.max(slowestNow, nanos);
  }

  /** How long every answer takes from the report's arrival now. */
  synchronized long answerNanos() {
    roll();
    long slowest = Math.max(slowestNow, slowestBefore);
    return Math.min(CEILING.toNanos(), Math.max(FLOOR.toNanos(), slowest + slowest / 4));
  }

  /** Waits until the answer's time has passed since {@code arrived} ({@link System#nanoTime}). */
  void waitFrom(long arrived) {
    long remaining = answerNanos() - (clock.getAsLong() - arrived);
    while (remaining > 0) {
      LockSupport.parkNanos(remaining);
      remaining = answerNanos() - (clock.getAsLong() - arrived);
    }
  }

  /** Moves to a new window every {@link #WINDOW}; a window that passed unseen forgets the last. */
  private void roll() {
    long now = clock.getAsLong();
    long elapsed = now - windowStart;
    if (elapsed >= WINDOW.toNanos()) {
      slowestBefore = elapsed >= 2 * WINDOW.toNanos() ? 0 : slowestNow;
      slowestNow = 0;
      windowStart = now;
    }
  }
}
