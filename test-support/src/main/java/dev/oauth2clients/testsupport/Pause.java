package dev.oauth2clients.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting in tests, where an interrupt can only mean the run is being stopped. */
public final class Pause {

  private Pause() {}

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Asks {@code done} every 200 ms until it says yes or {@code timeout} has passed: for what the
   * server does in the background after it answered.
   *
   * @return whether {@code done} said yes in time
   */
  public static boolean until(Duration timeout, BooleanSupplier done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      sleep(Duration.ofMillis(200));
    }
    return true;
  }
}
