package dev.oauth2clients.privilege;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The roles an owner chose for a client, by name: realm roles, and client roles by the client's
 * {@code clientId}. Always in one canonical form (names sorted, without duplicates, no client with
 * an empty list), so two equal choices compare equal and read back the same.
 */
public record ChosenRoles(List<String> realmRoles, Map<String, List<String>> clientRoles) {

  public static final ChosenRoles NONE = new ChosenRoles(List.of(), Map.of());

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public ChosenRoles {
    realmRoles = List.copyOf(new TreeSet<>(realmRoles));
    Map<String, List<String>> canonical = new TreeMap<>();
    clientRoles.forEach(
        (clientId, names) -> {
          if (!names.isEmpty()) {
            canonical.put(clientId, List.copyOf(new TreeSet<>(names)));
          }
        });
    clientRoles = Collections.unmodifiableMap(new LinkedHashMap<>(canonical));
  }

  public boolean isEmpty() {
    return realmRoles.isEmpty() && clientRoles.isEmpty();
  }

  /** How many client roles are chosen, over all clients. */
  public int clientRoleCount() {
    return clientRoles.values().stream().mapToInt(List::size).sum();
  }

  /** The roles chosen here that {@code before} did not hold: the ones a change newly asks for. */
  public ChosenRoles addedSince(ChosenRoles before) {
    List<String> realm =
        realmRoles.stream().filter(name -> !before.realmRoles.contains(name)).toList();
    Map<String, List<String>> clients = new LinkedHashMap<>();
    clientRoles.forEach(
        (clientId, names) -> {
          Collection<String> had = before.clientRoles.getOrDefault(clientId, List.of());
          clients.put(clientId, names.stream().filter(name -> !had.contains(name)).toList());
        });
    return new ChosenRoles(realm, clients);
  }

  /** JSON text of the realm roles, as kept in the mapper's configuration. */
  String realmRolesJson() {
    return write(realmRoles);
  }

  /** JSON text of the client roles, as kept in the mapper's configuration. */
  String clientRolesJson() {
    return write(clientRoles);
  }

  /** The choice as one JSON object, the form events record it in. */
  public String toJson() {
    Map<String, Object> both = new LinkedHashMap<>();
    both.put("realm_roles", realmRoles);
    both.put("client_roles", clientRoles);
    return write(both);
  }

  /**
   * Reads the mapper's configuration back. An admin may have edited it in the console: what is not
   * a JSON array of strings (or object of such arrays) is empty, never an error at a grant.
   */
  static ChosenRoles fromJson(String realmRolesJson, String clientRolesJson) {
    return new ChosenRoles(
        parse(realmRolesJson, new TypeReference<List<String>>() {}).orElse(List.of()),
        parse(clientRolesJson, new TypeReference<Map<String, List<String>>>() {}).orElse(Map.of()));
  }

  /** Whether an admin's text is a valid configuration value ({@code null} or blank is none). */
  static boolean parses(String realmRolesJson, String clientRolesJson) {
    return (isBlank(realmRolesJson)
            || parse(realmRolesJson, new TypeReference<List<String>>() {}).isPresent())
        && (isBlank(clientRolesJson)
            || parse(clientRolesJson, new TypeReference<Map<String, List<String>>>() {})
                .isPresent());
  }

  private static boolean isBlank(String text) {
    return text == null || text.isBlank();
  }

  private static <T> Optional<T> parse(String json, TypeReference<T> type) {
    if (isBlank(json)) {
      return Optional.empty();
    }
    try {
      T value = MAPPER.readValue(json, type);
      return Optional.ofNullable(value).filter(ChosenRoles::hasNoNulls);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean hasNoNulls(Object value) {
    if (value instanceof Collection<?> names) {
      return names.stream().allMatch(name -> name != null);
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream().allMatch(names -> names != null && hasNoNulls(names));
    }
    return true;
  }

  private static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException("role names always serialize", e);
    }
  }
}
