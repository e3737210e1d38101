package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.secret.ClientSecrets;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Item 5, the leak report at scale: {@code POST /realms/{realm}/oauth2-clients/revocations}, with
 * no token, as a secret scanner sends it, in a realm of {@code bench.large.clients} (100,000)
 * self-service clients (see {@link PopulatedRealm#keptOn}). Each report carries 100 strings of the
 * realm's secret format, prefix, 43 base62 characters and the CRC32 checksum, made by the
 * provider's own {@link ClientSecrets#newSecret}, so that every one passes the format check and is
 * looked up by its hash: the server's whole work for a report. Two kinds of report, one request at
 * a time in alternating rounds after a warm-up:
 *
 * <ul>
 *   <li><b>100 misses</b>: well-formed strings that are no secret of the realm, new ones for every
 *       report (the common case: a scanner's find that is stale, or of another realm);
 *   <li><b>hits</b>: {@code bench.revocations.hits} (3) live secrets of the measured user's clients
 *       among 97 misses, at random places. Each hit is revoked (an event, the owner's e-mail in the
 *       outbox), so before every such report, and outside the measured time, the owner rotates
 *       those clients for fresh live secrets.
 * </ul>
 *
 * <p>The server pads each answer on purpose, to a 30 ms floor or longer while revocations take
 * longer (its time must not tell whether a string matched), so the figures cannot fall below it. It
 * follows the last 64 reports that revoked something, so the warm-up is longer than that: the
 * revocations of a cold server would otherwise still set the time of the first measured rounds.
 * Before the rounds, the run checks once that a hit really revokes (the secret gets tokens before
 * the report and {@code 401} after) and that a report answers {@code 202 {}}; after them, the owner
 * rotates once more, so that the kept realm's clients hold live secrets again.
 *
 * <p>Settings: {@code bench.revocations.warmup} rounds (80), {@code bench.revocations.rounds}
 * (300), {@code bench.revocations.hits} (3).
 */
final class RevocationLatencyBenchmark {

  /** The most strings one report may carry, and what each report here carries. */
  static final int STRINGS_PER_REPORT = 100;

  private final BenchHttp http = new BenchHttp();
  private final int hits = Integer.getInteger("bench.revocations.hits", 3);
  private final int warmupRounds = Integer.getInteger("bench.revocations.warmup", 80);
  private final int rounds = Integer.getInteger("bench.revocations.rounds", 300);

  RevocationLatencyResult run(PopulatedRealm large, String database) throws Exception {
    Text.heading(
        "5. leak reports on %s: %d well-formed strings per report, realm of %d self-service"
            + " clients",
        database, STRINGS_PER_REPORT, large.clients());
    TestRealm realm = large.realm();
    String prefix = secretPrefix(realm);
    String url = realm.url() + "/oauth2-clients/revocations";
    ClientsApi owner = realm.api(PopulatedRealm.MEASURED_USER);
    List<String> hitClients = ownClients(owner, hits);
    checkRevocation(realm, owner, hitClients.get(0), url, prefix);

    Callable<HttpRequest> misses = () -> report(url, newMisses(prefix, STRINGS_PER_REPORT));
    Callable<HttpRequest> withHits =
        () -> {
          List<String> strings = newMisses(prefix, STRINGS_PER_REPORT - hits);
          for (String clientId : hitClients) {
            strings.add(rotate(owner, clientId));
          }
          Collections.shuffle(strings);
          return report(url, strings);
        };
    LatencyComparison latency =
        LatencyComparison.measure(
            new LatencyComparison.Named<>(
                Text.format("%d live secrets among %d", hits, STRINGS_PER_REPORT), withHits),
            new LatencyComparison.Named<>(
                Text.format("%d misses (well-formed)", STRINGS_PER_REPORT), misses),
            warmupRounds,
            rounds,
            request -> http.millis(request.call(), 202));
    for (String clientId : hitClients) {
      rotate(owner, clientId);
    }
    RevocationLatencyResult result =
        new RevocationLatencyResult(database, large.clients(), hits, latency, large.fill());
    report(result);
    return result;
  }

  /** The realm's secret prefix, as its policy sets it (the provider's default where unset). */
  private static String secretPrefix(TestRealm realm) {
    JsonNode prefix =
        realm.admin().realm(realm.name()).path("attributes").path("oauth2-clients.secret-prefix");
    return prefix.isMissingNode() || prefix.asText().isEmpty()
        ? SecretFormat.DEFAULT_PREFIX
        : prefix.asText();
  }

  /** The first {@code count} clients the measured user owns. */
  private static List<String> ownClients(ClientsApi owner, int count) {
    JsonNode listed = Admin.expect(200, owner.list("")).json();
    if (listed.size() < count) {
      throw new IllegalStateException(
          "the measured user owns " + listed.size() + " clients, the hits need " + count);
    }
    List<String> clientIds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      clientIds.add(listed.get(i).get("client_id").asText());
    }
    return clientIds;
  }

  /** A fresh live secret of the client: its owner rotates it (no overlap). */
  private static String rotate(ClientsApi owner, String clientId) {
    return Admin.expect(200, owner.rotate(clientId)).json().get("client_secret").asText();
  }

  /**
   * New strings of the realm's secret format, each checked to pass the format check the server
   * makes, so that every one costs the server a hash and an index lookup.
   */
  private static List<String> newMisses(String prefix, int count) {
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String miss = ClientSecrets.newSecret(prefix);
      if (!SecretFormat.isWellFormed(miss, prefix)) {
        throw new IllegalStateException("not of the realm's secret format: " + miss);
      }
      misses.add(miss);
    }
    return misses;
  }

  private static HttpRequest report(String url, List<String> strings) {
    return BenchHttp.post(
        url, Map.of(), "application/json", Json.write(Map.of("secrets", strings)));
  }

  /**
   * Once, before the rounds: a live secret gets tokens; a report of it among misses answers {@code
   * 202 {}}; then it gets {@code 401}. So the hits measured are revocations, not misses.
   */
  private void checkRevocation(
      TestRealm realm, ClientsApi owner, String clientId, String url, String prefix)
      throws Exception {
    String secret = rotate(owner, clientId);
    Admin.expect(200, realm.tokens().clientCredentials(clientId, secret));
    List<String> strings = newMisses(prefix, STRINGS_PER_REPORT - 1);
    strings.add(secret);
    HttpResponse<String> answer = http.send(report(url, strings), 202);
    if (!Json.parse(answer.body()).equals(Json.object())) {
      throw new IllegalStateException("a report answered " + answer.body() + ", not {}");
    }
    int afterwards = realm.tokens().clientCredentials(clientId, secret).status();
    if (afterwards != 401) {
      throw new IllegalStateException(
          "a reported live secret still got " + afterwards + " at the token endpoint, not 401");
    }
    System.out.println(
        "  checked: a reported live secret is refused (401) at once; reports answer 202 {}");
  }

  private void report(RevocationLatencyResult result) {
    System.out.printf(
        "  %d reports of each kind, one at a time (after %d warm-up rounds); %s%n",
        rounds, warmupRounds, result.fill());
    System.out.println("  " + result.misses());
    System.out.println("  " + result.hits());
    System.out.println(
        Text.format(
            "ratio hits / misses: p50 %.3f, p95 %.3f (≈ 1: the answer's time must not tell)",
            result.latency().p50Ratio(), result.latency().p95Ratio()));
    for (LatencySummary summary : List.of(result.misses(), result.hits())) {
      summary.printP95Against(RevocationLatencyResult.GOAL_P95_MILLIS);
    }
  }
}
