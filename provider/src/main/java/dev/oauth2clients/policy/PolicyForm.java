package dev.oauth2clients.policy;

import dev.oauth2clients.secret.SecretFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.keycloak.models.RealmModel;

/**
 * The realm policy as the admin console's tab edits it: one text field per {@link PolicySetting},
 * checked strictly (unlike {@link RealmPolicy}, which reads attributes leniently) and written to
 * the realm attributes that {@link RealmPolicy} reads, so the attributes stay the one source of
 * truth. Values are trimmed; a missing field is empty, which means the default.
 */
public record PolicyForm(Map<PolicySetting, String> values) {

  public PolicyForm {
    Map<PolicySetting, String> trimmed = new EnumMap<>(PolicySetting.class);
    for (PolicySetting setting : PolicySetting.values()) {
      String value = values.get(setting);
      trimmed.put(setting, value == null ? "" : value.trim());
    }
    values = Map.copyOf(trimmed);
  }

  /** The form as the realm's attributes hold it now (absent attributes as their defaults). */
  public static PolicyForm of(RealmModel realm) {
    RealmPolicy policy = RealmPolicy.of(realm);
    return new PolicyForm(
        Map.ofEntries(
            Map.entry(PolicySetting.ENABLED, Boolean.toString(policy.enabled())),
            Map.entry(
                PolicySetting.MAX_CLIENTS_PER_USER, Integer.toString(policy.maxClientsPerUser())),
            Map.entry(PolicySetting.REQUIRED_ROLE, policy.requiredRole().orElse("")),
            Map.entry(
                PolicySetting.ACCESS_TOKEN_LIFESPAN,
                Integer.toString(policy.accessTokenLifespan())),
            Map.entry(
                PolicySetting.MAX_SECRET_LIFETIME,
                policy.maxSecretLifetime().stream()
                    .mapToObj(Integer::toString)
                    .findFirst()
                    .orElse("")),
            Map.entry(
                PolicySetting.SECRET_LIFETIME_REQUIRED,
                Boolean.toString(policy.secretLifetimeRequired())),
            Map.entry(
                PolicySetting.MAX_ROTATION_OVERLAP, Integer.toString(policy.maxRotationOverlap())),
            Map.entry(
                PolicySetting.EXPIRY_NOTICE_DAYS, Integer.toString(policy.expiryNoticeDays())),
            Map.entry(PolicySetting.CALLER_CLIENTS, String.join(",", policy.callerClients())),
            Map.entry(PolicySetting.SECRET_PREFIX, policy.secretPrefix()),
            Map.entry(PolicySetting.CLIENT_TYPES, RealmPolicy.clientTypes(policy.clientKinds()))));
  }

  /** What is wrong with the form, in words an admin can act on; empty when it may be saved. */
  public List<String> problems(Predicate<String> roleExists, Predicate<String> clientExists) {
    List<String> problems = new ArrayList<>();
    for (PolicySetting setting : PolicySetting.values()) {
      String value = values.get(setting);
      if (!value.isEmpty()) {
        problem(setting, value, roleExists, clientExists).ifPresent(problems::add);
      }
    }
    return problems;
  }

  /** Writes the fields to the realm's attributes; unchanged ones are left alone. */
  public void applyTo(RealmModel realm) {
    values.forEach(
        (setting, value) -> {
          String current = realm.getAttribute(setting.attribute);
          if (value.isEmpty() && current != null) {
            realm.removeAttribute(setting.attribute);
          } else if (!value.isEmpty() && !value.equals(current)) {
            realm.setAttribute(setting.attribute, value);
          }
        });
  }

  private static Optional<String> problem(
      PolicySetting setting,
      String value,
      Predicate<String> roleExists,
      Predicate<String> clientExists) {
    return switch (setting.values) {
      case SWITCH ->
          value.equals("true") || value.equals("false")
              ? Optional.empty()
              : Optional.of(setting.label + " must be on or off.");
      case WHOLE_NUMBER ->
          setting
              .range()
              .filter(range -> range.parse(value).isEmpty())
              .map(range -> setting.label + " must be " + range.describe() + ".");
      case ROLE ->
          roleExists.test(value)
              ? Optional.empty()
              : Optional.of(setting.label + " '" + value + "' is not a role of this realm.");
      case CLIENT_IDS ->
          RealmPolicy.clientIds(value).stream()
              .filter(clientExists.negate())
              .findFirst()
              .map(
                  unknown ->
                      setting.label + ": '" + unknown + "' is not a client ID of this realm.");
      case SECRET_PREFIX ->
          SecretFormat.isValidPrefix(value)
              ? Optional.empty()
              : Optional.of(setting.label + " must be 2 to 16 of a-z, 0-9, _ and -.");
      case CLIENT_TYPES ->
          RealmPolicy.clientKinds(value).isEmpty()
              ? Optional.of(
                  setting.label
                      + " must name one or more of confidential, public and private_key_jwt,"
                      + " comma-separated.")
              : Optional.empty();
    };
  }
}
