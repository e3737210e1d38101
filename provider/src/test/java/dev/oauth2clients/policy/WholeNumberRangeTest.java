package dev.oauth2clients.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class WholeNumberRangeTest {

  private static final WholeNumberRange RANGE = new WholeNumberRange(60, 86_400);

  @Test
  void acceptsBothEndsAndSpacesAround() {
    assertEquals(OptionalInt.of(60), RANGE.parse("60"));
    assertEquals(OptionalInt.of(86_400), RANGE.parse(" 86400\t"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"59", "86401", "", "  ", "1.5", "6e1", "sixty", "+-60", "99999999999"})
  void refusesWhatIsNoWholeNumberInRange(String text) {
    assertEquals(OptionalInt.empty(), RANGE.parse(text));
  }

  @Test
  void describesItselfForSentences() {
    assertEquals("a whole number from 60 to 86400", RANGE.describe());
  }
}
