package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientIdsTest {

  @Test
  void idsKeycloakCanStoreCouldExist() {
    assertTrue(ClientIds.couldExist("ssc-abc_DEF-123"));
    assertTrue(ClientIds.couldExist("renamed by an admin: café \uD83D\uDE00 \"quoted\""));
    assertTrue(ClientIds.couldExist("a".repeat(ClientIds.MAX_LENGTH)));
  }

  @Test
  void idsNoColumnCanHoldCannot() {
    assertFalse(ClientIds.couldExist(null));
    assertFalse(ClientIds.couldExist(""));
    assertFalse(ClientIds.couldExist("a".repeat(ClientIds.MAX_LENGTH + 1)));
    assertFalse(ClientIds.couldExist("\0abc"));
    assertFalse(ClientIds.couldExist("abc\uD83D"));
    assertFalse(ClientIds.couldExist("\uDE00abc"));
    assertFalse(ClientIds.couldExist("a\uDE00\uD83Db"));
  }
}
