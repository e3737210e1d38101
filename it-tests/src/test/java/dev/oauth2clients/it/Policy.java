package dev.oauth2clients.it;

import dev.oauth2clients.policy.PolicySetting;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A realm policy for a test realm, its attributes named through the provider's own {@link
 * PolicySetting}, so that a renamed attribute cannot leave the tests testing another name.
 */
public final class Policy {

  private final Map<String, String> attributes = new LinkedHashMap<>();

  private Policy() {}

  /** The feature on, everything else the realm's default. */
  public static Policy enabled() {
    return new Policy().with(PolicySetting.ENABLED, true);
  }

  /** One setting alone, as an admin changes it in an existing realm. */
  public static Map<String, String> only(PolicySetting setting, Object value) {
    return new Policy().with(setting, value).attributes();
  }

  public Policy with(PolicySetting setting, Object value) {
    attributes.put(setting.attribute, String.valueOf(value));
    return this;
  }

  public Map<String, String> attributes() {
    return Map.copyOf(attributes);
  }
}
