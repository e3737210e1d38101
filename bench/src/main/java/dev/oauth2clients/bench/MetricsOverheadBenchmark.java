package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.bench.GrantLoad.Contender;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Item 7, what metrics cost at the token endpoint: client_credentials grants per second of a
 * self-service client on a Keycloak started with {@code --metrics-enabled=true} against one on a
 * Keycloak started with {@code --metrics-enabled=false}, both running side by side (same
 * distribution and provider, each on a fresh H2 file of its own), in paired rounds of alternating
 * order (on, off, control, then the other way round). The control is a second self-service client
 * on the server without metrics: the method's noise, which here includes that of two servers.
 *
 * <p>{@code --metrics-enabled} is a build option: a start-dev server rebuilds its distribution when
 * it changes, so the server with metrics runs from a copy of the distribution ({@code
 * keycloak.home} + {@code -metrics}, made anew on every run so that it holds the provider just
 * built). Before the rounds the run reads the management interface's {@code /metrics} of both: the
 * one with metrics must serve it, the other must not; whether it lists the provider's {@code
 * oauth2_clients_token_grants_total} is printed, and its total after the rounds too.
 *
 * <p>Settings: {@code bench.threads} and {@code bench.seconds} as item 1; {@code
 * bench.metrics.warmup} seconds per client (150: the server with metrics runs from a freshly built
 * copy, and 60 s left its JIT still warming through the first rounds), {@code bench.metrics.rounds}
 * (30).
 */
final class MetricsOverheadBenchmark {

  static final String GRANTS_COUNTER = "oauth2_clients_token_grants_total";

  private final String databaseKind;
  private final int rounds = Integer.getInteger("bench.metrics.rounds", 30);
  private final Duration warmup =
      Duration.ofSeconds(Integer.getInteger("bench.metrics.warmup", 150));

  private String databaseVersion;

  MetricsOverheadBenchmark(String databaseKind) {
    this.databaseKind = databaseKind;
  }

  /** The servers' database, as the run's header names it; null before {@link #run}. */
  String databaseVersion() {
    return databaseVersion;
  }

  /** One server's side of the comparison: its load and its self-service clients. */
  private record Side(KeycloakServer server, TestRealm realm, GrantLoad load) {}

  /** A contender and the server it is sent to. */
  private record OnServer(Side side, Contender contender) {}

  MetricsOverheadResult run(String database) throws Exception {
    Path home = Path.of(System.getProperty("keycloak.home"));
    Path withMetricsHome = home.resolveSibling(home.getFileName() + "-metrics");
    copyDistribution(home, withMetricsHome);
    System.out.println();
    System.out.println("Starting Keycloak with " + databaseKind + ", --metrics-enabled=false …");
    KeycloakServer off =
        KeycloakServer.startWith(
            databaseKind, "metrics-off", home, List.of("--metrics-enabled=false"));
    KeycloakServer on = null;
    try {
      System.out.println("Starting Keycloak with " + databaseKind + ", --metrics-enabled=true …");
      on =
          KeycloakServer.startWith(
              databaseKind, "metrics-on", withMetricsHome, List.of("--metrics-enabled=true"));
      databaseVersion = Environment.databaseVersion(off) + " (each of item 7's two servers)";
      System.out.println("  off: " + off.baseUrl() + ", on: " + on.baseUrl());
      return measure(database, side(off), side(on));
    } finally {
      if (on != null) {
        on.stop();
      }
      off.stop();
      System.out.println("Stopped both servers and discarded their databases.");
    }
  }

  private MetricsOverheadResult measure(String database, Side off, Side on) throws Exception {
    String metricsOff = scrape(off.server());
    if (metricsOff != null) {
      throw new IllegalStateException(
          "the server started with --metrics-enabled=false serves /metrics");
    }
    String metricsBefore = scrape(on.server());
    if (metricsBefore == null) {
      throw new IllegalStateException(
          "the server started with --metrics-enabled=true serves no /metrics");
    }
    System.out.println(
        "  /metrics: served with metrics on, not served with them off; the provider's counters "
            + (metricsBefore.contains("oauth2_clients_")
                ? "are listed"
                : "are not listed before the first grant (they appear with their first count)"));

    List<OnServer> contenders =
        List.of(
            new OnServer(on, selfService(on, "self-service client, --metrics-enabled=true")),
            new OnServer(off, selfService(off, "self-service client, --metrics-enabled=false")),
            new OnServer(
                off, selfService(off, "control: a second client on the server without metrics")));
    for (OnServer contender : contenders) {
      contender.side().load().measure(contender.contender(), warmup);
    }
    Map<OnServer, List<Double>> perRound =
        AlternatingRounds.run(
            contenders,
            rounds,
            contender ->
                contender
                    .side()
                    .load()
                    .measure(contender.contender(), contender.side().load().round())
                    .rate());
    String metricsAfter = scrape(on.server());
    double counted = grantsCounted(metricsAfter);
    boolean providerCounters = metricsAfter != null && metricsAfter.contains("oauth2_clients_");

    List<ThroughputResult.Rate> rates = new ArrayList<>();
    for (OnServer contender : contenders) {
      rates.add(
          contender
              .side()
              .load()
              .rate(contender.contender(), perRound.get(contender), -1, Double.NaN));
    }
    MetricsOverheadResult result =
        new MetricsOverheadResult(database, rates, providerCounters, counted);
    report(result, on.load());
    return result;
  }

  private static Side side(KeycloakServer server) {
    TestRealm realm =
        TestRealm.createOn(
            server.baseUrl(),
            Map.of("oauth2-clients.enabled", "true"),
            representation -> {},
            "owner");
    return new Side(server, realm, new GrantLoad(realm.tokens().tokenUrl()));
  }

  private static Contender selfService(Side side, String label) {
    JsonNode created = side.realm().api("owner").createNamed(label);
    return GrantLoad.clientCredentials(
        label, created.get("client_id").asText(), created.get("client_secret").asText());
  }

  /** The server's {@code /metrics} text, or null where it serves none. */
  private static String scrape(KeycloakServer server) {
    try {
      HttpResult metrics = Http.send("GET", server.managementUrl() + "/metrics", Map.of(), null);
      return metrics.status() == 200 ? metrics.body() : null;
    } catch (RuntimeException notListening) {
      return null;
    }
  }

  /**
   * The sum of the provider's grant counters (every realm, grant type and outcome); NaN if none.
   */
  static double grantsCounted(String metrics) {
    if (metrics == null || !metrics.contains(GRANTS_COUNTER)) {
      return Double.NaN;
    }
    return metrics
        .lines()
        .filter(line -> line.startsWith(GRANTS_COUNTER))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** A fresh copy of the distribution at {@code home}, without its data directory. */
  private static void copyDistribution(Path home, Path copy) throws IOException {
    deleteRecursively(copy);
    try (Stream<Path> paths = Files.walk(home)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        Path relative = home.relativize(path);
        if (relative.startsWith("data")) {
          continue;
        }
        Path target = copy.resolve(relative.toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private void report(MetricsOverheadResult result, GrantLoad load) {
    load.heading("7. metrics at the token endpoint", result.database(), rounds, warmup);
    result.grants().forEach(ThroughputResult.Rate::print);
    result.ratios().forEach(JudgedRatio::print);
    System.out.println(
        Double.isNaN(result.grantsCounted())
            ? "the provider's " + GRANTS_COUNTER + " is not in /metrics"
            : Text.format(
                "the provider's %s after the rounds: %.0f (grants it counted on that server)",
                GRANTS_COUNTER, result.grantsCounted()));
  }
}
