package dev.oauth2clients.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.keycloak.models.RealmModel;

/**
 * The realm policy as the admin console's tab edits it: four text fields, checked strictly (unlike
 * {@link RealmPolicy}, which reads attributes leniently) and written to the realm attributes that
 * {@link RealmPolicy} reads, so the attributes stay the one source of truth.
 */
public record PolicyForm(Map<String, String> values) {

  /**
   * Field name in the tab's form → realm attribute. Names carry no dots: the form nests on dots.
   */
  public static final Map<String, String> ATTRIBUTES =
      Map.of(
          "enabled", RealmPolicy.ENABLED,
          "maxClientsPerUser", RealmPolicy.MAX_CLIENTS_PER_USER,
          "requiredRole", RealmPolicy.REQUIRED_ROLE,
          "accessTokenLifespan", RealmPolicy.ACCESS_TOKEN_LIFESPAN);

  public PolicyForm {
    values = trimmedFields(values);
  }

  /** The form as the realm's attributes hold it now (absent attributes as their defaults). */
  public static PolicyForm of(RealmModel realm) {
    RealmPolicy policy = RealmPolicy.of(realm);
    return new PolicyForm(
        Map.of(
            "enabled", Boolean.toString(policy.enabled()),
            "maxClientsPerUser", Integer.toString(policy.maxClientsPerUser()),
            "requiredRole", policy.requiredRole().orElse(""),
            "accessTokenLifespan", Integer.toString(policy.accessTokenLifespan())));
  }

  /** What is wrong with the form, in words an admin can act on; empty when it may be saved. */
  public List<String> problems(Predicate<String> roleExists) {
    List<String> problems = new ArrayList<>();
    String enabled = values.get("enabled");
    if (!enabled.isEmpty() && !enabled.equals("true") && !enabled.equals("false")) {
      problems.add("Enabled must be on or off.");
    }
    checkRange(
        problems,
        "Max clients per user",
        values.get("maxClientsPerUser"),
        0,
        RealmPolicy.MAX_QUOTA);
    checkRange(
        problems,
        "Access token lifespan",
        values.get("accessTokenLifespan"),
        RealmPolicy.MIN_LIFESPAN,
        RealmPolicy.MAX_LIFESPAN);
    String role = values.get("requiredRole");
    if (!role.isEmpty() && !roleExists.test(role)) {
      problems.add("Required role '" + role + "' is not a role of this realm.");
    }
    return problems;
  }

  /** Writes the fields to the realm's attributes; unchanged ones are left alone. */
  public void applyTo(RealmModel realm) {
    ATTRIBUTES.forEach(
        (field, attribute) -> {
          String value = values.get(field);
          String current = realm.getAttribute(attribute);
          if (value.isEmpty() && current != null) {
            realm.removeAttribute(attribute);
          } else if (!value.isEmpty() && !value.equals(current)) {
            realm.setAttribute(attribute, value);
          }
        });
  }

  private static void checkRange(
      List<String> problems, String label, String value, int min, int max) {
    if (value.isEmpty()) {
      return;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return;
      }
    } catch (NumberFormatException ignored) {
      // reported below, like an out-of-range number
    }
    problems.add(label + " must be a whole number from " + min + " to " + max + ".");
  }

  private static Map<String, String> trimmedFields(Map<String, String> values) {
    Map<String, String> trimmed = new LinkedHashMap<>();
    ATTRIBUTES.keySet().forEach(field -> trimmed.put(field, trim(values.get(field))));
    return Map.copyOf(trimmed);
  }

  private static String trim(String value) {
    return value == null ? "" : value.trim();
  }
}
