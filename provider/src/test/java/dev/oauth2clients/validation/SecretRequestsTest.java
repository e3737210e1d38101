package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.policy.RealmPolicy;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.Json;
import dev.oauth2clients.secret.StoredSecrets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecretRequestsTest {

  private static RealmPolicy policy(OptionalInt maxLifetime, boolean required) {
    return new RealmPolicy(
        true,
        25,
        Optional.empty(),
        3600,
        maxLifetime,
        required,
        600,
        7,
        Set.of("account-console"),
        "kcoa_",
        Set.of(ClientKind.CONFIDENTIAL));
  }

  private static final RealmPolicy OPEN = policy(OptionalInt.empty(), false);

  private static ObjectNode body(String field, long seconds) {
    return Json.MAPPER.createObjectNode().put(field, seconds);
  }

  @Test
  void withoutALifetimeASecretNeverExpiresUnlessTheRealmSaysOtherwise() {
    assertEquals(
        StoredSecrets.NEVER,
        SecretRequests.lifetimeOnCreate(
            Json.MAPPER.createObjectNode(), OPEN, ClientKind.CONFIDENTIAL));
    assertEquals(
        900,
        SecretRequests.lifetimeOnCreate(
            Json.MAPPER.createObjectNode(),
            policy(OptionalInt.of(900), false),
            ClientKind.CONFIDENTIAL));
    assertThrows(
        ApiException.class,
        () ->
            SecretRequests.lifetimeOnCreate(
                Json.MAPPER.createObjectNode(),
                policy(OptionalInt.empty(), true),
                ClientKind.CONFIDENTIAL));
  }

  @Test
  void theLifetimeIsTakenOutOfTheCreateBody() {
    ObjectNode body = body("secret_expires_in", 60).put("client_name", "x");
    assertEquals(60, SecretRequests.lifetimeOnCreate(body, OPEN, ClientKind.CONFIDENTIAL));
    assertFalse(body.has("secret_expires_in"), "what remains is the client object");
  }

  @Test
  void lifetimesAreCheckedAtTheirLimits() {
    RealmPolicy capped = policy(OptionalInt.of(900), false);
    assertEquals(
        900,
        SecretRequests.lifetimeOnCreate(
            body("secret_expires_in", 900), capped, ClientKind.CONFIDENTIAL));
    assertThrows(
        ApiException.class,
        () ->
            SecretRequests.lifetimeOnCreate(
                body("secret_expires_in", 901), capped, ClientKind.CONFIDENTIAL));
    assertEquals(
        RealmPolicy.LONGEST_SECRET_LIFETIME,
        SecretRequests.lifetimeOnCreate(
            body("secret_expires_in", RealmPolicy.LONGEST_SECRET_LIFETIME),
            OPEN,
            ClientKind.CONFIDENTIAL));
    assertThrows(
        ApiException.class,
        () ->
            SecretRequests.lifetimeOnCreate(
                body("secret_expires_in", RealmPolicy.LONGEST_SECRET_LIFETIME + 1L),
                OPEN,
                ClientKind.CONFIDENTIAL));
    assertThrows(
        ApiException.class,
        () ->
            SecretRequests.lifetimeOnCreate(
                body("secret_expires_in", 0), OPEN, ClientKind.CONFIDENTIAL));
  }

  @Test
  void aClientWithoutASecretTakesNoLifetimeWhateverTheRealmRequires() {
    RealmPolicy required = policy(OptionalInt.of(900), true);
    for (ClientKind kind : List.of(ClientKind.PUBLIC, ClientKind.PRIVATE_KEY_JWT)) {
      assertEquals(
          StoredSecrets.NEVER,
          SecretRequests.lifetimeOnCreate(Json.MAPPER.createObjectNode(), required, kind));
      ApiException refused =
          assertThrows(
              ApiException.class,
              () -> SecretRequests.lifetimeOnCreate(body("secret_expires_in", 60), OPEN, kind));
      assertEquals("invalid_client_metadata", refused.error().code());
      ApiException rotation =
          assertThrows(ApiException.class, () -> SecretRequests.requireSecret(kind));
      assertEquals("invalid_request", rotation.error().code());
    }
    SecretRequests.requireSecret(ClientKind.CONFIDENTIAL);
  }

  @Test
  void anOverlapIsAtMostTheRealmsMaximum() {
    assertEquals(
        600, SecretRequests.rotation(body("previous_secret_expires_in", 600), OPEN).overlap());
    assertEquals(0, SecretRequests.rotation(body("previous_secret_expires_in", 0), OPEN).overlap());
    assertEquals(0, SecretRequests.rotation(Json.MAPPER.createObjectNode(), OPEN).overlap());
    assertThrows(
        ApiException.class,
        () -> SecretRequests.rotation(body("previous_secret_expires_in", 601), OPEN));
    assertThrows(
        ApiException.class,
        () -> SecretRequests.rotation(body("previous_secret_expires_in", -1), OPEN));
    assertThrows(ApiException.class, () -> SecretRequests.rotation(body("client_name", 1), OPEN));
  }
}
