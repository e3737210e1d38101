package dev.oauth2clients.bench;

import java.util.Locale;

/** Numbers in text the same way everywhere: a dot for decimals whatever the machine's locale. */
final class Text {

  private Text() {}

  static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }

  /** A blank line, then the heading of an item's results. */
  static void heading(String pattern, Object... values) {
    System.out.println();
    System.out.println(format(pattern, values));
  }
}
