package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.bench.GrantLoad.Contender;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.TestRealm;
import dev.oauth2clients.testsupport.TokenEndpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  private final String baseUrl;
  private final SessionStorage storage;
  private final int rounds = Integer.getInteger("bench.rounds", 10);
  private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 45));
  private final Duration settle = Duration.ofSeconds(Integer.getInteger("bench.settle", 20));

  private GrantLoad load;

  TokenThroughputBenchmark(String baseUrl, Database database) {
    this.baseUrl = baseUrl;
    this.storage = new SessionStorage(database);
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
              GrantLoad.clientCredentials(
                  "self-service client (hashed secret, refresh token)",
                  selfServiceId,
                  selfServiceSecret),
              GrantLoad.clientCredentials(
                  "plain Keycloak client, refresh tokens on (same settings)",
                  REFRESH_ON_CLIENT,
                  PLAIN_SECRET),
              GrantLoad.clientCredentials(
                  "control: an identical second plain client", CONTROL_CLIENT, PLAIN_SECRET),
              GrantLoad.clientCredentials(
                  "plain Keycloak client, Keycloak defaults (no refresh token)",
                  TestRealm.PLAIN_CLIENT,
                  TestRealm.PLAIN_SECRET));
      load = new GrantLoad(realm.tokens().tokenUrl());
      Map<Contender, List<Double>> grantRates = load.warmUpThenAlternate(grants, warmup, rounds);
      double lastUseLag = lastUseLagSeconds(grants.get(0), realm);
      Map<Contender, Double> growth = new HashMap<>();
      for (Contender contender : grants) {
        growth.put(contender, growthPer1000(contender));
      }
      Map<String, Long> sessions = GrantLoad.sessionsHeld(realm, grants);

      List<Contender> refreshes =
          List.of(
              refresh("self-service client", realm, selfServiceId, selfServiceSecret),
              refresh(
                  "plain Keycloak client, refresh tokens on",
                  realm,
                  REFRESH_ON_CLIENT,
                  PLAIN_SECRET));
      Map<Contender, List<Double>> refreshRates =
          load.warmUpThenAlternate(refreshes, warmup.dividedBy(3), Math.max(2, rounds / 2));

      ThroughputResult result =
          new ThroughputResult(
              database,
              rates(grants, grantRates, sessions, growth),
              rates(refreshes, refreshRates, Map.of(), Map.of()),
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

  /**
   * The database growth of one period of the contender's grants alone, between two quiet spells: H2
   * rewrites and compacts its file after commits, so growth measured right after another client's
   * heavy writing would be partly that client's.
   */
  private double growthPer1000(Contender contender) throws Exception {
    if (storage.bytes() < 0) {
      return Double.NaN;
    }
    Thread.sleep(settle.toMillis());
    long before = storage.bytes();
    GrantLoad.Period period = load.measure(contender, load.round());
    Thread.sleep(settle.toMillis());
    return (storage.bytes() - before) * 1000.0 / period.requests();
  }

  private List<ThroughputResult.Rate> rates(
      List<Contender> contenders,
      Map<Contender, List<Double>> perRound,
      Map<String, Long> sessions,
      Map<Contender, Double> growth) {
    return contenders.stream()
        .map(
            contender ->
                load.rate(
                    contender,
                    perRound.get(contender),
                    sessions.getOrDefault(contender.clientId(), -1L),
                    growth.getOrDefault(contender, Double.NaN)))
        .toList();
  }

  /** A Keycloak confidential client configured like a self-service one, but with a plain secret. */
  private static void createPlainClientWithRefreshTokens(TestRealm realm, String clientId) {
    GrantLoad.createPlainClient(
        realm, clientId, PLAIN_SECRET, Map.of("client_credentials.use_refresh_token", "true"));
  }

  /**
   * Seconds between the end of a short burst of the self-service client's grants and the {@code
   * last_used_at} its owner then reads; -1 where it reads null, which would mean tracking is off.
   */
  private double lastUseLagSeconds(Contender selfService, TestRealm realm) throws Exception {
    load.measure(selfService, Duration.ofSeconds(2));
    JsonNode lastUsed = realm.api("owner").read(selfService.clientId()).json().get("last_used_at");
    if (lastUsed == null || lastUsed.isNull()) {
      return -1;
    }
    return Duration.between(Instant.parse(lastUsed.asText()), Instant.now()).toMillis() / 1000.0;
  }

  private void report(ThroughputResult result) {
    load.heading("1. token endpoint", result.database(), rounds, warmup);
    result.grants().forEach(ThroughputResult.Rate::print);
    System.out.println("refresh_token grants (one refresh token sent again and again):");
    result.refreshes().forEach(ThroughputResult.Rate::print);
    result.ratios().forEach(JudgedRatio::print);
    System.out.printf(
        "last-use tracking on: last_used_at %.0f s behind the last grant (at most %.0f s)%n",
        result.lastUseLagSeconds(), ThroughputResult.GOAL_LAST_USE_LAG_SECONDS);
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
}
