package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryFiltersTest {

  private static InventoryFilters parse(Map<String, List<String>> query) {
    return InventoryFilters.of(query);
  }

  private static ApiException refused(Map<String, List<String>> query) {
    ApiException refusal = assertThrows(ApiException.class, () -> InventoryFilters.of(query));
    assertEquals(ApiError.INVALID_REQUEST, refusal.error());
    return refusal;
  }

  @Test
  void withoutParametersEveryClientOfTheFirstHundred() {
    assertEquals(new InventoryFilters(null, null, null, 0, 100), parse(Map.of()));
  }

  @Test
  void everyFilterTogether() {
    InventoryFilters filters =
        parse(
            Map.of(
                "owner", List.of("alice"),
                "idle_days", List.of("30"),
                "never_expires", List.of("true"),
                "first", List.of("200"),
                "max", List.of("1000")));
    assertEquals(new InventoryFilters("alice", 30, true, 200, 1000), filters);
  }

  @Test
  void neverExpiresFalseAsksForTheOthersAndAbsentForBoth() {
    assertEquals(Boolean.FALSE, parse(Map.of("never_expires", List.of("false"))).neverExpires());
    assertNull(parse(Map.of("owner", List.of("bob"))).neverExpires());
  }

  @Test
  void idleDaysTakesZeroToACentury() {
    assertEquals(0, parse(Map.of("idle_days", List.of("0"))).idleDays());
    assertEquals(36_500, parse(Map.of("idle_days", List.of("36500"))).idleDays());
    refusedEach("idle_days", "36501", "-1", "1.5", "");
  }

  @Test
  void pagingOutOfRangeIsRefused() {
    refusedEach("max", "0", "1001");
    refusedEach("first", "-1", "x");
  }

  @Test
  void neverExpiresIsTrueOrFalseOnly() {
    refusedEach("never_expires", "yes", "TRUE", "");
  }

  private static void refusedEach(String parameter, String... values) {
    for (String value : values) {
      refused(Map.of(parameter, List.of(value)));
    }
  }

  @Test
  void aParameterTwiceIsRefused() {
    assertTrue(refused(Map.of("owner", List.of("a", "b"))).description().contains("once"));
  }

  @Test
  void anUnknownParameterIsRefusedSoThatATypoListsNothingExtra() {
    assertTrue(refused(Map.of("idle_day", List.of("30"))).description().contains("idle_day"));
  }

  @Test
  void anOwnerNoUserCouldHaveIsRefused() {
    refusedEach("owner", "", "a\0b", "x".repeat(256), "é😀\"".repeat(85) + "x", "\uD800");
  }

  @Test
  void anOwnerOf255CharactersIsTakenAsItIsEmojiCountingOne() {
    String longest = "é😀\"".repeat(85);
    assertEquals(longest, parse(Map.of("owner", List.of(longest))).owner());
  }
}
