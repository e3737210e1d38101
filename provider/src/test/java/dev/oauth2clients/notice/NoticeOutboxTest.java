package dev.oauth2clients.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NoticeOutboxTest {

  @Test
  void aMinuteByDefaultAndAnyDurationOfASecondOrMore() {
    assertEquals(
        Duration.ofMinutes(1),
        ExpiryNotices.parseDuration("notice-window", null, NoticeOutbox.DEFAULT_WINDOW));
    assertEquals(
        Duration.ofSeconds(10),
        ExpiryNotices.parseDuration("notice-window", "10s", NoticeOutbox.DEFAULT_WINDOW));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                ExpiryNotices.parseDuration("notice-window", "1 min", NoticeOutbox.DEFAULT_WINDOW));
    assertTrue(refused.getMessage().startsWith("notice-window must be"), refused::getMessage);
  }

  @Test
  void theDrainRunsFourTimesAWindowButNotMoreThanOnceASecond() {
    assertEquals(Duration.ofSeconds(15), NoticeOutbox.drainInterval(Duration.ofMinutes(1)));
    assertEquals(Duration.ofMillis(2500), NoticeOutbox.drainInterval(Duration.ofSeconds(10)));
    assertEquals(Duration.ofSeconds(1), NoticeOutbox.drainInterval(Duration.ofSeconds(2)));
  }
}
