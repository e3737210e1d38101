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
    refused(Map.of("idle_days", List.of("36501")));
    refused(Map.of("idle_days", List.of("-1")));
    refused(Map.of("idle_days", List.of("1.5")));
    refused(Map.of("idle_days", List.of("")));
  }

  @Test
  void pagingOutOfRangeIsRefused() {
    refused(Map.of("max", List.of("0")));
    refused(Map.of("max", List.of("1001")));
    refused(Map.of("first", List.of("-1")));
    refused(Map.of("first", List.of("x")));
  }

  @Test
  void neverExpiresIsTrueOrFalseOnly() {
    refused(Map.of("never_expires", List.of("yes")));
    refused(Map.of("never_expires", List.of("TRUE")));
    refused(Map.of("never_expires", List.of("")));
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
    refused(Map.of("owner", List.of("")));
    refused(Map.of("owner", List.of("a\0b")));
    refused(Map.of("owner", List.of("x".repeat(256))));
  }
}
