package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

  @Test
  void countsCodePoints() {
    assertEquals(3, TextRules.characters("é\uD83D\uDE80a"));
  }

  @Test
  void stripsEveryKindOfSpace() {
    assertEquals("a b", TextRules.stripSpaces("\u00A0\u2003 a b\t\n\u202F"));
  }

  @Test
  void controlCharactersExceptTheAllowedOnes() {
    assertTrue(TextRules.hasControlCharacter("a\nb", ""));
    assertFalse(TextRules.hasControlCharacter("a\nb\tc\r", "\t\n\r"));
    assertTrue(TextRules.hasControlCharacter("a\u0085b", "\t\n\r"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\u202E", // right-to-left override
        "\u202A", // left-to-right embedding
        "\u200E", // left-to-right mark
        "\u2066", // isolates
        "\u2069",
        "\u200B", // zero-width space
        "\u2060", // word joiner
        "\uFEFF", // byte-order mark
        "\u00AD", // soft hyphen
        "\uDB40\uDC41", // tag latin capital letter A
        "a\u200Db", // a joiner between letters
        "\u200D\uD83D\uDE80", // a joiner with nothing before it
        "\uD83D\uDE80\u200D", // a joiner with nothing after it
      })
  void findsInvisibleFormatCharacters(String hidden) {
    assertTrue(TextRules.hasInvisibleFormatCharacter("App " + hidden + " name"));
    assertTrue(TextRules.hasInvisibleFormatCharacter(hidden));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Plain name",
        "Café ☕ über",
        "\uD83D\uDC69\u200D\uD83D\uDCBB", // woman technologist
        "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB", // the same with a skin tone
        "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", // rainbow flag
        "עברית and العربية",
        "line one\nline two",
      })
  void letsVisibleTextAndEmojiSequencesThrough(String text) {
    assertFalse(TextRules.hasInvisibleFormatCharacter(text));
  }
}
