package dev.oauth2clients.version;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeycloakLineTest {

  @Test
  void findsTheLineOfEachTestedRelease() {
    assertEquals(Optional.of(KeycloakLine.V26_4), KeycloakLine.of("26.4.0"));
    assertEquals(Optional.of(KeycloakLine.V26_4), KeycloakLine.of("26.4.7"));
    assertEquals(Optional.of(KeycloakLine.V26_5), KeycloakLine.of("26.5.6"));
    assertEquals(Optional.of(KeycloakLine.V26_7), KeycloakLine.of("26.7.3"));
    assertEquals(Optional.of(KeycloakLine.V26_7), KeycloakLine.of("26.7.4-SNAPSHOT"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"26.3.5", "26.6.1", "26.8.0", "27.0.0", "25.0.6", "999.0.0-SNAPSHOT", "", "26.7"})
  void anyOtherVersionIsNoLine(String version) {
    assertEquals(Optional.empty(), KeycloakLine.of(version));
  }

  @Test
  void nothingIsNoLine() {
    assertEquals(Optional.empty(), KeycloakLine.of(null));
  }

  @Test
  void onlyThe264GrantHasNoHookToShareSessions() {
    assertFalse(KeycloakLine.V26_4.sharesSessions());
    assertTrue(KeycloakLine.V26_5.sharesSessions());
    assertTrue(KeycloakLine.V26_7.sharesSessions());
    assertEquals("26.4", KeycloakLine.V26_4.toString());
  }
}
