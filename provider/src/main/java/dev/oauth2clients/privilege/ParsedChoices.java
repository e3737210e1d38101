package dev.oauth2clients.privilege;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chosen roles of each configuration text a mapper has been seen with, so that a grant does not
 * parse JSON. Keyed by the text itself, so an edit is a new entry and nothing goes stale; when the
 * realm's clients have made more distinct choices than it holds, it starts over.
 */
final class ParsedChoices {

  private static final int MOST = 10_000;

  private final Map<String, ChosenRoles> parsed = new ConcurrentHashMap<>();

  ChosenRoles read(String realmRolesJson, String clientRolesJson) {
    // NUL separates the two texts: JSON text never holds one unescaped.
    String key = realmRolesJson + '\0' + clientRolesJson;
    ChosenRoles known = parsed.get(key);
    if (known != null) {
      return known;
    }
    if (parsed.size() >= MOST) {
      parsed.clear();
    }
    ChosenRoles roles = ChosenRoles.fromJson(realmRolesJson, clientRolesJson);
    parsed.put(key, roles);
    return roles;
  }
}
