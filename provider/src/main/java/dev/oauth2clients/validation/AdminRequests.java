package dev.oauth2clients.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The bodies of the admin's inventory actions: which clients to revoke, which secret to find. */
public final class AdminRequests {

  public static final int MAX_CLIENT_IDS = 1000;
  static final String CLIENT_IDS = "client_ids";
  static final String SECRET = "secret";

  private AdminRequests() {}

  /**
   * {@code {"client_ids": ["…", …]}}: 1 to {@value #MAX_CLIENT_IDS} strings. Returns each id once,
   * in the order sent, leaving out strings that no client could have as its id (they name nothing,
   * as any unknown id).
   */
  public static Set<String> clientIds(ObjectNode body) {
    BodyFields.allowOnly(
        body,
        Set.of(CLIENT_IDS),
        ApiError.INVALID_REQUEST,
        "revoke-secrets takes only " + CLIENT_IDS);
    List<String> ids = BodyFields.strings(body, CLIENT_IDS, MAX_CLIENT_IDS);
    Set<String> possible = new LinkedHashSet<>();
    for (String id : ids) {
      if (ClientIds.couldExist(id)) {
        possible.add(id);
      }
    }
    return possible;
  }

  /** {@code {"secret": "…"}}: the string an admin found. */
  public static String secret(ObjectNode body) {
    BodyFields.allowOnly(
        body, Set.of(SECRET), ApiError.INVALID_REQUEST, "lookup takes only " + SECRET);
    return BodyFields.string(body, SECRET);
  }
}
