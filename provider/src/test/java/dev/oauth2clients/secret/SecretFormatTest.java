package dev.oauth2clients.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretFormatTest {

  /** The README's worked example; its checksum was computed with Python's zlib.crc32. */
  static final String EXAMPLE = "kcoa_S6AanRyRZpRIDwGvR2CRFSAdegfqO79JLtwZ1KJJeMO3mbIpv";

  private static final String EXAMPLE_BODY = "S6AanRyRZpRIDwGvR2CRFSAdegfqO79JLtwZ1KJJeMO";

  @Test
  void theChecksumIsTheIeeeCrc32InBase62DigitsOfValueOrder() {
    // The CRC-32 check value of "123456789" (0xCBF43926 = 3421780262): 3·62^5 + 45·62^4 + …
    assertEquals("3jZRME", SecretFormat.checksum("123456789"));
  }

  @Test
  void aSmallChecksumIsLeftPaddedWithZeros() {
    // CRC32("kcoa_225") = 5204182, below 62^4: two leading zeros.
    assertEquals("00LpqQ", SecretFormat.checksum("kcoa_225"));
  }

  @Test
  void theDocumentedExampleIsWellFormed() {
    assertEquals("3mbIpv", SecretFormat.checksum("kcoa_" + EXAMPLE_BODY));
    assertTrue(SecretFormat.isWellFormed(EXAMPLE, "kcoa_"));
  }

  @Test
  void newSecretsAreThePrefixFortyThreeBase62CharactersAndTheirChecksum() {
    for (String prefix : new String[] {"kcoa_", "acme-prod-", "x9"}) {
      String secret = ClientSecrets.newSecret(prefix);
      assertTrue(secret.matches(prefix + "[0-9A-Za-z]{49}"), secret);
      assertTrue(SecretFormat.isWellFormed(secret, prefix), secret);
    }
  }

  @Test
  void everyBase62DigitIsEquallyLikelyInTheBody() {
    // 2000 bodies are 86 000 draws, 1387 per digit expected with a standard deviation of 37. The
    // classic bias of taking a random byte modulo 62 gives digits 0 to 7 about 1680 each.
    Map<Character, Integer> counts = new HashMap<>();
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      String secret = ClientSecrets.newSecret("kcoa_");
      secrets.add(secret);
      for (char c : secret.substring(5, 5 + SecretFormat.BODY_LENGTH).toCharArray()) {
        counts.merge(c, 1, Integer::sum);
      }
    }
    assertEquals(2000, secrets.size());
    assertEquals(62, counts.size(), counts::toString);
    counts.forEach(
        (digit, count) -> assertTrue(count > 1165 && count < 1609, digit + ": " + count));
  }

  @Test
  void aChangedCharacterAnywhereIsCaught() {
    String secret = ClientSecrets.newSecret("kcoa_");
    for (int i = "kcoa_".length(); i < secret.length(); i++) {
      char other = secret.charAt(i) == 'a' ? 'b' : 'a';
      String changed = secret.substring(0, i) + other + secret.substring(i + 1);
      assertFalse(SecretFormat.isWellFormed(changed, "kcoa_"), changed);
    }
  }

  @Test
  void theBodyIsFortyThreeBase62CharactersOrMore() {
    String body42 = EXAMPLE_BODY.substring(1);
    String body44 = EXAMPLE_BODY + "Z";
    assertFalse(SecretFormat.isWellFormed(withChecksum("kcoa_" + body42), "kcoa_"));
    assertTrue(SecretFormat.isWellFormed(withChecksum("kcoa_" + EXAMPLE_BODY), "kcoa_"));
    assertTrue(SecretFormat.isWellFormed(withChecksum("kcoa_" + body44), "kcoa_"));
    String underscore = EXAMPLE_BODY.substring(1) + "_";
    assertFalse(SecretFormat.isWellFormed(withChecksum("kcoa_" + underscore), "kcoa_"));
  }

  @Test
  void aSecretIsWellFormedOnlyWithItsOwnPrefix() {
    assertFalse(SecretFormat.isWellFormed(EXAMPLE, "acme_"));
    assertFalse(SecretFormat.isWellFormed(EXAMPLE.substring(1), "coa_"));
    assertFalse(SecretFormat.isWellFormed(null, "kcoa_"));
  }

  @Test
  void secretsFromBeforeTheFormatAreNotWellFormed() {
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    String before = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    assertFalse(SecretFormat.isWellFormed(before, "kcoa_"), before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kcoa_", "ab", "a-", "0123456789abcdef", "my_org-prod_", "__"})
  void acceptsPrefixesOfTwoToSixteenLowerCaseLettersDigitsUnderscoresAndHyphens(String prefix) {
    assertTrue(SecretFormat.isValidPrefix(prefix), prefix);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {"a", "0123456789abcdefg", "Kcoa_", "kc.oa", "kc oa", "kcoa_ ", "kçoa_", "kc/oa"})
  void refusesOtherPrefixes(String prefix) {
    assertFalse(SecretFormat.isValidPrefix(prefix), String.valueOf(prefix));
  }

  private static String withChecksum(String prefixAndBody) {
    return prefixAndBody + SecretFormat.checksum(prefixAndBody);
  }
}
