package dev.oauth2clients.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a key-holding client's {@code jwks} must be: a JWK set (RFC 7517) of public signing keys
 * that Keycloak can check a client assertion with, and nothing secret. The key is taken apart with
 * the JDK's own key factories, so that what passes here is a key Keycloak can load too.
 */
final class JwkSetRules {

  static final int MIN_RSA_BITS = 2048;

  /**
   * Keycloak checks the signature of every assertion that names the client, whoever sends it, so
   * the key bounds that work: an RSA check costs as much as the modulus and exponent are long, and
   * a public exponent of thousands of bits would make each check cost what a private-key operation
   * does. 8192 bits and a 32-bit exponent hold every key a library makes (e is 65537).
   */
  static final int MAX_RSA_BITS = 8192;

  static final int MAX_RSA_EXPONENT_BITS = 32;

  /** Members that only a private or symmetric key has (RFC 7518, 6.2.2, 6.3.2, 6.4.1). */
  private static final Set<String> PRIVATE_MEMBERS =
      Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  /** The JDK's name of each curve the contract allows, by its JWK name, and its algorithm. */
  private static final Map<String, String> CURVES =
      Map.of("P-256", "secp256r1", "P-384", "secp384r1");

  private static final Map<String, Set<String>> ALGORITHMS =
      Map.of(
          "RSA", Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512"),
          "P-256", Set.of("ES256"),
          "P-384", Set.of("ES384"));

  private JwkSetRules() {}

  /** What is wrong with {@code set}, if anything, as the end of a sentence about the field. */
  static Optional<String> problem(JsonNode set) {
    JsonNode keys = set.get("keys");
    if (!set.isObject() || keys == null || !keys.isArray() || keys.isEmpty()) {
      return Optional.of(
          "must be a JWK set: an object whose \"keys\" array holds at least one key");
    }
    Set<String> kids = new HashSet<>();
    for (JsonNode key : keys) {
      Optional<String> problem = keyProblem(key);
      if (problem.isPresent()) {
        return problem;
      }
      if (!kids.add(key.get("kid").textValue())) {
        return Optional.of("holds two keys with the kid '" + key.get("kid").textValue() + "'");
      }
    }
    return Optional.empty();
  }

  private static Optional<String> keyProblem(JsonNode key) {
    if (!key.isObject()) {
      return Optional.of("must hold keys that are JSON objects");
    }
    for (String member : PRIVATE_MEMBERS) {
      if (key.has(member)) {
        return Optional.of(
            "must hold public keys only: a key has the private or symmetric member \""
                + member
                + "\"; keep the private key with your application and send its public part");
      }
    }
    JsonNode kid = key.get("kid");
    if (kid == null || !kid.isTextual() || kid.textValue().isEmpty()) {
      return Optional.of(
          "needs a \"kid\" (a non-empty string) on every key, which assertions name");
    }
    String kidText = kid.textValue();
    JsonNode use = key.get("use");
    if (use != null && !"sig".equals(use.textValue())) {
      return Optional.of("key '" + kidText + "': \"use\" must be \"sig\" where it is given");
    }
    String kty = key.path("kty").asText("");
    Optional<String> problem =
        switch (kty) {
          case "RSA" -> rsaProblem(key);
          case "EC" -> ecProblem(key);
          default -> Optional.of("\"kty\" must be RSA or EC");
        };
    if (problem.isEmpty()) {
      problem = algorithmProblem(key, kty.equals("RSA") ? "RSA" : key.get("crv").textValue());
    }
    return problem.map(p -> "key '" + kidText + "': " + p);
  }

  private static Optional<String> algorithmProblem(JsonNode key, String family) {
    JsonNode alg = key.get("alg");
    Set<String> allowed = ALGORITHMS.get(family);
    if (alg == null || allowed.contains(alg.asText())) {
      return Optional.empty();
    }
    return Optional.of(
        "\"alg\" must be one of " + String.join(", ", allowed.stream().sorted().toList()));
  }

  private static Optional<String> rsaProblem(JsonNode key) {
    Optional<BigInteger> modulus = unsigned(key, "n");
    Optional<BigInteger> exponent = unsigned(key, "e");
    if (modulus.isEmpty() || exponent.isEmpty()) {
      return Optional.of("an RSA key needs \"n\" and \"e\" in base64url");
    }
    int bits = modulus.get().bitLength();
    if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
      return Optional.of(
          "an RSA key must have "
              + MIN_RSA_BITS
              + " to "
              + MAX_RSA_BITS
              + " bits; this one has "
              + bits);
    }
    BigInteger publicExponent = exponent.get();
    if (publicExponent.bitLength() > MAX_RSA_EXPONENT_BITS
        || !publicExponent.testBit(0)
        || publicExponent.compareTo(BigInteger.TWO) <= 0) {
      return Optional.of(
          "an RSA key's public exponent \"e\" must be odd, from 3 to 32 bits (usually AQAB,"
              + " 65537)");
    }
    try {
      KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(modulus.get(), publicExponent));
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      return Optional.of("is not a valid RSA public key");
    }
  }

  private static Optional<String> ecProblem(JsonNode key) {
    String curve = CURVES.get(key.path("crv").asText(""));
    if (curve == null) {
      return Optional.of("an EC key's \"crv\" must be P-256 or P-384");
    }
    Optional<BigInteger> x = unsigned(key, "x");
    Optional<BigInteger> y = unsigned(key, "y");
    if (x.isEmpty() || y.isEmpty()) {
      return Optional.of("an EC key needs \"x\" and \"y\" in base64url");
    }
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec(curve));
      ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
      ECPoint point = new ECPoint(x.get(), y.get());
      if (!onCurve(point, spec)) {
        return Optional.of("is not a point on " + key.get("crv").textValue());
      }
      KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      return Optional.of("is not a valid EC public key");
    }
  }

  /** y² = x³ + ax + b over the curve's prime field: a point off it is no public key. */
  private static boolean onCurve(ECPoint point, ECParameterSpec spec) {
    BigInteger p = ((java.security.spec.ECFieldFp) spec.getCurve().getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger left = y.modPow(BigInteger.TWO, p);
    BigInteger right =
        x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
    return left.equals(right);
  }

  private static Optional<BigInteger> unsigned(JsonNode key, String member) {
    JsonNode value = key.get(member);
    if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigInteger(1, Base64.getUrlDecoder().decode(value.textValue())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
