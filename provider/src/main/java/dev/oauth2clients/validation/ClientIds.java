package dev.oauth2clients.validation;

/**
 * Which strings a caller sends as a client id could name a client at all. Keycloak keeps a {@code
 * clientId} in a VARCHAR(255) column, and PostgreSQL refuses the NUL character and unpaired
 * surrogates in text with an error, so such a string must never reach a query: no client has it,
 * and it is answered as any unknown id is.
 */
public final class ClientIds {

  /** Keycloak's {@code CLIENT.CLIENT_ID} column, in UTF-16 units as H2 counts. */
  static final int MAX_LENGTH = 255;

  /** The most client ids one list request may name, as many as one page may hold. */
  public static final int MAX_FILTER = 1000;

  private ClientIds() {}

  public static boolean couldExist(String clientId) {
    return clientId != null
        && !clientId.isEmpty()
        && clientId.length() <= MAX_LENGTH
        && isStorableText(clientId);
  }

  /** Whether every database stores the string as it is: no NUL, no unpaired surrogate. */
  static boolean isStorableText(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\0') {
        return false;
      }
      if (Character.isHighSurrogate(c)
          && (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1)))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
