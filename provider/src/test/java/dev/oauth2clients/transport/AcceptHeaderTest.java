package dev.oauth2clients.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptHeaderTest {

  @Test
  void noHeaderAcceptsEverything() {
    assertTrue(AcceptHeader.acceptsJson(null));
    assertTrue(AcceptHeader.acceptsJson(List.of()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "application/json; charset=utf-8",
        "*/*",
        "application/*",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
        "text/html, application/json;q=0.1",
        "garbage, application/json",
      })
  void acceptsHeadersThatCoverJson(String header) {
    assertTrue(AcceptHeader.acceptsJson(List.of(header)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/html",
        "application/xml, text/plain",
        "application/json;q=0",
        "application/json;q=none",
        "image/*",
        "garbage",
      })
  void refusesHeadersThatDoNot(String header) {
    assertFalse(AcceptHeader.acceptsJson(List.of(header)));
  }

  @Test
  void readsEveryHeaderLine() {
    assertTrue(AcceptHeader.acceptsJson(List.of("text/html", "application/json")));
  }
}
