package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.oauth2clients.it.Mailbox.Mail;
import dev.oauth2clients.secret.ClientSecrets;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.LeakReports;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Leak response: whoever found a secret reports it with no token, and it stops working at once; the
 * answer tells nobody whether a string was a secret, neither by its content nor by its time.
 */
@LineIndependent
class LeakReportIT {

  @RegisterExtension static final GreenMailExtension MAIL = Mailbox.server();

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Policy.enabled().attributes(),
          representation -> Mailbox.sendTo(MAIL, representation),
          "alice",
          "bob",
          "timing1",
          "timing2",
          "timing3",
          "timing4");

  private static final List<String> TIMING_OWNERS =
      List.of("timing1", "timing2", "timing3", "timing4");

  @RegisterExtension static final TestRealm elsewhere = TestRealm.perClass("carol");

  @BeforeAll
  static void recordEvents() {
    realm.admin().enableEvents(realm.name());
  }

  @Test
  void aReportedSecretStopsWorkingAtOnceTheClientStaysAndTheOwnerIsTold() {
    ClientsApi alice = realm.api("alice");
    JsonNode created = alice.createNamed("Leaked");
    String clientId = created.get("client_id").asText();
    String secret = created.get("client_secret").asText();
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());

    assertAccepted(LeakReports.report(realm.url(), List.of(secret)));

    HttpResult refused = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(401, refused.status(), refused::toString);
    assertEquals("invalid_client", refused.error());
    assertTrue(
        refused.json().get("error_description").asText().contains("reported"), refused::toString);
    JsonNode read = alice.read(clientId).json();
    Instant revokedAt = Instant.parse(read.get("secret_revoked_at").asText());
    assertTrue(revokedAt.isAfter(Instant.now().minusSeconds(60)), read::toString);
    assertTrue(
        alice.list("").json().findValuesAsText("client_id").contains(clientId),
        "the client itself stays");

    JsonNode event = realm.admin().lastEvent(realm.name(), clientId, "CLIENT_UPDATE");
    assertEquals(
        "revoke_reported_secret",
        event.at("/details/oauth2_clients_operation").asText(),
        "" + event);
    assertEquals("current", event.at("/details/revoked").asText());
    assertFalse(event.toString().contains(secret), "a secret reached an event");

    List<Mail> mails =
        Mailbox.await(
            MAIL,
            "alice@example.com",
            mail -> mail.text().contains(clientId) && mail.contains("was revoked"),
            1,
            Duration.ofSeconds(30));
    assertEquals(1, mails.size(), () -> "mails: " + Mailbox.to(MAIL, "alice@example.com"));
    assertFalse(mails.get(0).contains(secret), "a secret reached a mail");

    HttpResult rotated = alice.rotate(clientId);
    assertEquals(200, rotated.status(), rotated::toString);
    String fresh = rotated.json().get("client_secret").asText();
    assertEquals(200, realm.tokens().clientCredentials(clientId, fresh).status());
    assertTrue(alice.read(clientId).json().get("secret_revoked_at").isNull());
  }

  /** Whoever reports the replaced secret does not hold the new one, and cannot take it away. */
  @Test
  void aReportedPreviousSecretStopsWhileTheCurrentOneKeepsWorking() {
    ClientsApi alice = realm.api("alice");
    JsonNode created = alice.createNamed("Rotated while leaked");
    String clientId = created.get("client_id").asText();
    String old = created.get("client_secret").asText();
    HttpResult rotated = alice.rotate(clientId, Map.of("previous_secret_expires_in", 3600));
    assertEquals(200, rotated.status(), rotated::toString);
    String current = rotated.json().get("client_secret").asText();
    assertEquals(200, realm.tokens().clientCredentials(clientId, old).status());

    assertAccepted(LeakReports.report(realm.url(), List.of(old)));

    HttpResult refused = realm.tokens().clientCredentials(clientId, old);
    assertEquals(401, refused.status(), refused::toString);
    assertTrue(refused.json().get("error_description").asText().contains("reported"));
    assertEquals(200, realm.tokens().clientCredentials(clientId, current).status());
    JsonNode read = alice.read(clientId).json();
    assertTrue(read.get("secret_revoked_at").isNull(), read::toString);
    assertFalse(read.has("previous_secret_expires_at"), read::toString);
  }

  @Test
  void onlyTheExactSecretOfThisRealmIsRevoked() {
    JsonNode created = realm.api("bob").createNamed("Kept");
    String clientId = created.get("client_id").asText();
    String secret = created.get("client_secret").asText();
    JsonNode other = elsewhere.api("carol").createNamed("Other realm");

    assertAccepted(
        LeakReports.report(
            realm.url(),
            List.of(
                nearMiss(secret),
                secret.toUpperCase(),
                secret + "x",
                other.get("client_secret").asText())));

    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
    assertEquals(
        200,
        elsewhere
            .tokens()
            .clientCredentials(other.get("client_id").asText(), other.get("client_secret").asText())
            .status(),
        "a report in one realm reached another");
  }

  @Test
  void theAnswerIsTheSameForASecretNoiseAndNothing() {
    String secret = realm.api("bob").createNamed("Same answer").get("client_secret").asText();
    List<HttpResult> answers =
        List.of(
            LeakReports.report(realm.url(), List.of(secret)),
            LeakReports.report(realm.url(), List.of(secret)),
            LeakReports.report(realm.url(), List.of(ClientSecrets.newSecret("kcoa_"))),
            LeakReports.report(realm.url(), List.of("not a secret at all")),
            LeakReports.report(realm.url(), Collections.nCopies(100, secret)));
    for (HttpResult answer : answers) {
      assertAccepted(answer);
      assertEquals(answers.get(0).headers().map().keySet(), answer.headers().map().keySet());
    }
  }

  /** The body's cap, 64 KiB, on both sides, with strings that JSON and UTF-8 make longer. */
  @Test
  void aReportOfExactly64KiBIsTakenAndTheSecretInItRevoked() {
    JsonNode created = realm.api("bob").createNamed("In a large report");
    String secret = created.get("client_secret").asText();
    String body = bodyOfBytes(secret, 64 * 1024);
    assertEquals(64 * 1024, body.getBytes(StandardCharsets.UTF_8).length);

    assertAccepted(LeakReports.raw(realm.url(), "application/json", body));

    assertEquals(
        401, realm.tokens().clientCredentials(created.get("client_id").asText(), secret).status());
  }

  @Test
  void malformedReportsAreRefusedAndRevokeNothing() {
    JsonNode created = realm.api("bob").createNamed("Survives bad reports");
    String secret = created.get("client_secret").asText();
    String json = "application/json";
    List<HttpResult> refused = new ArrayList<>();
    refused.add(LeakReports.raw(realm.url(), json, "{\"secrets\": [\"" + secret + "\"]"));
    refused.add(LeakReports.raw(realm.url(), "text/plain", "{\"secrets\": [\"" + secret + "\"]}"));
    refused.add(LeakReports.raw(realm.url(), null, "{\"secrets\": [\"" + secret + "\"]}"));
    refused.add(LeakReports.raw(realm.url(), json, ""));
    refused.add(LeakReports.raw(realm.url(), json, "[\"" + secret + "\"]"));
    refused.add(LeakReports.raw(realm.url(), json, "{}"));
    refused.add(LeakReports.raw(realm.url(), json, "{\"secrets\": []}"));
    refused.add(LeakReports.raw(realm.url(), json, "{\"secrets\": \"" + secret + "\"}"));
    refused.add(LeakReports.raw(realm.url(), json, "{\"secrets\": [\"" + secret + "\", 7]}"));
    refused.add(
        LeakReports.raw(realm.url(), json, "{\"secrets\": [\"" + secret + "\"], \"why\": \"x\"}"));
    refused.add(LeakReports.report(realm.url(), Collections.nCopies(101, secret)));
    refused.add(LeakReports.raw(realm.url(), json, bodyOfBytes(secret, 64 * 1024 + 1)));
    for (HttpResult answer : refused) {
      assertEquals(400, answer.status(), answer::toString);
      assertEquals("invalid_request", answer.error(), answer::toString);
      assertFalse(answer.body().contains(secret), "an error echoed the secret");
    }
    assertEquals(
        200,
        realm.tokens().clientCredentials(created.get("client_id").asText(), secret).status(),
        "a refused report revoked a secret");
  }

  /**
   * 1 000 reports from four callers at once, a tenth of them hits on live secrets, interleaved with
   * the misses: hits and misses take the same time, to within what a caller could tell apart.
   * Without the answer's fixed time a hit takes several writes longer than a miss.
   */
  @Test
  void aHitTakesAsLongAsAMiss() throws Exception {
    List<Long> hits = Collections.synchronizedList(new ArrayList<>());
    List<Long> misses = Collections.synchronizedList(new ArrayList<>());
    ExecutorService callers = Executors.newFixedThreadPool(TIMING_OWNERS.size());
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String owner : TIMING_OWNERS) {
        done.add(callers.submit(() -> reportAndTime(owner, hits, misses)));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      callers.shutdownNow();
    }
    double hitMedian = quantile(hits, 0.5);
    double missMedian = quantile(misses, 0.5);
    double missSpread = quantile(misses, 0.75) - quantile(misses, 0.25);
    String figures =
        String.format(
            "%d hits, median %.2f ms; %d misses, median %.2f ms, interquartile range %.2f ms",
            hits.size(), hitMedian / 1e6, misses.size(), missMedian / 1e6, missSpread / 1e6);
    System.out.println("Leak report timing: " + figures);
    assertEquals(100, hits.size());
    assertTrue(Math.abs(hitMedian - missMedian) <= Math.max(missSpread, 1_000_000), figures);
  }

  /** One caller's 250 reports: its owner's 25 live secrets, each between nine misses. */
  private static void reportAndTime(String owner, List<Long> hits, List<Long> misses) {
    ClientsApi api = realm.api(owner);
    List<String> live = new ArrayList<>();
    IntStream.range(0, 25)
        .forEach(i -> live.add(api.createNamed("Timed " + i).get("client_secret").asText()));
    for (int i = 0; i < 250; i++) {
      boolean hit = i % 10 == 5;
      String reported = hit ? live.get(i / 10) : ClientSecrets.newSecret("kcoa_");
      long start = System.nanoTime();
      HttpResult answer = LeakReports.report(realm.url(), List.of(reported));
      long took = System.nanoTime() - start;
      assertAccepted(answer);
      (hit ? hits : misses).add(took);
    }
  }

  /**
   * A report of 100 strings, {@code secret} first, the others noise of é, emoji and quotes, padded
   * to exactly {@code bytes} bytes of UTF-8 JSON.
   */
  private static String bodyOfBytes(String secret, int bytes) {
    List<String> strings = new ArrayList<>(List.of(secret));
    strings.addAll(Collections.nCopies(98, "é😀\"'".repeat(60)));
    String open = Json.write(Map.of("secrets", strings)).replaceFirst("]}$", "");
    int missing = bytes - (open + ",\"\"]}").getBytes(StandardCharsets.UTF_8).length;
    assertTrue(missing >= 0, "the noise alone is over " + bytes + " bytes");
    return open + ",\"" + "a".repeat(missing) + "\"]}";
  }

  /** The same length, prefix and a valid checksum, one character of the body changed. */
  private static String nearMiss(String secret) {
    int body = "kcoa_".length();
    char changed = secret.charAt(body) == 'A' ? 'B' : 'A';
    String prefixAndBody =
        secret.substring(0, body)
            + changed
            + secret.substring(body + 1, secret.length() - SecretFormat.CHECKSUM_LENGTH);
    String near = prefixAndBody + SecretFormat.checksum(prefixAndBody);
    assertTrue(SecretFormat.isWellFormed(near, "kcoa_"));
    assertNotEquals(secret, near);
    return near;
  }

  private static void assertAccepted(HttpResult answer) {
    assertEquals(202, answer.status(), answer::toString);
    assertEquals("{}", answer.body());
    assertEquals("no-store", answer.header("Cache-Control"));
  }

  private static double quantile(List<Long> values, double q) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get((int) Math.min(sorted.size() - 1, Math.round(q * (sorted.size() - 1))));
  }
}
