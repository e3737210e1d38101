package dev.oauth2clients.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpiryNoticesTest {

  @Test
  void unsetMeansAQuarterOfAnHour() {
    assertEquals(Duration.ofMinutes(15), ExpiryNotices.parseInterval(null));
    assertEquals(Duration.ofMinutes(15), ExpiryNotices.parseInterval(" "));
  }

  @Test
  void takesKeycloaksDurations() {
    assertEquals(Duration.ofSeconds(3), ExpiryNotices.parseInterval("3s"));
    assertEquals(Duration.ofSeconds(90), ExpiryNotices.parseInterval("90"));
    assertEquals(Duration.ofHours(1), ExpiryNotices.parseInterval("1h"));
    assertEquals(Duration.ofMinutes(15), ExpiryNotices.parseInterval(" 15m "));
    assertEquals(Duration.ofDays(2), ExpiryNotices.parseInterval("2d"));
    assertEquals(Duration.ofSeconds(1), ExpiryNotices.parseInterval("1000ms"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "500ms",
        "999ms",
        "-5m",
        "soon",
        "15 minutes",
        "1h30m",
        "5w",
        "9999999999999999d"
      })
  void refusesWhatIsNoDurationOfASecondOrMore(String value) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> ExpiryNotices.parseInterval(value));
    assertTrue(refused.getMessage().contains("expiry-notice-interval"), refused::getMessage);
  }
}
