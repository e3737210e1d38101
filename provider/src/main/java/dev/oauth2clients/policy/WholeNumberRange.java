package dev.oauth2clients.policy;

import java.util.OptionalInt;

/** The whole numbers from {@code min} to {@code max}: the one way this provider reads a number. */
public record WholeNumberRange(int min, int max) {

  /** The number {@code text} spells (spaces around it aside), or empty when it is none in range. */
  public OptionalInt parse(String text) {
    if (text == null) {
      return OptionalInt.empty();
    }
    try {
      int value = Integer.parseInt(text.trim());
      return value >= min && value <= max ? OptionalInt.of(value) : OptionalInt.empty();
    } catch (NumberFormatException notAWholeNumber) {
      return OptionalInt.empty();
    }
  }

  /** For sentences: "a whole number from 0 to 10000". */
  public String describe() {
    return "a whole number from " + min + " to " + max;
  }
}
