package dev.oauth2clients.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A key pair as a key-holding client ({@code private_key_jwt}) keeps it: the public half as a JWK
 * for the server, the private half to sign client assertions (RFC 7523) with the JDK alone, as any
 * OAuth library would.
 */
public final class ClientKey {

  private final KeyPair pair;
  private final String kid;
  private final String algorithm;

  private ClientKey(KeyPair pair, String kid, String algorithm) {
    this.pair = pair;
    this.kid = kid;
    this.algorithm = algorithm;
  }

  /** An RSA 2048 key that signs RS256. */
  public static ClientKey rsa(String kid) {
    return new ClientKey(generate("RSA", null), kid, "RS256");
  }

  /** An EC P-256 key that signs ES256. */
  public static ClientKey ec(String kid) {
    return new ClientKey(generate("EC", "secp256r1"), kid, "ES256");
  }

  /** The public JWK, with {@code kid}. */
  public ObjectNode publicJwk() {
    ObjectNode jwk = Json.object().put("kid", kid).put("use", "sig").put("alg", algorithm);
    if (pair.getPublic() instanceof RSAPublicKey rsa) {
      jwk.put("kty", "RSA")
          .put("n", unsigned(rsa.getModulus()))
          .put("e", unsigned(rsa.getPublicExponent()));
    } else {
      ECPublicKey ec = (ECPublicKey) pair.getPublic();
      jwk.put("kty", "EC").put("crv", "P-256");
      jwk.put("x", unsigned(ec.getW().getAffineX(), 32))
          .put("y", unsigned(ec.getW().getAffineY(), 32));
    }
    return jwk;
  }

  /**
   * The private half as a client library imports it (PKCS #8, base64), with the {@code kid} and
   * {@code alg} it signs under.
   */
  public ObjectNode privateKeyInput() {
    return Json.object()
        .put("privateKeyPkcs8", Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))
        .put("kid", kid)
        .put("alg", algorithm);
  }

  /** A JWK set holding only this key's public half. */
  public ObjectNode jwks() {
    ObjectNode set = Json.object();
    set.putArray("keys").add(publicJwk());
    return set;
  }

  /** A fresh assertion ({@code jti} of its own) for {@code clientId} at the realm's issuer. */
  public String assertion(String clientId, String issuer) {
    long now = Instant.now().getEpochSecond();
    ObjectNode header = Json.object().put("alg", algorithm).put("typ", "JWT").put("kid", kid);
    ObjectNode claims =
        Json.object()
            .put("iss", clientId)
            .put("sub", clientId)
            .put("aud", issuer)
            .put("jti", UUID.randomUUID().toString())
            .put("iat", now)
            .put("exp", now + 60);
    String signingInput = base64(Json.write(header)) + "." + base64(Json.write(claims));
    return signingInput + "." + base64(sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The form of a client_credentials grant authenticated by {@code assertion}. */
  public static Map<String, String> clientCredentialsForm(String clientId, String assertion) {
    return Map.of(
        "grant_type",
        "client_credentials",
        "client_id",
        clientId,
        "client_assertion_type",
        "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion",
        assertion);
  }

  /** The form of a refresh_token grant authenticated by {@code assertion}. */
  public static Map<String, String> refreshForm(
      String clientId, String assertion, String refreshToken) {
    return Map.of(
        "grant_type", "refresh_token",
        "client_id", clientId,
        "refresh_token", refreshToken,
        "client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        "client_assertion", assertion);
  }

  private byte[] sign(byte[] input) {
    try {
      // JWS wants ECDSA's r and s side by side (IEEE P1363), not in DER.
      Signature signature =
          Signature.getInstance(
              algorithm.equals("RS256") ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
      signature.initSign(pair.getPrivate());
      signature.update(input);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair generate(String algorithm, String curve) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
      if (curve == null) {
        generator.initialize(2048);
      } else {
        generator.initialize(new ECGenParameterSpec(curve));
      }
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    return base64(Arrays.copyOfRange(bytes, skip, bytes.length));
  }

  /** Coordinates of a curve point are fixed-length in a JWK (RFC 7518, 6.2.1.2). */
  private static String unsigned(BigInteger value, int length) {
    byte[] bytes = value.toByteArray();
    byte[] fixed = new byte[length];
    int copy = Math.min(bytes.length, length);
    System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
    return base64(fixed);
  }

  private static String base64(String text) {
    return base64(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String base64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
