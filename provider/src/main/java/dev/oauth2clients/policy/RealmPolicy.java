package dev.oauth2clients.policy;

import dev.oauth2clients.secret.SecretFormat;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The realm admin's settings for self-service clients, read from realm attributes so that they
 * travel with realm export and import and can be set through the admin REST API. Reading is
 * lenient: a malformed value counts as the default ({@link PolicySetting} says which).
 */
public record RealmPolicy(
    boolean enabled,
    int maxClientsPerUser,
    Optional<String> requiredRole,
    int accessTokenLifespan,
    OptionalInt maxSecretLifetime,
    boolean secretLifetimeRequired,
    int maxRotationOverlap,
    int expiryNoticeDays,
    Set<String> callerClients,
    String secretPrefix,
    Set<ClientKind> clientKinds) {

  /** Ten years: the longest lifetime any secret may be given, in seconds. */
  public static final int LONGEST_SECRET_LIFETIME = 315_360_000;

  private static final Logger LOG = Logger.getLogger(RealmPolicy.class);
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  public static RealmPolicy of(RealmModel realm) {
    return new RealmPolicy(
        isOn(realm, PolicySetting.ENABLED),
        wholeNumber(realm, PolicySetting.MAX_CLIENTS_PER_USER),
        Optional.ofNullable(realm.getAttribute(PolicySetting.REQUIRED_ROLE.attribute))
            .map(String::trim)
            .filter(role -> !role.isEmpty()),
        wholeNumber(realm, PolicySetting.ACCESS_TOKEN_LIFESPAN),
        optionalWholeNumber(realm, PolicySetting.MAX_SECRET_LIFETIME),
        isOn(realm, PolicySetting.SECRET_LIFETIME_REQUIRED),
        wholeNumber(realm, PolicySetting.MAX_ROTATION_OVERLAP),
        wholeNumber(realm, PolicySetting.EXPIRY_NOTICE_DAYS),
        clientIds(realm, PolicySetting.CALLER_CLIENTS),
        secretPrefix(realm, PolicySetting.SECRET_PREFIX),
        clientKinds(realm, PolicySetting.CLIENT_TYPES));
  }

  /**
   * The kinds a comma-separated value names, in {@link ClientKind} order; empty unless every name
   * is one of them and there is at least one.
   */
  public static Set<ClientKind> clientKinds(String value) {
    Set<ClientKind> kinds = EnumSet.noneOf(ClientKind.class);
    for (String name : (value == null ? "" : value).split(",", -1)) {
      Optional<ClientKind> kind = ClientKind.byPolicyName(name.trim());
      if (kind.isEmpty()) {
        return Set.of();
      }
      kinds.add(kind.get());
    }
    return Collections.unmodifiableSet(kinds);
  }

  /** The policy's value for {@code kinds}. */
  public static String clientTypes(Set<ClientKind> kinds) {
    return kinds.stream().map(kind -> kind.policyName).collect(Collectors.joining(","));
  }

  private static Set<ClientKind> clientKinds(RealmModel realm, PolicySetting setting) {
    String value = realm.getAttribute(setting.attribute);
    if (value == null || value.isBlank()) {
      return clientKinds(setting.defaultValue);
    }
    Set<ClientKind> kinds = clientKinds(value);
    if (kinds.isEmpty()) {
      warnOnce(realm, setting, value);
      return clientKinds(setting.defaultValue);
    }
    return kinds;
  }

  /**
   * Why a client of {@code kind} may get no tokens, if the realm no longer allows that kind: its
   * clients stay, as a paused client does, until the kind is allowed again.
   */
  public Optional<String> kindRefusal(ClientKind kind) {
    return clientKinds.contains(kind)
        ? Optional.empty()
        : Optional.of(
            "This realm no longer allows "
                + kind.policyName
                + " clients ("
                + PolicySetting.CLIENT_TYPES.attribute
                + "); an administrator must allow them again before this client gets tokens.");
  }

  /** The client IDs a comma-separated value names; the default's where it names none. */
  public static Set<String> clientIds(String value) {
    Set<String> named = new LinkedHashSet<>();
    for (String clientId : (value == null ? "" : value).split(",")) {
      if (!clientId.isBlank()) {
        named.add(clientId.trim());
      }
    }
    return Collections.unmodifiableSet(named);
  }

  private static Set<String> clientIds(RealmModel realm, PolicySetting setting) {
    Set<String> named = clientIds(realm.getAttribute(setting.attribute));
    return named.isEmpty() ? clientIds(setting.defaultValue) : named;
  }

  /**
   * The access token lifespan that applies to a client: its owner's choice ({@code null}: none),
   * but never more than the realm's, which is also the default.
   */
  public int accessTokenLifespanFor(Integer chosen) {
    return chosen == null ? accessTokenLifespan : Math.min(chosen, accessTokenLifespan);
  }

  /**
   * Why a client of {@code owner} may get no tokens, if it may not: a client acts for its owner, so
   * it may do no more than the owner may.
   */
  public Optional<String> ownerRefusal(RealmModel realm, UserModel owner) {
    if (owner == null || !owner.isEnabled()) {
      return Optional.of("The client's owner is disabled.");
    }
    if (!holdsRequiredRole(realm, owner)) {
      return Optional.of(
          "The client's owner lacks the realm role '"
              + requiredRole.get()
              + "' that self-service clients require.");
    }
    return Optional.empty();
  }

  /** Whether {@code user} holds the realm's required role (true where the realm names none). */
  public boolean holdsRequiredRole(RealmModel realm, UserModel user) {
    if (requiredRole.isEmpty()) {
      return true;
    }
    RoleModel role = realm.getRole(requiredRole.get());
    return role != null && user.hasRole(role);
  }

  /** The lifetime a new secret gets when its owner names none: the maximum, if there is one. */
  public OptionalInt defaultSecretLifetime() {
    return maxSecretLifetime;
  }

  /** The longest lifetime an owner may ask for. */
  public int secretLifetimeCap() {
    return maxSecretLifetime.orElse(LONGEST_SECRET_LIFETIME);
  }

  private static String secretPrefix(RealmModel realm, PolicySetting setting) {
    String value = realm.getAttribute(setting.attribute);
    if (value == null || value.isBlank()) {
      return setting.defaultValue;
    }
    if (SecretFormat.isValidPrefix(value.trim())) {
      return value.trim();
    }
    warnOnce(realm, setting, value);
    return setting.defaultValue;
  }

  private static boolean isOn(RealmModel realm, PolicySetting setting) {
    String value = realm.getAttribute(setting.attribute);
    if (value == null || value.isBlank()) {
      return Boolean.parseBoolean(setting.defaultValue);
    }
    if (value.trim().equalsIgnoreCase("true") || value.trim().equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value.trim());
    }
    warnOnce(realm, setting, value);
    return Boolean.parseBoolean(setting.defaultValue);
  }

  private static int wholeNumber(RealmModel realm, PolicySetting setting) {
    return optionalWholeNumber(realm, setting)
        .orElseGet(() -> Integer.parseInt(setting.defaultValue));
  }

  /** The setting's number; empty where it is unset (or malformed) and its default is empty. */
  private static OptionalInt optionalWholeNumber(RealmModel realm, PolicySetting setting) {
    String value = realm.getAttribute(setting.attribute);
    OptionalInt fallback =
        setting.defaultValue.isEmpty()
            ? OptionalInt.empty()
            : OptionalInt.of(Integer.parseInt(setting.defaultValue));
    if (value == null || value.isBlank()) {
      return fallback;
    }
    OptionalInt parsed = setting.range().orElseThrow().parse(value);
    if (parsed.isEmpty()) {
      warnOnce(realm, setting, value);
      return fallback;
    }
    return parsed;
  }

  // Policy is read on every request; one line per bad value keeps the log readable.
  private static void warnOnce(RealmModel realm, PolicySetting setting, String value) {
    if (WARNED.add(realm.getId() + '\n' + setting.attribute + '\n' + value)) {
      LOG.warnf(
          "Realm '%s': attribute %s has the malformed value '%s'; using the default %s",
          realm.getName(), setting.attribute, value, setting.defaultValue);
    }
  }
}
