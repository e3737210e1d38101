package dev.oauth2clients.validation;

import dev.oauth2clients.policy.WholeNumberRange;
import dev.oauth2clients.representation.ApiError;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query of the admin's inventory, {@code GET /admin/realms/{realm}/oauth2-clients}: which
 * filters were asked for, each at most once and well-formed. A parameter the inventory does not
 * know is refused rather than ignored, so that a misspelt filter never lists (and leads an admin to
 * revoke) more clients than meant.
 *
 * @param owner a user id or username, or null for every owner
 * @param idleDays clients without a grant for this many days, or null for any
 * @param neverExpires {@code true}: only clients whose current secret has no expiry and is not
 *     revoked; {@code false}: only the others; null: both
 */
public record InventoryFilters(
    String owner, Integer idleDays, Boolean neverExpires, int first, int max) {

  public static final String OWNER = "owner";
  public static final String IDLE_DAYS = "idle_days";
  public static final String NEVER_EXPIRES = "never_expires";
  public static final String FIRST = "first";
  public static final String MAX = "max";
  static final int DEFAULT_MAX = 100;

  /** A century: more than any client can have been idle, and far from overflowing milliseconds. */
  static final WholeNumberRange IDLE_DAYS_RANGE = new WholeNumberRange(0, 36_500);

  /** Keycloak's username column holds 255 characters (code points on every database). */
  static final int OWNER_MAX_LENGTH = 255;

  static final WholeNumberRange FIRST_RANGE = new WholeNumberRange(0, Integer.MAX_VALUE);
  static final WholeNumberRange MAX_RANGE = new WholeNumberRange(1, 1000);
  private static final Set<String> KNOWN = Set.of(OWNER, IDLE_DAYS, NEVER_EXPIRES, FIRST, MAX);

  /** The filters of a query string, as JAX-RS hands over its parameters. */
  public static InventoryFilters of(Map<String, List<String>> query) {
    Set<String> unknown = new TreeSet<>(query.keySet());
    unknown.removeAll(KNOWN);
    if (!unknown.isEmpty()) {
      throw ApiError.INVALID_REQUEST.because(
          "Unknown query parameter '"
              + unknown.iterator().next()
              + "'; the inventory takes owner, idle_days, never_expires, first and max.");
    }
    String owner = single(query, OWNER);
    if (owner != null && !couldBeAUser(owner)) {
      throw ApiError.INVALID_REQUEST.because(
          "owner must be a user id or username of 1 to " + OWNER_MAX_LENGTH + " characters.");
    }
    return new InventoryFilters(
        owner,
        number(query, IDLE_DAYS, null, IDLE_DAYS_RANGE),
        bool(query, NEVER_EXPIRES),
        number(query, FIRST, 0, FIRST_RANGE),
        number(query, MAX, DEFAULT_MAX, MAX_RANGE));
  }

  /** The value of a parameter given at most once, or null when absent. */
  private static String single(Map<String, List<String>> query, String name) {
    List<String> values = query.get(name);
    if (values == null || values.isEmpty()) {
      return null;
    }
    if (values.size() > 1) {
      throw ApiError.INVALID_REQUEST.because(name + " may be given only once.");
    }
    return values.get(0);
  }

  private static Integer number(
      Map<String, List<String>> query, String name, Integer fallback, WholeNumberRange range) {
    String value = single(query, name);
    if (value == null) {
      return fallback;
    }
    return range
        .parse(value)
        .orElseThrow(
            () -> ApiError.INVALID_REQUEST.because(name + " must be " + range.describe() + "."));
  }

  private static Boolean bool(Map<String, List<String>> query, String name) {
    String value = single(query, name);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw ApiError.INVALID_REQUEST.because(name + " must be true or false.");
    };
  }

  private static boolean couldBeAUser(String owner) {
    return !owner.isEmpty()
        && TextRules.characters(owner) <= OWNER_MAX_LENGTH
        && ClientIds.isStorableText(owner);
  }
}
