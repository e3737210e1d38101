package dev.oauth2clients.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.secret.StoredSecrets;
import java.util.Set;

/**
 * What an owner may ask of a new secret: its lifetime ({@code secret_expires_in}) on create and
 * rotate, and on rotate how long the old one keeps working ({@code previous_secret_expires_in}),
 * each within the realm's policy. Times are seconds.
 */
public final class SecretRequests {

  public static final String SECRET_EXPIRES_IN = "secret_expires_in";
  static final String PREVIOUS_SECRET_EXPIRES_IN = "previous_secret_expires_in";
  private static final Set<String> ROTATION_FIELDS =
      Set.of(SECRET_EXPIRES_IN, PREVIOUS_SECRET_EXPIRES_IN);

  /** A rotation's terms: the new secret's lifetime and the old one's overlap (0: none). */
  public record Rotation(long lifetime, long overlap) {}

  private SecretRequests() {}

  /**
   * Takes {@code secret_expires_in} out of a create body, so that what remains is the client
   * object, and returns the first secret's lifetime.
   */
  public static long lifetimeOnCreate(ObjectNode body, RealmPolicy policy, ClientKind kind) {
    JsonNode sent = body.remove(SECRET_EXPIRES_IN);
    if (kind.hasSecret()) {
      return lifetime(sent, policy);
    }
    if (sent != null && !sent.isNull()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          noSecret(kind, SECRET_EXPIRES_IN + " applies"));
    }
    return StoredSecrets.NEVER;
  }

  /** A client without a secret has none to rotate. */
  public static void requireSecret(ClientKind kind) {
    if (!kind.hasSecret()) {
      throw ApiError.INVALID_REQUEST.because(noSecret(kind, "there is nothing to rotate"));
    }
  }

  private static String noSecret(ClientKind kind, String consequence) {
    return "A client with token_endpoint_auth_method "
        + kind.authMethod
        + " has no secret, so "
        + consequence
        + (kind == ClientKind.PRIVATE_KEY_JWT
            ? " to it; replace its keys with PUT or PATCH (jwks or jwks_uri)."
            : " to it.");
  }

  public static Rotation rotation(ObjectNode body, RealmPolicy policy) {
    BodyFields.allowOnly(
        body,
        ROTATION_FIELDS,
        ApiError.INVALID_CLIENT_METADATA,
        "a rotation takes only " + SECRET_EXPIRES_IN + " and " + PREVIOUS_SECRET_EXPIRES_IN);
    return new Rotation(
        lifetime(body.get(SECRET_EXPIRES_IN), policy),
        overlap(body.get(PREVIOUS_SECRET_EXPIRES_IN), policy));
  }

  private static long lifetime(JsonNode sent, RealmPolicy policy) {
    if (sent == null || sent.isNull()) {
      if (policy.defaultSecretLifetime().isPresent()) {
        return policy.defaultSecretLifetime().getAsInt();
      }
      if (policy.secretLifetimeRequired()) {
        throw ApiError.INVALID_CLIENT_METADATA.because(
            "This realm requires secrets to expire: send "
                + SECRET_EXPIRES_IN
                + " in seconds, from 1 to "
                + policy.secretLifetimeCap()
                + ".");
      }
      return StoredSecrets.NEVER;
    }
    String maximum = policy.maxSecretLifetime().isPresent() ? "this realm's maximum" : "the limit";
    return seconds(sent, SECRET_EXPIRES_IN, 1, policy.secretLifetimeCap(), maximum);
  }

  private static long overlap(JsonNode sent, RealmPolicy policy) {
    if (sent == null || sent.isNull()) {
      return 0;
    }
    return seconds(
        sent,
        PREVIOUS_SECRET_EXPIRES_IN,
        0,
        policy.maxRotationOverlap(),
        "this realm's maximum rotation overlap");
  }

  /** A whole number of seconds from {@code min} to {@code max}, which is {@code maximum}. */
  private static long seconds(JsonNode sent, String name, long min, long max, String maximum) {
    if (!sent.isIntegralNumber() || !sent.canConvertToLong() || sent.longValue() < min) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          name + " must be a whole number of seconds from " + min + " to " + max + ".");
    }
    if (sent.longValue() > max) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          name + " is beyond " + maximum + " of " + max + " seconds.");
    }
    return sent.longValue();
  }
}
