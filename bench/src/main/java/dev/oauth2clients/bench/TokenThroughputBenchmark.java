package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * client_credentials throughput at Keycloak's token endpoint: a self-service client against plain
 * Keycloak confidential clients on the same server. Throughput on a 2-core machine drifts by tens
 * of percent between periods (JIT, GC, a database that grows by one session per grant), so the
 * contenders run in short rounds whose order reverses every round (ABC CBA …), each round yields
 * paired ratios, and the median of those is the result.
 *
 * <p>Settings (system properties): {@code bench.threads} (4), {@code bench.seconds} per round (8),
 * {@code bench.rounds} (10), {@code bench.warmup} seconds per client (45; together about three
 * minutes, which the JIT needs).
 */
public final class TokenThroughputBenchmark {

  private static final String SAME_SETTINGS_CLIENT = "plain-with-refresh";
  private static final String CONTROL_CLIENT = "plain-with-refresh-twin";
  private static final String PLAIN_SECRET = "plain-with-refresh-secret-0123456789";

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final int threads = Integer.getInteger("bench.threads", 4);
  private final Duration round = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  private final int rounds = Integer.getInteger("bench.rounds", 10);
  private final Duration warmup = Duration.ofSeconds(Integer.getInteger("bench.warmup", 45));

  /** A client and the form that asks the token endpoint for a client_credentials grant. */
  private record Contender(String label, String clientId, String form) {}

  public static void main(String[] args) throws Exception {
    KeycloakServer server = KeycloakServer.get();
    try {
      new TokenThroughputBenchmark().run(server);
    } finally {
      server.stop();
    }
  }

  private void run(KeycloakServer server) throws Exception {
    try (TestRealm realm = TestRealm.create("owner")) {
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
      Map<Contender, List<Double>> rates = new LinkedHashMap<>();
      contenders.forEach(contender -> rates.put(contender, new ArrayList<>()));
      for (int r = 0; r < rounds; r++) {
        List<Contender> order = new ArrayList<>(contenders);
        if (r % 2 == 1) {
          Collections.reverse(order);
        }
        for (Contender contender : order) {
          rates.get(contender).add(measure(tokenUrl, contender, round));
        }
      }
      report(server, rates, contenders);
      reportSessions(realm, contenders);
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
        HttpRequest.newBuilder(URI.create(tokenUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(contender.form()))
            .build();
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
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "token endpoint answered " + response.statusCode() + ": " + response.body());
      }
      grants++;
    }
    return grants;
  }

  private void report(
      KeycloakServer server, Map<Contender, List<Double>> rates, List<Contender> contenders)
      throws IOException {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "client_credentials throughput: Keycloak %s, %d cores, Java %s, %d threads, %d rounds x %d s (after %d s warm-up each)%n",
        keycloakVersion(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        threads,
        rounds,
        round.toSeconds(),
        warmup.toSeconds());
    for (Contender contender : contenders) {
      List<Double> perRound = rates.get(contender);
      System.out.printf(
          Locale.ROOT,
          "  %-62s %8.1f req/s   rounds: %s%n",
          contender.label(),
          mean(perRound),
          perRound.stream()
              .map(r -> String.format(Locale.ROOT, "%.1f", r))
              .collect(Collectors.joining(", ")));
    }
    List<Double> selfService = rates.get(contenders.get(0));
    List<Double> sameSettings = rates.get(contenders.get(1));
    System.out.println(
        "ratio self-service / plain with the same settings: median "
            + pairedRatios(selfService, sameSettings)
            + " (goal >= 0.97)");
    System.out.println(
        "ratio control / plain with the same settings:      median "
            + pairedRatios(rates.get(contenders.get(2)), sameSettings)
            + " (two identical clients: the method's noise)");
    System.out.println(
        "ratio self-service / plain with Keycloak defaults: median "
            + pairedRatios(selfService, rates.get(contenders.get(3)))
            + " (the price of the refresh token the contract asks for)");
    System.out.println("server: " + server.baseUrl());
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

  /** Median of the per-round ratios a/b, with their range. */
  private static String pairedRatios(List<Double> a, List<Double> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    Collections.sort(ratios);
    int n = ratios.size();
    double median =
        n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    return String.format(
        Locale.ROOT, "%.3f (rounds: %.3f to %.3f)", median, ratios.get(0), ratios.get(n - 1));
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static String keycloakVersion() throws IOException {
    String home = System.getProperty("keycloak.home");
    Path version = home == null ? null : Path.of(home, "version.txt");
    return version != null && Files.exists(version)
        ? Files.readString(version).trim()
        : "(external)";
  }
}
