package dev.oauth2clients.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSecretsTest {

  private static final Pattern LOWER_HEX_64 = Pattern.compile("[0-9a-f]{64}");

  @Test
  void twoSecretsDiffer() {
    assertNotEquals(ClientSecrets.newSecret("kcoa_"), ClientSecrets.newSecret("kcoa_"));
  }

  @Test
  void manySecretsAreAllDistinct() {
    Set<String> secrets = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      secrets.add(ClientSecrets.newSecret("kcoa_"));
    }
    assertEquals(1000, secrets.size());
  }

  @Test
  void clientIdIsPrefixedAndCarries128UrlSafeBits() {
    String clientId = ClientSecrets.newClientId();
    assertTrue(clientId.matches("ssc-[A-Za-z0-9_-]{22}"), clientId);
    assertEquals(16, Base64.getUrlDecoder().decode(clientId.substring("ssc-".length())).length);
  }

  @Test
  void twoClientIdsDiffer() {
    assertNotEquals(ClientSecrets.newClientId(), ClientSecrets.newClientId());
  }

  @Test
  void hashIs64LowerCaseHexCharacters() {
    String hash = ClientSecrets.hash(ClientSecrets.newSecret("kcoa_"));
    assertTrue(LOWER_HEX_64.matcher(hash).matches(), hash);
  }

  @Test
  void hashIsDeterministic() {
    String secret = ClientSecrets.newSecret("kcoa_");
    assertEquals(ClientSecrets.hash(secret), ClientSecrets.hash(secret));
  }

  @Test
  void hashOfDifferentSecretsDiffers() {
    assertNotEquals(ClientSecrets.hash("secret-a"), ClientSecrets.hash("secret-b"));
  }

  @Test
  void hashIsSha256OfTheText() {
    // FIPS 180-2 test vector.
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ClientSecrets.hash("abc"));
  }

  @Test
  void hashEncodesTheTextAsUtf8() {
    // SHA-256 of the bytes C3 A9; the ISO-8859-1 byte E9 would give de2e331d…
    assertEquals(
        "4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c",
        ClientSecrets.hash("é"));
  }

  @Test
  void matchesTheSecretItWasHashedFrom() {
    String secret = ClientSecrets.newSecret("kcoa_");
    assertTrue(ClientSecrets.matches(secret, ClientSecrets.hash(secret)));
  }

  @Test
  void aSecretFromBeforeThePrefixedFormatStillMatchesItsHash() {
    // 32 bytes in base64url, 43 characters, no prefix and no checksum: the old shape.
    String before = "Q2xpZW50U2VjcmV0QmVmb3JlVGhlRm9ybWF0LV8tXyE";
    assertTrue(ClientSecrets.matches(before, ClientSecrets.hash(before)));
  }

  @Test
  void doesNotMatchAnotherSecret() {
    String hash = ClientSecrets.hash(ClientSecrets.newSecret("kcoa_"));
    assertFalse(ClientSecrets.matches(ClientSecrets.newSecret("kcoa_"), hash));
  }

  @Test
  void doesNotMatchASecretDifferingInItsLastCharacter() {
    String secret = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    String other = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFH";
    assertFalse(ClientSecrets.matches(other, ClientSecrets.hash(secret)));
  }

  @Test
  void doesNotMatchTheHashItselfUsedAsSecret() {
    String hash = ClientSecrets.hash(ClientSecrets.newSecret("kcoa_"));
    assertFalse(ClientSecrets.matches(hash, hash));
  }

  @Test
  void nullCandidateDoesNotMatch() {
    assertFalse(ClientSecrets.matches(null, ClientSecrets.hash("")));
  }

  @Test
  void nullStoredHashDoesNotMatch() {
    assertFalse(ClientSecrets.matches("secret", null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not-a-hash",
        "zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        // odd length
        "a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        // valid hex, but only half a SHA-256
        "ba7816bf8f01cfea414140de5dae2223",
        // the right hash followed by more bytes
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00",
      })
  void malformedOrWrongLengthStoredHashDoesNotMatch(String storedHash) {
    assertFalse(ClientSecrets.matches("abc", storedHash));
  }
}
