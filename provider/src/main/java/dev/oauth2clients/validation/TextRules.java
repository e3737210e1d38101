package dev.oauth2clients.validation;

/** How the contract counts, trims and screens the text that people read: names and descriptions. */
final class TextRules {

  private static final int ZERO_WIDTH_JOINER = 0x200D;
  private static final int EMOJI_PRESENTATION = 0xFE0F;

  private TextRules() {}

  /** Characters as people count them: a code point, not a UTF-16 unit. */
  static int characters(String value) {
    return value.codePointCount(0, value.length());
  }

  /** Like {@link String#strip()}, but no-break spaces count as spaces too. */
  static String stripSpaces(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  /** A control character other than those in {@code allowed} (e.g. line breaks in prose). */
  static boolean hasControlCharacter(String value, String allowed) {
    return value.codePoints().anyMatch(c -> Character.isISOControl(c) && allowed.indexOf(c) < 0);
  }

  /**
   * An invisible format character (Unicode category Cf): bidirectional controls such as U+202E,
   * which make text display reversed, zero-width spaces, the byte-order mark. A zero-width joiner
   * between two emoji is the one exception: it only draws them as one (👩‍💻) and hides nothing.
   */
  static boolean hasInvisibleFormatCharacter(String value) {
    int[] codePoints = value.codePoints().toArray();
    for (int i = 0; i < codePoints.length; i++) {
      if (Character.getType(codePoints[i]) == Character.FORMAT && !joinsEmoji(codePoints, i)) {
        return true;
      }
    }
    return false;
  }

  private static boolean joinsEmoji(int[] codePoints, int index) {
    return codePoints[index] == ZERO_WIDTH_JOINER
        && index > 0
        && index < codePoints.length - 1
        && endsEmoji(codePoints[index - 1])
        && Character.getType(codePoints[index + 1]) == Character.OTHER_SYMBOL;
  }

  /** An emoji, or what may close one: a skin-tone modifier or the emoji presentation selector. */
  private static boolean endsEmoji(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.OTHER_SYMBOL
        || type == Character.MODIFIER_SYMBOL
        || codePoint == EMOJI_PRESENTATION;
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }
}
