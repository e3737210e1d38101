package dev.oauth2clients.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ConsentScreenTest {

  @Test
  void namesTheOwner() {
    assertEquals(
        "Made by alice, a user of this realm, not by its administrators",
        ConsentScreen.text("alice"));
  }

  @Test
  void anOwnerNameCannotBecomeOneOfTheRealmsMessages() {
    String text = ConsentScreen.text("${doLogIn}@example.com");
    assertFalse(text.contains("${"), text);
    assertEquals(
        "Made by $ {doLogIn}@example.com, a user of this realm, not by its administrators", text);
    assertFalse(ConsentScreen.text("$${x}${${y}}").contains("${"));
  }
}
