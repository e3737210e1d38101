package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Item 1, client_credentials throughput at Keycloak's token endpoint: a self-service client against
 * plain Keycloak confidential clients on the same server. Throughput on a 2-core machine drifts by
 * tens of percent between periods (JIT, GC, a database that grows by one session per grant), so the
 * contenders run in short rounds whose order reverses every round (ABC CBA …), each round yields
 * paired ratios, and the median of those is the result.
 *
 * <p>Settings (system properties): {@code bench.threads} (4), {@code bench.seconds} per round (8),
 * {@code bench.rounds} (10), {@code bench.warmup} seconds per client (45; together about three
 * minutes, which the JIT needs).
 */
final class TokenThroughputBenchmark {

  private static final String SAME_SETTINGS_CLIENT = "plain-with-refresh";
  private static final String CONTROL_CLIENT = "plain-with-refresh-twin";
  private static final String PLAIN_SECRET = "plain-with-refresh-secret-0123456789";

  private final BenchHttp http = new BenchHttp();
  private final String baseUrl;
  private final int threads = Integer.getInteger("bench.threads", 4);
  private final Duration round = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  private final int rounds = Integer.getInteger("bench.rounds", 10);
  private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 45));

  TokenThroughputBenchmark(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A client and the form that asks the token endpoint for a client_credentials grant. */
  private record Contender(String label, String clientId, String form) {}

  ThroughputResult run() throws Exception {
    try (TestRealm realm =
        TestRealm.createOn(
            baseUrl, Map.of("oauth2-clients.enabled", "true"), representation -> {}, "owner")) {
      JsonNode selfService = realm.api("owner").createNamed("benchmarked");
      createPlainClientWithRefreshTokens(realm, SAME_SETTINGS_CLIENT);
      createPlainClientWithRefreshTokens(realm, CONTROL_CLIENT);
      List<Contender> contenders =
          List.of(
              contender(
                  "self-service client (hashed secret, refresh token)",
                  selfService.get("client_id").asText(),
                  selfService.get("client_secret").asText()),
              contender(
                  "plain Keycloak client, same settings (refresh token)",
                  SAME_SETTINGS_CLIENT,
                  PLAIN_SECRET),
              contender("control: an identical second plain client", CONTROL_CLIENT, PLAIN_SECRET),
              contender(
                  "plain Keycloak client, Keycloak defaults (no refresh token)",
                  TestRealm.PLAIN_CLIENT,
                  TestRealm.PLAIN_SECRET));
      String tokenUrl = realm.tokens().tokenUrl();

      for (Contender contender : contenders) {
        measure(tokenUrl, contender, warmup);
      }
      Map<Contender, List<Double>> rates =
          AlternatingRounds.run(
              contenders, rounds, contender -> measure(tokenUrl, contender, round));
      ThroughputResult result = result(rates, contenders);
      report(result);
      reportSessions(realm, contenders);
      return result;
    }
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
    Admin.expect(201, realm.admin().call("POST", "/" + realm.name() + "/clients", client));
  }

  /** Grants per second over one period, with every request checked for a 200. */
  private double measure(String tokenUrl, Contender contender, Duration period) throws Exception {
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
      long grants = 0;
      for (Future<Long> worker : workers) {
        grants += worker.get();
      }
      return grants / ((System.nanoTime() - started) / 1e9);
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

  private static ThroughputResult result(
      Map<Contender, List<Double>> rates, List<Contender> contenders) {
    List<Double> selfService = rates.get(contenders.get(0));
    List<Double> sameSettings = rates.get(contenders.get(1));
    return new ThroughputResult(
        contenders.stream()
            .map(
                contender ->
                    new ThroughputResult.Rate(
                        contender.label(),
                        Percentiles.mean(rates.get(contender)),
                        rates.get(contender)))
            .toList(),
        PairedRatio.of(selfService, sameSettings),
        PairedRatio.of(rates.get(contenders.get(2)), sameSettings),
        PairedRatio.of(selfService, rates.get(contenders.get(3))));
  }

  private void report(ThroughputResult result) {
    Text.heading(
        "1. client_credentials throughput: %d threads, %d rounds x %d s (after %d s warm-up each)",
        threads, rounds, round.toSeconds(), warmup.toSeconds());
    for (ThroughputResult.Rate rate : result.rates()) {
      System.out.printf(
          Locale.ROOT,
          "  %-62s %8.1f req/s   rounds: %s%n",
          rate.label(),
          rate.mean(),
          rate.perRound().stream()
              .map(r -> String.format(Locale.ROOT, "%.1f", r))
              .collect(Collectors.joining(", ")));
    }
    System.out.println(
        "ratio self-service / plain with the same settings: median "
            + result.selfServiceVsSameSettings()
            + " (goal >= "
            + ThroughputResult.GOAL
            + ")");
    System.out.println(
        "ratio control / plain with the same settings:      median "
            + result.controlVsSameSettings()
            + " (two identical clients: the method's noise)");
    System.out.println(
        "ratio self-service / plain with Keycloak defaults: median "
            + result.selfServiceVsDefaults()
            + " (the price of the refresh token the contract asks for)");
  }

  private static Contender contender(String label, String clientId, String secret) {
    return new Contender(
        label,
        clientId,
        Http.encodeForm(
            Map.of(
                "grant_type",
                "client_credentials",
                "client_id",
                clientId,
                "client_secret",
                secret)));
  }

  /**
   * Sessions the grants left behind: with refresh tokens, every grant keeps one user session of the
   * service account (persisted, and alive for the realm's SSO idle time).
   */
  private static void reportSessions(TestRealm realm, List<Contender> contenders) {
    System.out.println("sessions held after the run (realm SSO Session Idle: 30 min):");
    for (Contender contender : contenders) {
      String id = realm.admin().findClient(realm.name(), contender.clientId()).get("id").asText();
      JsonNode count =
          Admin.expect(
                  200,
                  realm
                      .admin()
                      .call("GET", "/" + realm.name() + "/clients/" + id + "/session-count", null))
              .json();
      System.out.printf(
          Locale.ROOT, "  %-62s %8d%n", contender.label(), count.get("count").asLong());
    }
  }
}
