package dev.oauth2clients.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class KeycloakColumnTextTest {

  private static final String ROCKET = "\uD83D\uDE80";

  @Test
  void whatFitsIsKeptAsItIs() {
    assertNull(KeycloakColumnText.fit(null));
    assertEquals("", KeycloakColumnText.fit(""));
    String longest = "é".repeat(255);
    assertEquals(longest, KeycloakColumnText.fit(longest));
  }

  @Test
  void whatDoesNotFitKeepsItsStartAndAnEllipsisIn255Units() {
    String fitted = KeycloakColumnText.fit("a".repeat(256));
    assertEquals("a".repeat(254) + "…", fitted);
    assertEquals(255, fitted.length());
  }

  @Test
  void anEmojiIsNeverCutInHalf() {
    // 127 emoji are 254 units: the cut at 254 falls between two of them.
    assertEquals(ROCKET.repeat(127) + "…", KeycloakColumnText.fit(ROCKET.repeat(128)));
    // One letter first moves the cut into an emoji, which then goes whole.
    String fitted = KeycloakColumnText.fit("x" + ROCKET.repeat(128));
    assertEquals("x" + ROCKET.repeat(126) + "…", fitted);
    assertEquals(254, fitted.length());
  }

  @Test
  void theStoredWholeIsShownWhileKeycloaksColumnHoldsWhatFitsOfIt() {
    String whole = ROCKET.repeat(200);
    assertEquals(whole, KeycloakColumnText.whole(KeycloakColumnText.fit(whole), whole));
    assertEquals("short", KeycloakColumnText.whole("short", "short"));
  }

  @Test
  void keycloaksColumnWinsWhereItSaysSomethingElse() {
    assertEquals("Edited by an admin", KeycloakColumnText.whole("Edited by an admin", "Owner's"));
    assertEquals("From before the copy", KeycloakColumnText.whole("From before the copy", null));
    assertNull(KeycloakColumnText.whole(null, "cleared by an admin"));
  }
}
