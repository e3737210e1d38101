package dev.oauth2clients.testsupport;

import java.time.Duration;

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
}
