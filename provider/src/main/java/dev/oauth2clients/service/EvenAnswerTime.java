package dev.oauth2clients.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * How long a leak report's answer takes: never less than {@link #FLOOR}, and never less than what
 * reports that revoked something took lately ({@link #QUANTILE} of the last {@link #SAMPLES} within
 * {@link #RECENT}), with a margin, up to {@link #CEILING}.
 *
 * <p>Only the extra writes of a revocation can tell a hit from a miss, so only revoking reports set
 * the time: a fixed floor alone hides them only while the server is quick, and a loaded database
 * makes a revocation slower than any fixed floor. A quantile rather than the slowest one keeps a
 * single pause (a garbage collection, a checkpoint), which strikes hits and misses alike, from
 * slowing every answer; what it leaves above the time is that rare tail. On an idle server a
 * revocation stays well under the floor, so a hit does not move the time for later reports either.
 * A report of many live secrets may take longer than the time; its sender held them all.
 */
final class EvenAnswerTime {

  /**
   * Longer than a revocation of a few secrets takes (with its event and the owner's e-mail in the
   * outbox) on an idle server, on H2 and PostgreSQL alike.
   */
  static final Duration FLOOR = Duration.ofMillis(30);

  /**
   * Beyond this a server is in trouble anyway; answers that all waited longer would hold a worker
   * thread each for as long, which a flood of reports could turn against the server.
   */
  static final Duration CEILING = Duration.ofSeconds(2);

  /** Samples older than this no longer count, so that the time comes down after a busy spell. */
  static final Duration RECENT = Duration.ofSeconds(60);

  /** How many revoking reports are remembered. */
  static final int SAMPLES = 64;

  /** Which of the remembered times sets the answer's: the 90th percentile, nearest rank. */
  static final double QUANTILE = 0.9;

  /**
   * Reports that revoked more secrets than this do not set the time. A found secret or two among a
   * scanner's strings is what the time hides; whoever holds many live secrets could otherwise
   * report them again and again (rotating in between) and hold every answer, and a worker thread
   * with it, near the {@link #CEILING}.
   */
  static final int MOST_HIDDEN = 3;

  private final LongSupplier clock;
  private final long[] tookNanos = new long[SAMPLES];
  private final long[] seenAt = new long[SAMPLES];
  private int next;
  private int held;

  EvenAnswerTime(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Records how long a report's work took; only a report that revoked 1 to {@link #MOST_HIDDEN}
   * secrets counts.
   */
  synchronized void took(long nanos, int revoked) {
    if (revoked < 1 || revoked > MOST_HIDDEN) {
      return;
    }
    tookNanos[next] = nanos;
    seenAt[next] = clock.getAsLong();
    next = (next + 1) % SAMPLES;
    held = Math.min(held + 1, SAMPLES);
  }

  /** How long every answer takes from the report's arrival now. */
  synchronized long answerNanos() {
    long oldest = clock.getAsLong() - RECENT.toNanos();
    long[] recent = new long[held];
    int count = 0;
    for (int i = 0; i < held; i++) {
      if (seenAt[i] - oldest > 0) {
        recent[count++] = tookNanos[i];
      }
    }
    if (count == 0) {
      return FLOOR.toNanos();
    }
    Arrays.sort(recent, 0, count);
    long typical = recent[(int) Math.ceil(QUANTILE * count) - 1];
    return Math.min(CEILING.toNanos(), Math.max(FLOOR.toNanos(), typical + typical / 4));
  }

  /** Waits until the answer's time has passed since {@code arrived} ({@link System#nanoTime}). */
  void waitFrom(long arrived) {
    long remaining = answerNanos() - (clock.getAsLong() - arrived);
    while (remaining > 0) {
      LockSupport.parkNanos(remaining);
      remaining = answerNanos() - (clock.getAsLong() - arrived);
    }
  }
}
