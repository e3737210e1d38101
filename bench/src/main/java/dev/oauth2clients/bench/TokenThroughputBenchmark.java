package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import dev.oauth2clients.testsupport.TokenEndpoint;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Item 1, Keycloak's token endpoint: client_credentials grants per second of a self-service client
 * against plain Keycloak confidential clients on the same server, the sessions and database growth
 * those grants leave behind, then refresh_token grants per second. Throughput on a 2-core machine
 * drifts by tens of percent between periods (JIT, GC, a database that grows by one session per
 * grant), so the contenders run in short rounds whose order reverses every round (ABCD DCBA …),
 * each round yields paired ratios, and the median of those is the result.
 *
 * <p>Settings (system properties): {@code bench.threads} (4), {@code bench.seconds} per round (8),
 * {@code bench.rounds} (10), {@code bench.warmup} seconds per client (45; together about three
 * minutes, which the JIT needs), {@code bench.settle} seconds of quiet around each client's growth
 * period (20); the refresh_token part uses a third of the warm-up and half the rounds.
 */
final class TokenThroughputBenchmark {

  private static final String REFRESH_ON_CLIENT = "plain-with-refresh";
  private static final String CONTROL_CLIENT = "plain-with-refresh-twin";
  private static final String PLAIN_SECRET = "plain-with-refresh-secret-0123456789";

  private final BenchHttp http = new BenchHttp();
  private final String baseUrl;
  private final SessionStorage storage;
  private final int threads = Integer.getInteger("bench.threads", 4);
  private final Duration round = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  private final int rounds = Integer.getInteger("bench.rounds", 10);
  private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 45));
  private final Duration settle = Duration.ofSeconds(Integer.getInteger("bench.settle", 20));

  TokenThroughputBenchmark(String baseUrl, Database database) {
    this.baseUrl = baseUrl;
    this.storage = new SessionStorage(database);
  }

  /** A client and the form it sends to the token endpoint. */
  private record Contender(String label, String clientId, String form) {}

  /** What one contender was sent, and the database growth of its own growth period. */
  private static final class Tally {
    long requests;
    double bytesPer1000 = Double.NaN;
  }

  ThroughputResult run(String database) throws Exception {
    try (TestRealm realm =
        TestRealm.createOn(
            baseUrl, Map.of("oauth2-clients.enabled", "true"), representation -> {}, "owner")) {
      JsonNode selfService = realm.api("owner").createNamed("benchmarked");
      String selfServiceId = selfService.get("client_id").asText();
      String selfServiceSecret = selfService.get("client_secret").asText();
      createPlainClientWithRefreshTokens(realm, REFRESH_ON_CLIENT);
      createPlainClientWithRefreshTokens(realm, CONTROL_CLIENT);
      List<Contender> grants =
          List.of(
              grant(
                  "self-service client (hashed secret, refresh token)",
                  selfServiceId,
                  selfServiceSecret),
              grant(
                  "plain Keycloak client, refresh tokens on (same settings)",
                  REFRESH_ON_CLIENT,
                  PLAIN_SECRET),
              grant("control: an identical second plain client", CONTROL_CLIENT, PLAIN_SECRET),
              grant(
                  "plain Keycloak client, Keycloak defaults (no refresh token)",
                  TestRealm.PLAIN_CLIENT,
                  TestRealm.PLAIN_SECRET));
      String tokenUrl = realm.tokens().tokenUrl();
      Map<Contender, Tally> tallies = new HashMap<>();
      Map<Contender, List<Double>> grantRates =
          measureAll(tokenUrl, grants, warmup, rounds, tallies);
      double lastUseLag = lastUseLagSeconds(tokenUrl, grants.get(0), realm);
      for (Contender contender : grants) {
        measureGrowth(tokenUrl, contender, tallies.get(contender));
      }
      Map<String, Long> sessions = sessionsHeld(realm, grants);

      List<Contender> refreshes =
          List.of(
              refresh("self-service client", realm, selfServiceId, selfServiceSecret),
              refresh(
                  "plain Keycloak client, refresh tokens on",
                  realm,
                  REFRESH_ON_CLIENT,
                  PLAIN_SECRET));
      Map<Contender, List<Double>> refreshRates =
          measureAll(tokenUrl, refreshes, warmup.dividedBy(3), Math.max(2, rounds / 2), tallies);

      ThroughputResult result =
          new ThroughputResult(
              database,
              rates(grants, grantRates, tallies, sessions),
              rates(refreshes, refreshRates, tallies, Map.of()),
              PairedRatio.of(grantRates.get(grants.get(0)), grantRates.get(grants.get(3))),
              PairedRatio.of(grantRates.get(grants.get(0)), grantRates.get(grants.get(1))),
              PairedRatio.of(grantRates.get(grants.get(2)), grantRates.get(grants.get(1))),
              PairedRatio.of(
                  refreshRates.get(refreshes.get(0)), refreshRates.get(refreshes.get(1))),
              lastUseLag);
      report(result);
      return result;
    }
  }

  /** Warms every contender up, then measures them in alternating rounds. */
  private Map<Contender, List<Double>> measureAll(
      String tokenUrl,
      List<Contender> contenders,
      Duration warmupEach,
      int roundCount,
      Map<Contender, Tally> tallies)
      throws Exception {
    for (Contender contender : contenders) {
      Tally tally = tallies.computeIfAbsent(contender, c -> new Tally());
      tally.requests += measure(tokenUrl, contender, warmupEach).requests();
    }
    return AlternatingRounds.run(
        contenders,
        roundCount,
        contender -> {
          Period period = measure(tokenUrl, contender, round);
          tallies.get(contender).requests += period.requests();
          return period.rate();
        });
  }

  /**
   * The database growth of one period of the contender's grants alone, between two quiet spells: H2
   * rewrites and compacts its file after commits, so growth measured right after another client's
   * heavy writing would be partly that client's.
   */
  private void measureGrowth(String tokenUrl, Contender contender, Tally tally) throws Exception {
    if (storage.bytes() < 0) {
      return;
    }
    Thread.sleep(settle.toMillis());
    long before = storage.bytes();
    Period period = measure(tokenUrl, contender, round);
    Thread.sleep(settle.toMillis());
    tally.requests += period.requests();
    tally.bytesPer1000 = (storage.bytes() - before) * 1000.0 / period.requests();
  }

  private List<ThroughputResult.Rate> rates(
      List<Contender> contenders,
      Map<Contender, List<Double>> perRound,
      Map<Contender, Tally> tallies,
      Map<String, Long> sessions) {
    return contenders.stream()
        .map(
            contender -> {
              Tally tally = tallies.get(contender);
              return new ThroughputResult.Rate(
                  contender.label(),
                  Percentiles.mean(perRound.get(contender)),
                  perRound.get(contender),
                  tally.requests,
                  sessions.getOrDefault(contender.clientId(), -1L),
                  tally.bytesPer1000);
            })
        .toList();
  }

  /** A Keycloak confidential client configured like a self-service one, but with a plain secret. */
  private static void createPlainClientWithRefreshTokens(TestRealm realm, String clientId) {
    ObjectNode client = Json.object();
    client.put("clientId", clientId);
    client.put("secret", PLAIN_SECRET);
    client.put("publicClient", false);
    client.put("serviceAccountsEnabled", true);
    client.put("fullScopeAllowed", false);
    client.putObject("attributes").put("client_credentials.use_refresh_token", "true");
    realm.admin().createClient(realm.name(), client);
  }

  /** Requests answered 200 in one period, and their rate. */
  private record Period(long requests, double rate) {}

  /**
   * Sends the contender's form from every thread until the period ends; each answer must be 200.
   */
  private Period measure(String tokenUrl, Contender contender, Duration period) throws Exception {
    HttpRequest request =
        BenchHttp.post(tokenUrl, Map.of(), "application/x-www-form-urlencoded", contender.form());
    long deadline = System.nanoTime() + period.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> workers = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> grantsUntil(request, deadline)));
      }
      long requests = 0;
      for (Future<Long> worker : workers) {
        requests += worker.get();
      }
      return new Period(requests, requests / ((System.nanoTime() - started) / 1e9));
    } finally {
      pool.shutdownNow();
    }
  }

  private long grantsUntil(HttpRequest request, long deadline)
      throws IOException, InterruptedException {
    long grants = 0;
    while (System.nanoTime() < deadline) {
      http.send(request, 200);
      grants++;
    }
    return grants;
  }

  /**
   * Seconds between the end of a short burst of the self-service client's grants and the {@code
   * last_used_at} its owner then reads; -1 where it reads null, which would mean tracking is off.
   */
  private double lastUseLagSeconds(String tokenUrl, Contender selfService, TestRealm realm)
      throws Exception {
    measure(tokenUrl, selfService, Duration.ofSeconds(2));
    JsonNode lastUsed = realm.api("owner").read(selfService.clientId()).json().get("last_used_at");
    if (lastUsed == null || lastUsed.isNull()) {
      return -1;
    }
    return Duration.between(Instant.parse(lastUsed.asText()), Instant.now()).toMillis() / 1000.0;
  }

  private void report(ThroughputResult result) {
    Text.heading(
        "1. token endpoint on %s: %d threads, %d rounds x %d s (after %d s warm-up each)",
        result.database(), threads, rounds, round.toSeconds(), warmup.toSeconds());
    System.out.println("client_credentials grants:");
    result.grants().forEach(TokenThroughputBenchmark::print);
    System.out.println("refresh_token grants (one refresh token sent again and again):");
    result.refreshes().forEach(TokenThroughputBenchmark::print);
    System.out.println(
        "ratio self-service / plain with Keycloak defaults: median "
            + result.selfServiceVsDefaults()
            + " (goal >= "
            + ThroughputResult.GOAL_VS_DEFAULTS
            + ")");
    System.out.println(
        "ratio self-service / plain with refresh tokens on: median "
            + result.selfServiceVsRefreshOn()
            + " (goal > "
            + ThroughputResult.GOAL_VS_REFRESH_ON
            + ")");
    System.out.println(
        "ratio control / plain with refresh tokens on:      median "
            + result.controlVsRefreshOn()
            + " (two identical clients: the method's noise)");
    System.out.println(
        "ratio refresh_token self-service / plain:           median "
            + result.refreshSelfServiceVsPlain());
    System.out.printf(
        "last-use tracking on: last_used_at %.0f s behind the last grant (at most %.0f s)%n",
        result.lastUseLagSeconds(), ThroughputResult.GOAL_LAST_USE_LAG_SECONDS);
  }

  private static void print(ThroughputResult.Rate rate) {
    System.out.printf(
        Locale.ROOT,
        "  %-60s %7.1f req/s  %7d requests  %6s sessions  %10s bytes/1000  rounds: %s%n",
        rate.label(),
        rate.mean(),
        rate.requests(),
        rate.sessions() < 0 ? "-" : Long.toString(rate.sessions()),
        Double.isNaN(rate.bytesPer1000())
            ? "-"
            : String.format(Locale.ROOT, "%.0f", rate.bytesPer1000()),
        rate.perRound().stream()
            .map(r -> String.format(Locale.ROOT, "%.1f", r))
            .collect(Collectors.joining(", ")));
  }

  private static Contender grant(String label, String clientId, String secret) {
    return new Contender(
        label, clientId, Http.encodeForm(TokenEndpoint.clientCredentialsForm(clientId, secret)));
  }

  /** A refresh_token contender, with the refresh token of one fresh grant of the client. */
  private static Contender refresh(String label, TestRealm realm, String clientId, String secret) {
    String refreshToken =
        Admin.expect(200, realm.tokens().clientCredentials(clientId, secret))
            .json()
            .get("refresh_token")
            .asText();
    return new Contender(
        label,
        clientId,
        Http.encodeForm(TokenEndpoint.refreshForm(clientId, secret, refreshToken)));
  }

  /** Sessions Keycloak holds per client after the grants, as the admin console counts them. */
  private static Map<String, Long> sessionsHeld(TestRealm realm, List<Contender> contenders) {
    Map<String, Long> sessions = new HashMap<>();
    for (Contender contender : contenders) {
      sessions.put(
          contender.clientId(),
          (long) realm.admin().sessionCount(realm.name(), contender.clientId()));
    }
    return sessions;
  }
}
