package dev.oauth2clients.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpiryWindowTest {

  private static final long NOW = 1_800_000_000L;
  private static final long DAY = 86_400L;
  private static final ExpiryWindow SEVEN_DAYS = ExpiryWindow.at(NOW, 7).orElseThrow();

  @Test
  void spansTheNoticeDaysFromNow() {
    assertEquals(new ExpiryWindow(NOW, NOW + 7 * DAY), SEVEN_DAYS);
  }

  @Test
  void zeroDaysTurnsNoticesOff() {
    assertEquals(Optional.empty(), ExpiryWindow.at(NOW, 0));
  }

  @Test
  void aSecretEndingWithinTheDaysIsDueUpToTheLastSecond() {
    assertTrue(SEVEN_DAYS.isDue(NOW + 3 * DAY, null));
    assertTrue(SEVEN_DAYS.isDue(NOW + 1, null));
    assertTrue(SEVEN_DAYS.isDue(NOW + 7 * DAY, null));
  }

  @Test
  void laterExpiredAndEndlessSecretsAreNot() {
    assertFalse(SEVEN_DAYS.isDue(NOW + 7 * DAY + 1, null), "too early for a reminder");
    assertFalse(SEVEN_DAYS.isDue(NOW, null), "expired: too late for one");
    assertFalse(SEVEN_DAYS.isDue(NOW - DAY, null));
    assertFalse(SEVEN_DAYS.isDue(null, null), "a secret that never expires");
  }

  @Test
  void oneNoticePerSecretButANewSecretGetsItsOwn() {
    long expiresAt = NOW + 3 * DAY;
    assertFalse(SEVEN_DAYS.isDue(expiresAt, expiresAt), "already sent for this secret");
    assertTrue(SEVEN_DAYS.isDue(expiresAt, NOW - 2 * DAY), "sent for the secret it replaced");
  }
}
