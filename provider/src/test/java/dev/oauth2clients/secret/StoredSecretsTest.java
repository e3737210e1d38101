package dev.oauth2clients.secret;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oauth2clients.secret.StoredSecrets.Match;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.keycloak.models.ClientModel;

class StoredSecretsTest {

  private static final long NOW = 1_800_000_000L;
  private static final String OLD = "old-secret";
  private static final String NEW = "new-secret";

  @Test
  void aSecretWithoutLifetimeNeverExpires() {
    StoredSecrets secrets = StoredSecrets.first(ClientSecrets.hash(OLD), StoredSecrets.NEVER);
    assertEquals(Match.CURRENT, secrets.match(OLD, Long.MAX_VALUE / 2));
    assertEquals(Match.WRONG, secrets.match(NEW, NOW));
    assertEquals(Match.WRONG, secrets.match(null, NOW));
  }

  @Test
  void aSecretExpiresAtItsSecond() {
    StoredSecrets secrets = StoredSecrets.first(ClientSecrets.hash(OLD), NOW + 10);
    assertEquals(Match.CURRENT, secrets.match(OLD, NOW + 9));
    assertEquals(Match.EXPIRED, secrets.match(OLD, NOW + 10));
  }

  @Test
  void aRotationWithOverlapKeepsTheOldSecretUntilTheOverlapEnds() {
    StoredSecrets rotated =
        StoredSecrets.first(ClientSecrets.hash(OLD), StoredSecrets.NEVER)
            .rotated(ClientSecrets.hash(NEW), StoredSecrets.NEVER, 60, NOW);
    assertEquals(Match.PREVIOUS, rotated.match(OLD, NOW + 59));
    assertEquals(Match.CURRENT, rotated.match(NEW, NOW + 59));
    assertTrue(rotated.overlapping(NOW + 59));
    assertEquals(Match.OVERLAP_ENDED, rotated.match(OLD, NOW + 60));
    assertFalse(rotated.overlapping(NOW + 60));
  }

  @Test
  void anOverlapNeverOutlivesTheOldSecretsOwnExpiry() {
    StoredSecrets rotated =
        StoredSecrets.first(ClientSecrets.hash(OLD), NOW + 30)
            .rotated(ClientSecrets.hash(NEW), NOW + 1000, 600, NOW);
    assertEquals(NOW + 30, rotated.previousExpiresAt());

    StoredSecrets alreadyExpired =
        StoredSecrets.first(ClientSecrets.hash(OLD), NOW - 1)
            .rotated(ClientSecrets.hash(NEW), StoredSecrets.NEVER, 600, NOW);
    assertNull(alreadyExpired.previousHash(), "an expired secret is not kept");
  }

  @Test
  void withoutOverlapOrAfterARevocationOnlyTheNewSecretWorks() {
    StoredSecrets noOverlap =
        StoredSecrets.first(ClientSecrets.hash(OLD), StoredSecrets.NEVER)
            .rotated(ClientSecrets.hash(NEW), StoredSecrets.NEVER, 0, NOW);
    assertEquals(Match.WRONG, noOverlap.match(OLD, NOW));

    StoredSecrets afterRevocation =
        new StoredSecrets(null, StoredSecrets.NEVER, null, StoredSecrets.NEVER)
            .rotated(ClientSecrets.hash(NEW), StoredSecrets.NEVER, 600, NOW);
    assertNull(afterRevocation.previousHash(), "a revoked secret never comes back");
  }

  @Test
  void aThirdRotationEndsTheOldestSecret() {
    String third = "third-secret";
    StoredSecrets twice =
        StoredSecrets.first(ClientSecrets.hash(OLD), StoredSecrets.NEVER)
            .rotated(ClientSecrets.hash(NEW), StoredSecrets.NEVER, 600, NOW)
            .rotated(ClientSecrets.hash(third), StoredSecrets.NEVER, 600, NOW + 1);
    assertEquals(Match.WRONG, twice.match(OLD, NOW + 2));
    assertEquals(Match.PREVIOUS, twice.match(NEW, NOW + 2));
    assertEquals(Match.CURRENT, twice.match(third, NOW + 2));
    assertEquals(Match.WRONG, twice.withoutPrevious().match(NEW, NOW + 2));
  }

  @Test
  void aReportedCurrentSecretEndsAloneAndTheOverlapRunsOut() {
    ClientModel client = clientWith(rotatedWithOverlap());
    assertEquals(
        StoredSecrets.Reported.CURRENT,
        StoredSecrets.revokeReported(client, ClientSecrets.hash(NEW), NOW));
    StoredSecrets after = StoredSecrets.of(client);
    assertEquals(Match.WRONG, after.match(NEW, NOW));
    assertEquals(Match.PREVIOUS, after.match(OLD, NOW), "the reporter did not hold the old one");
    assertEquals(StoredSecrets.Revocation.REPORTED, StoredSecrets.revocationOf(client, NEW));
    assertEquals(StoredSecrets.Revocation.NONE, StoredSecrets.revocationOf(client, OLD));
    assertEquals(
        StoredSecrets.Reported.NOT_LIVE,
        StoredSecrets.revokeReported(client, ClientSecrets.hash(NEW), NOW),
        "a second report changes nothing");
  }

  @Test
  void aReportedPreviousSecretEndsTheOverlapAndTheCurrentOneWorks() {
    ClientModel client = clientWith(rotatedWithOverlap());
    assertEquals(
        StoredSecrets.Reported.PREVIOUS,
        StoredSecrets.revokeReported(client, ClientSecrets.hash(OLD), NOW));
    StoredSecrets after = StoredSecrets.of(client);
    assertEquals(Match.CURRENT, after.match(NEW, NOW));
    assertNull(after.previousHash());
    assertEquals(StoredSecrets.Revocation.REPORTED, StoredSecrets.revocationOf(client, OLD));
  }

  @Test
  void aSecretThatNoLongerWorksIsNotRevokedAgain() {
    ClientModel client = clientWith(rotatedWithOverlap());
    long afterOverlap = NOW + 61;
    assertEquals(
        StoredSecrets.Reported.NOT_LIVE,
        StoredSecrets.revokeReported(client, ClientSecrets.hash(OLD), afterOverlap));
    assertEquals(StoredSecrets.Revocation.NONE, StoredSecrets.revocationOf(client, OLD));
  }

  @Test
  void anAdminsRevocationIsToldApartFromAReportAndARotationLiftsBoth() {
    ClientModel client = clientWith(rotatedWithOverlap());
    StoredSecrets.revokeReported(client, ClientSecrets.hash(OLD), NOW);
    StoredSecrets.revokeAll(client);
    assertEquals(StoredSecrets.Revocation.BY_ADMIN, StoredSecrets.revocationOf(client, NEW));
    assertEquals(StoredSecrets.Revocation.REPORTED, StoredSecrets.revocationOf(client, OLD));
    StoredSecrets.liftRevocation(client);
    assertEquals(StoredSecrets.Revocation.NONE, StoredSecrets.revocationOf(client, NEW));
    assertEquals(StoredSecrets.Revocation.NONE, StoredSecrets.revocationOf(client, OLD));
  }

  private static StoredSecrets rotatedWithOverlap() {
    return StoredSecrets.first(ClientSecrets.hash(OLD), StoredSecrets.NEVER)
        .rotated(ClientSecrets.hash(NEW), StoredSecrets.NEVER, 60, NOW);
  }

  /** A client model that holds attributes and nothing else: all these methods touch. */
  private static ClientModel clientWith(StoredSecrets secrets) {
    Map<String, String> attributes = new HashMap<>();
    ClientModel client =
        (ClientModel)
            Proxy.newProxyInstance(
                ClientModel.class.getClassLoader(),
                new Class<?>[] {ClientModel.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getAttribute" -> attributes.get((String) args[0]);
                      case "setAttribute" -> attributes.put((String) args[0], (String) args[1]);
                      case "removeAttribute" -> attributes.remove((String) args[0]);
                      default -> throw new UnsupportedOperationException(method.getName());
                    });
    secrets.writeTo(client);
    return client;
  }
}
