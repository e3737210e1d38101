package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.Json;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwkSetRulesTest {

  static String rsaSet(int bits, String kid) {
    return set(rsaKey(bits, kid)).toString();
  }

  /** A JWK set of one RSA key whose serialized form is exactly {@code bytes} long. */
  static ObjectNode paddedTo(int bytes) {
    ObjectNode key = rsaKey(2048, "k");
    ObjectNode set = set(key);
    key.put("kid", "k" + "a".repeat(bytes - Json.utf8Length(set)));
    assertEquals(bytes, Json.utf8Length(set));
    return set;
  }

  private static ObjectNode set(ObjectNode... keys) {
    ObjectNode set = Json.MAPPER.createObjectNode();
    ArrayNode array = set.putArray("keys");
    for (ObjectNode key : keys) {
      array.add(key);
    }
    return set;
  }

  private static ObjectNode rsaKey(int bits, String kid) {
    RSAPublicKey key = (RSAPublicKey) pair("RSA", bits, null).getPublic();
    ObjectNode jwk = Json.MAPPER.createObjectNode().put("kty", "RSA").put("kid", kid);
    jwk.put("n", base64(key.getModulus())).put("e", base64(key.getPublicExponent()));
    return jwk;
  }

  private static ObjectNode ecKey(String crv, String jdkName) {
    ECPublicKey key = (ECPublicKey) pair("EC", 0, jdkName).getPublic();
    ObjectNode jwk =
        Json.MAPPER.createObjectNode().put("kty", "EC").put("kid", crv).put("crv", crv);
    jwk.put("x", base64(key.getW().getAffineX())).put("y", base64(key.getW().getAffineY()));
    return jwk;
  }

  private static java.security.KeyPair pair(String algorithm, int bits, String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (curve == null) {
        generator.initialize(bits);
      } else {
        generator.initialize(new ECGenParameterSpec(curve));
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    byte[] unsigned = java.util.Arrays.copyOfRange(bytes, skip, bytes.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
  }

  private static Optional<String> problem(ObjectNode... keys) {
    return JwkSetRules.problem(set(keys));
  }

  @Test
  void publicRsaAndEcSigningKeysPass() {
    assertEquals(Optional.empty(), problem(rsaKey(2048, "a"), rsaKey(3072, "b")));
    assertEquals(Optional.empty(), problem(ecKey("P-256", "secp256r1").put("alg", "ES256")));
    assertEquals(Optional.empty(), problem(ecKey("P-384", "secp384r1").put("use", "sig")));
    assertEquals(Optional.empty(), problem(rsaKey(2048, "a").put("alg", "PS256")));
  }

  @Test
  void anRsaKeyOfFewerThan2048BitsIsRefused() {
    Optional<String> problem = problem(rsaKey(1024, "small"));
    assertEquals(
        Optional.of("key 'small': an RSA key must have 2048 to 8192 bits; this one has 1024"),
        problem);
  }

  /** A key whose every check would cost what a private-key operation costs is no key to keep. */
  @Test
  void anRsaKeyThatIsCostlyToCheckIsRefused() {
    ObjectNode longModulus = rsaKey(2048, "long");
    longModulus.put("n", base64(BigInteger.ONE.shiftLeft(8192).add(BigInteger.ONE)));
    assertEquals(
        Optional.of("key 'long': an RSA key must have 2048 to 8192 bits; this one has 8193"),
        problem(longModulus));
    String exponentProblem =
        "key 'e': an RSA key's public exponent \"e\" must be odd, from 3 to 32 bits (usually"
            + " AQAB, 65537)";
    BigInteger[] refused = {
      BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE), BigInteger.valueOf(65536), BigInteger.ONE
    };
    for (BigInteger e : refused) {
      assertEquals(
          Optional.of(exponentProblem),
          problem(rsaKey(2048, "e").put("e", base64(e))),
          e::toString);
    }
    BigInteger largest = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);
    assertEquals(Optional.empty(), problem(rsaKey(2048, "e").put("e", base64(largest))));
  }

  @Test
  void anotherCurveIsRefused() {
    assertEquals(
        Optional.of("key 'P-521': an EC key's \"crv\" must be P-256 or P-384"),
        problem(ecKey("P-521", "secp521r1")));
  }

  @Test
  void aPointOffTheCurveIsRefused() {
    ObjectNode key = ecKey("P-256", "secp256r1");
    key.put("y", base64(BigInteger.ONE));
    assertEquals(Optional.of("key 'P-256': is not a point on P-256"), problem(key));
  }

  @ParameterizedTest
  @ValueSource(strings = {"d", "p", "q", "dp", "dq", "qi", "k"})
  void aPrivateOrSymmetricMemberIsRefused(String member) {
    ObjectNode key = rsaKey(2048, "leaky").put(member, "AQAB");
    Optional<String> problem = problem(key);
    assertTrue(problem.orElseThrow().contains("\"" + member + "\""), problem::get);
    assertTrue(problem.get().startsWith("must hold public keys only"), problem::get);
  }

  @Test
  void aWholePrivateRsaJwkIsRefused() {
    RSAPrivateCrtKey key = (RSAPrivateCrtKey) pair("RSA", 2048, null).getPrivate();
    ObjectNode jwk = Json.MAPPER.createObjectNode().put("kty", "RSA").put("kid", "private");
    jwk.put("n", base64(key.getModulus())).put("e", base64(key.getPublicExponent()));
    jwk.put("d", base64(key.getPrivateExponent())).put("p", base64(key.getPrimeP()));
    assertTrue(problem(jwk).orElseThrow().startsWith("must hold public keys only"));
  }

  @Test
  void otherKindsUsesAndAlgorithmsAreRefused() {
    assertEquals(
        Optional.of("key 'x': \"kty\" must be RSA or EC"),
        problem(Json.MAPPER.createObjectNode().put("kty", "OKP").put("kid", "x")));
    assertEquals(
        Optional.of("key 'a': \"use\" must be \"sig\" where it is given"),
        problem(rsaKey(2048, "a").put("use", "enc")));
    assertEquals(
        Optional.of("key 'a': \"alg\" must be one of PS256, PS384, PS512, RS256, RS384, RS512"),
        problem(rsaKey(2048, "a").put("alg", "ES256")));
    assertEquals(
        Optional.of("key 'P-256': \"alg\" must be one of ES256"),
        problem(ecKey("P-256", "secp256r1").put("alg", "ES384")));
  }

  @Test
  void everyKeyNeedsAKidOfItsOwn() {
    ObjectNode noKid = rsaKey(2048, "a");
    noKid.remove("kid");
    assertTrue(problem(noKid).orElseThrow().startsWith("needs a \"kid\""));
    assertEquals(
        Optional.of("holds two keys with the kid 'same'"),
        problem(rsaKey(2048, "same"), rsaKey(2048, "same")));
  }

  @Test
  void brokenNumbersAreRefused() {
    assertEquals(
        Optional.of("key 'a': an RSA key needs \"n\" and \"e\" in base64url"),
        problem(rsaKey(2048, "a").put("n", "not base64!")));
  }
}
