package dev.oauth2clients.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParsedChoicesTest {

  @Test
  void theSameTextIsParsedOnceAndAnEditIsReadAfresh() {
    ParsedChoices parsed = new ParsedChoices();
    ChosenRoles first = parsed.read("[\"reader\"]", "{\"api\":[\"read\"]}");
    assertEquals(new ChosenRoles(List.of("reader"), Map.of("api", List.of("read"))), first);
    assertSame(first, parsed.read("[\"reader\"]", "{\"api\":[\"read\"]}"));
    assertEquals(
        new ChosenRoles(List.of("writer"), Map.of("api", List.of("read"))),
        parsed.read("[\"writer\"]", "{\"api\":[\"read\"]}"));
    assertEquals(ChosenRoles.NONE, parsed.read("[]", null));
    assertEquals(ChosenRoles.NONE, parsed.read(null, null));
  }
}
