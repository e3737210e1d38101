package dev.oauth2clients.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tables and the chart from made-up numbers: they render, and goals are judged both ways. */
class ReportTest {

  private static final SuiteResults RESULTS =
      new SuiteResults(
          new Environment("Keycloak 26.7.3", 2, 23.5, "OpenJDK 17", "Linux"),
          List.of("H2 2.4.240", "PostgreSQL 15.20"),
          List.of(
              throughput("H2", 0.96, 1.3, 1, 4_000),
              throughput("PostgreSQL", 0.93, 1.05, 3, 40_000)),
          new CreateLatencyResult(
              new LatencyComparison(
                  new LatencySummary("this API", 300, 40.1, 61.2),
                  new LatencySummary("Keycloak DCR", 300, 45.3, 70.4))),
          List.of(
              listResult("H2", 12.0, 14.0, 12.5, 15.0),
              listResult("PostgreSQL", 10.0, 12.0, 16.0, 19.0)),
          List.of(chosenRoles("H2", 0.97, 0.98), chosenRoles("PostgreSQL", 0.94, 1.02)),
          List.of(revocations("H2", 33.0, 36.5), revocations("PostgreSQL", 48.0, 55.0)),
          List.of(inventory("H2", 40.0, 120.0), inventory("PostgreSQL", 90.0, 240.0)),
          List.of(metrics(0.99), metrics(0.95)),
          List.of(keyClients(0.97, 1.01), keyClients(0.93, 0.99)),
          List.of(),
          Duration.ofMinutes(27));

  private static RevocationLatencyResult revocations(
      String database, double missesP95, double hitsP95) {
    return new RevocationLatencyResult(
        database,
        100_000,
        3,
        new LatencyComparison(
            new LatencySummary("3 live secrets among 100", 300, 32.0, hitsP95),
            new LatencySummary("100 misses (well-formed)", 300, 31.0, missesP95)),
        "realm of 100000 clients kept from an earlier run's fill");
  }

  private static InventoryLatencyResult inventory(
      String database, double plainP95, double filteredP95) {
    return new InventoryLatencyResult(
        database,
        100_000,
        10,
        new LatencyComparison(
            new LatencySummary("owner=measured-user&never_expires=true", 300, 20.0, filteredP95),
            new LatencySummary("first page, max=100", 300, 30.0, plainP95)));
  }

  /** Item 7's three clients with the same grants in every round, so that the ratio is as given. */
  private static MetricsOverheadResult metrics(double onVsOff) {
    return new MetricsOverheadResult(
        "H2",
        List.of(
            new ThroughputResult.Rate(
                "on", 600 * onVsOff, List.of(600 * onVsOff), 10_000, -1, Double.NaN),
            new ThroughputResult.Rate("off", 600, List.of(600.0), 10_000, -1, Double.NaN),
            new ThroughputResult.Rate("control", 606, List.of(606.0), 10_000, -1, Double.NaN)),
        true,
        30_000);
  }

  /** Rates whose single round gives the two goal ratios exactly. */
  private static KeyClientThroughputResult keyClients(double keyRatio, double secretRatio) {
    return new KeyClientThroughputResult(
        "H2",
        List.of(
            new ThroughputResult.Rate(
                "key", 500 * keyRatio, List.of(500 * keyRatio), 9_000, -1, Double.NaN),
            new ThroughputResult.Rate("plain key", 500, List.of(500.0), 9_000, -1, Double.NaN),
            new ThroughputResult.Rate(
                "secret", 600 * secretRatio, List.of(600 * secretRatio), 9_000, -1, Double.NaN),
            new ThroughputResult.Rate("plain secret", 600, List.of(600.0), 9_000, -1, Double.NaN)));
  }

  private static ThroughputResult throughput(
      String database, double vsDefaults, double vsRefreshOn, long sessions, double selfGrowth) {
    return new ThroughputResult(
        database,
        List.of(
            rate("self-service", 600, sessions, selfGrowth),
            rate("refresh on", 460, 40_000, 4_000_000),
            rate("control", 465, 40_500, 4_100_000),
            rate("defaults", 620, 0, 3_000)),
        List.of(
            rate("self-service refresh", 700, -1, Double.NaN),
            rate("plain refresh", 710, -1, Double.NaN)),
        new PairedRatio(vsDefaults, vsDefaults - 0.05, vsDefaults + 0.05),
        new PairedRatio(vsRefreshOn, vsRefreshOn - 0.1, vsRefreshOn + 0.1),
        new PairedRatio(1.01, 0.95, 1.05),
        new PairedRatio(0.99, 0.9, 1.1),
        12.0);
  }

  private static ThroughputResult.Rate rate(
      String label, double mean, long sessions, double bytesPer1000) {
    return new ThroughputResult.Rate(
        label, mean, List.of(mean - 10, mean + 10), 40_000, sessions, bytesPer1000);
  }

  private static final String EIGHT = "5 realm + 3 client roles";

  /** Item 4's clients with the same grants in every round, so that each ratio is as given. */
  private static ChosenRolesResult chosenRoles(String database, double vsWithout, double vsPlain) {
    double withRoles = 582;
    return new ChosenRolesResult(
        database,
        List.of(
            carrying(EIGHT, "8 roles", withRoles, 1),
            carrying("none", "no roles", withRoles / vsWithout, 1),
            carrying(EIGHT, "plain, same roles", withRoles / vsPlain, 0),
            carrying(EIGHT, "control", withRoles * 0.99, 1)));
  }

  private static ChosenRolesResult.Carrying carrying(
      String roles, String label, double perRound, long sessions) {
    return new ChosenRolesResult.Carrying(
        roles,
        new ThroughputResult.Rate(
            label, perRound, List.of(perRound, perRound), 40_000, sessions, Double.NaN));
  }

  private static ListLatencyResult listResult(
      String database, double smallP50, double smallP95, double largeP50, double largeP95) {
    return new ListLatencyResult(
        database,
        100,
        20_000,
        new LatencyComparison(
            new LatencySummary("realm with 20000 clients", 500, largeP50, largeP95),
            new LatencySummary("realm with 100 clients", 500, smallP50, smallP95)),
        Duration.ofSeconds(300),
        66.6);
  }

  @Test
  void markdownJudgesEachGoalFromTheNumbers() {
    String markdown = ResultsMarkdown.render(RESULTS);
    assertTrue(
        markdown.contains(
            "| self-service / plain with Keycloak defaults (no refresh token) | 0.960 | 0.910–1.010"
                + " | ≥ 0.95 | met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| self-service / plain with Keycloak defaults (no refresh token) | 0.930 | 0.880–0.980"
                + " | ≥ 0.95 | not met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| self-service / plain with refresh tokens on | 1.050 | 0.950–1.150 | >"
                + " 1.10 | not met |"),
        markdown);
    assertTrue(
        markdown.contains("| sessions held by the self-service client | 1 |  | ≤ 1 | met |"),
        markdown);
    assertTrue(
        markdown.contains("| sessions held by the self-service client | 3 |  | ≤ 1 | not met |"),
        markdown);
    assertTrue(
        markdown.contains("| 3.9 KB |  | ≤ twice the no-refresh client's, or ≤ 16.0 KB | met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| 39.1 KB |  | ≤ twice the no-refresh client's, or ≤ 16.0 KB | not met |"),
        markdown);
    assertTrue(markdown.contains("goal ≤ 1.0: met at p50, met at p95"), markdown);
    assertTrue(markdown.contains("| H2 | 20000 | 12.5 | 15.0 | **1.042** | **1.071** | met |"));
    assertTrue(
        markdown.contains(
            "| PostgreSQL | 20000 | 16.0 | 19.0 | **1.600** | **1.583** | not met |"));
    assertTrue(
        markdown.contains("| 8 roles | 5 realm + 3 client roles | 582.0 | 40000 | 1 |"), markdown);
    assertTrue(
        markdown.contains(
            "| self-service with chosen roles / without | 0.970 | 0.970–0.970 | ≥ 0.95 | met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| self-service with chosen roles / plain Keycloak client with the same roles | 0.980"
                + " | 0.980–0.980 | ≥ 1.00 | not met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| self-service with chosen roles / without | 0.940 | 0.940–0.940 | ≥ 0.95 | not met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| self-service with chosen roles / plain Keycloak client with the same roles | 1.020"
                + " | 1.020–1.020 | ≥ 1.00 | met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| H2 | 100000 | 100 misses (well-formed) | 31.0 | **33.0** | met | 300 |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| PostgreSQL | 100000 | 3 live secrets among 100 | 32.0 | **55.0** | not met | 300 |"),
        markdown);
    assertTrue(
        markdown.contains("| H2 | 100000 | `first page, max=100` | 100 | 30.0 | **40.0** | met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| PostgreSQL | 100000 | `owner=measured-user&never_expires=true` | 10 | 20.0 |"
                + " **240.0** | not met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| --metrics-enabled=true / false | 0.990 | 0.990–0.990 | ≥ 0.97 | met |"),
        markdown);
    assertTrue(
        markdown.contains(
            "| --metrics-enabled=true / false | 0.950 | 0.950–0.950 | ≥ 0.97 | not met |"),
        markdown);
  }

  @Test
  void keyClientGoalsAreJudgedOnBothAuthenticators() {
    String markdown = ResultsMarkdown.render(RESULTS);
    assertTrue(
        markdown.contains("| private_key_jwt: self-service / plain client-jwt | 0.970 |"),
        markdown);
    assertTrue(
        markdown.contains("| private_key_jwt: self-service / plain client-jwt | 0.930 |"),
        markdown);
    assertTrue(RESULTS.keyClients().get(0).met());
    assertFalse(RESULTS.keyClients().get(1).met(), "0.93 for keys is below the goal");
  }

  @Test
  void providerGrantCountersAreSummedFromPrometheusText() {
    String metrics =
        "# TYPE oauth2_clients_token_grants_total counter\n"
            + "oauth2_clients_token_grants_total{grant_type=\"client_credentials\",outcome=\"success\","
            + "realm=\"a\"} 1200.0\n"
            + "oauth2_clients_token_grants_total{grant_type=\"refresh_token\",outcome=\"refused\","
            + "realm=\"a\"} 3.0\n"
            + "oauth2_clients_operations_total{operation=\"create\",outcome=\"success\",realm=\"a\"}"
            + " 2.0\n";
    assertEquals(1203.0, MetricsOverheadBenchmark.grantsCounted(metrics));
    assertTrue(Double.isNaN(MetricsOverheadBenchmark.grantsCounted("jvm_threads 3.0\n")));
  }

  @Test
  void chartIsWritten() throws Exception {
    Path png = Path.of("target", "chart-of-made-up-numbers.png");
    System.setProperty("java.awt.headless", "true");
    BenchmarkChart.write(RESULTS, png);
    assertTrue(Files.size(png) > 10_000);
  }
}
