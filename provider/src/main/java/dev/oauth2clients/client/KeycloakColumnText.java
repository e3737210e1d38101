package dev.oauth2clients.client;

/**
 * Text that is kept whole in the provider's table and, as far as it fits, in one of Keycloak's
 * VARCHAR(255) columns, so that admins see it in the admin console and the API reads it back whole.
 */
final class KeycloakColumnText {

  static final String ELLIPSIS = "…";

  private KeycloakColumnText() {}

  /**
   * The value itself when it fits {@link ClientFields#KEYCLOAK_COLUMN_UNITS} UTF-16 units (the way
   * H2 counts; PostgreSQL's code points are never more), otherwise its start and an ellipsis, cut
   * between two characters rather than inside one.
   */
  static String fit(String whole) {
    if (whole == null || whole.length() <= ClientFields.KEYCLOAK_COLUMN_UNITS) {
      return whole;
    }
    int end = ClientFields.KEYCLOAK_COLUMN_UNITS - ELLIPSIS.length();
    if (Character.isHighSurrogate(whole.charAt(end - 1))) {
      end--;
    }
    return whole.substring(0, end) + ELLIPSIS;
  }

  /**
   * What to show: the stored whole value while Keycloak's column still holds what {@link #fit} made
   * of it. Otherwise Keycloak's column wins: an admin edited the client in the admin console, or
   * the row predates the provider's copy.
   */
  static String whole(String column, String stored) {
    return stored != null && fit(stored).equals(column) ? stored : column;
  }
}
