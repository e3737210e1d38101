package dev.oauth2clients.secret;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets and client ids of self-service clients. A secret carries 256 random bits, so an unsalted
 * SHA-256 is already beyond brute force; a slow hash would only slow down the token endpoint. The
 * hash is of the whole secret whatever its shape, so secrets issued before {@link SecretFormat} (43
 * base64url characters) keep matching their stored hash until they are rotated.
 */
public final class ClientSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();
  private static final String CLIENT_ID_PREFIX = "ssc-";

  private ClientSecrets() {}

  /**
   * A secret in {@link SecretFormat}: the prefix, 43 random base62 characters (256 bits), and their
   * checksum. Each character is drawn uniformly ({@link SecureRandom#nextInt(int)} rejects the
   * values that would favour some digits), so every one carries the full log2(62) bits.
   */
  public static String newSecret(String prefix) {
    StringBuilder secret = new StringBuilder(prefix);
    for (int i = 0; i < SecretFormat.BODY_LENGTH; i++) {
      secret.append(SecretFormat.BASE62.charAt(RANDOM.nextInt(SecretFormat.BASE62.length())));
    }
    return secret.append(SecretFormat.checksum(secret.toString())).toString();
  }

  /**
   * 128 random bits: unguessable, URL-safe, and recognisable by its prefix in the admin console.
   */
  public static String newClientId() {
    return CLIENT_ID_PREFIX + randomUrlSafe(16);
  }

  /** Lower-case hex SHA-256 of the secret's UTF-8 bytes: the only form that is stored. */
  public static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  /** Compares in time independent of where the two differ. */
  public static boolean matches(String candidate, String storedHash) {
    if (candidate == null || storedHash == null) {
      return false;
    }
    byte[] expected;
    try {
      expected = HexFormat.of().parseHex(storedHash);
    } catch (IllegalArgumentException malformed) {
      return false;
    }
    return MessageDigest.isEqual(sha256(candidate), expected);
  }

  private static String randomUrlSafe(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return URL_SAFE.encodeToString(random);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java runtime has SHA-256", impossible);
    }
  }
}
