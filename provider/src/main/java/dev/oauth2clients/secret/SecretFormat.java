package dev.oauth2clients.secret;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * The shape of a secret, {@code <prefix><body><checksum>}, so that a secret scanner can tell one
 * from noise without asking the server: the realm's prefix, a body of random base62 characters, and
 * the CRC32 of prefix and body as 6 base62 characters. The README's "Secret format" describes the
 * same in words, for scanner authors; {@code docs/gitleaks.toml} is its rule.
 */
public final class SecretFormat {

  /** Base62 digits in the order of their values: {@code '0'} is 0, {@code 'z'} is 61. */
  public static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  /**
   * 43 base62 characters carry 43 × log2(62) ≈ 256.03 random bits, the fewest that reach the 256
   * bits the contract asks for (42 would carry 250.1).
   */
  public static final int BODY_LENGTH = 43;

  /** 62^6 ≈ 5.7 × 10^10 exceeds 2^32, so 6 digits hold every CRC32 value; 5 would not. */
  public static final int CHECKSUM_LENGTH = 6;

  public static final String DEFAULT_PREFIX = "kcoa_";

  /**
   * A realm's prefix, as the contract allows: lower-case letters, digits, {@code _} and {@code -},
   * which URLs, shells and configuration files carry unquoted. At least 2, so that a scanner has
   * something to anchor on; at most 16, so that a secret stays a short line.
   */
  private static final Pattern PREFIX = Pattern.compile("[a-z0-9_-]{2,16}");

  private static final Pattern BASE62_TAIL =
      Pattern.compile("[0-9A-Za-z]{" + (BODY_LENGTH + CHECKSUM_LENGTH) + ",}");

  private SecretFormat() {}

  /** Whether {@code prefix} may begin a realm's secrets. */
  public static boolean isValidPrefix(String prefix) {
    return prefix != null && PREFIX.matcher(prefix).matches();
  }

  /**
   * The CRC32 (IEEE 802.3, the one of zlib and {@link CRC32}) of the text's UTF-8 bytes, in base62,
   * most significant digit first, left-padded with {@code '0'} to 6 characters.
   */
  public static String checksum(String prefixAndBody) {
    CRC32 crc = new CRC32();
    crc.update(prefixAndBody.getBytes(StandardCharsets.UTF_8));
    long value = crc.getValue();
    char[] digits = new char[CHECKSUM_LENGTH];
    for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
      digits[i] = BASE62.charAt((int) (value % 62));
      value /= 62;
    }
    return new String(digits);
  }

  /**
   * Whether {@code candidate} is a secret of this format with the given prefix and a checksum that
   * fits: what a scanner checks, and all that can be checked without the hash. Secrets issued
   * before this format (43 base64url characters) are not: they are recognised only by their hash.
   */
  public static boolean isWellFormed(String candidate, String prefix) {
    if (candidate == null || !candidate.startsWith(prefix)) {
      return false;
    }
    String tail = candidate.substring(prefix.length());
    if (!BASE62_TAIL.matcher(tail).matches()) {
      return false;
    }
    int split = candidate.length() - CHECKSUM_LENGTH;
    return checksum(candidate.substring(0, split)).equals(candidate.substring(split));
  }
}
