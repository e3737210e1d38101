package dev.oauth2clients.bench;

import dev.oauth2clients.testsupport.KeycloakServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The benchmark run ({@code mvn -Pbench -pl bench -am verify}): items 2 (create latency) and 4
 * (chosen roles at the token endpoint, computed from caches) on a server with the first database of
 * {@code bench.databases}, items 1 (token endpoint, where the database decides what a session
 * costs) and 3 (list latency as the realm grows) on a server with each of them, one server at a
 * time, each with a fresh database that is discarded with it. Prints everything, writes the
 * transcript and Markdown tables to {@code bench.results} and the chart to {@code bench.chart}.
 *
 * <p>Settings: {@code bench.items} (1,2,3,4) and {@code bench.databases} (h2,postgres); each item
 * has its own (see their classes). With {@code -Dkeycloak.url=…} all items run once on that server.
 */
public final class BenchmarkSuite {

  private final Set<String> items = Set.of(System.getProperty("bench.items", "1,2,3,4").split(","));
  private final List<String> databases =
      List.of(System.getProperty("bench.databases", "h2,postgres").split(","));

  private final List<String> databaseVersions = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<ListLatencyResult> lists = new ArrayList<>();
  private final List<ThroughputResult> throughputs = new ArrayList<>();
  private final List<ChosenRolesResult> chosenRoles = new ArrayList<>();
  private CreateLatencyResult create;

  public static void main(String[] args) throws Exception {
    // The chart is drawn in the Maven JVM; there is no display.
    System.setProperty("java.awt.headless", "true");
    Path transcript = Path.of(System.getProperty("bench.results", "target/benchmark-results.txt"));
    Path chart = Path.of(System.getProperty("bench.chart", "../docs/benchmarks.png"));
    long started = System.nanoTime();
    try (Transcript ignored = Transcript.teeTo(transcript)) {
      SuiteResults results = new BenchmarkSuite().run(started);
      String markdown = ResultsMarkdown.render(results);
      System.out.println();
      System.out.println("Markdown for docs/BENCHMARKS.md:");
      System.out.println();
      System.out.println(markdown);
      Files.writeString(transcript.resolveSibling("benchmark-results.md"), markdown);
      BenchmarkChart.write(results, chart);
      System.out.println("transcript: " + transcript.toAbsolutePath().normalize());
      System.out.println("chart: " + chart.toAbsolutePath().normalize());
    }
  }

  private SuiteResults run(long started) throws Exception {
    Environment environment = Environment.ofThisMachine();
    System.out.println(
        "Benchmarks of "
            + OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES)
            + " on "
            + environment);
    String external = System.getProperty("keycloak.url");
    if (external != null) {
      runItems(KeycloakServer.get(), "external", items);
    } else {
      for (int i = 0; i < databases.size(); i++) {
        // Items 2 and 4 compare contenders on one server; items 1 and 3 run on every database.
        Set<String> here = i == 0 ? items : without(items, "2", "4");
        if (!here.isEmpty()) {
          runOnFreshServer(databases.get(i), here);
        }
      }
    }
    return new SuiteResults(
        environment,
        databaseVersions,
        throughputs,
        create,
        lists,
        chosenRoles,
        notes,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void runOnFreshServer(String database, Set<String> here) throws Exception {
    if (database.equals("postgres")) {
      Optional<String> unavailable = KeycloakServer.postgresUnavailable();
      if (unavailable.isPresent()) {
        System.out.println();
        System.out.println(unavailable.get());
        notes.add(unavailable.get());
        return;
      }
    }
    System.out.println();
    System.out.println("Starting Keycloak with " + database + " …");
    KeycloakServer server = KeycloakServer.startWith(database);
    try {
      databaseVersions.add(Environment.databaseVersion(server));
      System.out.println(
          "  " + server.baseUrl() + ", " + databaseVersions.get(databaseVersions.size() - 1));
      runItems(server, database.equals("h2") ? "H2" : "PostgreSQL", here);
    } finally {
      server.stop();
      System.out.println("Stopped the " + database + " server and discarded its database.");
    }
  }

  private void runItems(KeycloakServer server, String databaseLabel, Set<String> here)
      throws Exception {
    if (here.contains("1")) {
      printLoad();
      throughputs.add(
          new TokenThroughputBenchmark(server.baseUrl(), server.database()).run(databaseLabel));
    }
    if (here.contains("2")) {
      printLoad();
      create = new CreateLatencyBenchmark(server.baseUrl()).run();
    }
    if (here.contains("3")) {
      printLoad();
      lists.add(new ListLatencyBenchmark(server.baseUrl()).run(databaseLabel));
    }
    if (here.contains("4")) {
      printLoad();
      chosenRoles.add(new ChosenRolesBenchmark(server.baseUrl()).run(databaseLabel));
    }
    printLoad();
  }

  private static Set<String> without(Set<String> items, String... left) {
    Set<String> rest = new HashSet<>(items);
    rest.removeAll(List.of(left));
    return rest;
  }

  /** Printed between items: a load above the core count means other work shared the machine. */
  private static void printLoad() {
    System.out.printf(
        Locale.ROOT,
        "(load average %.1f on %d cores)%n",
        Environment.loadAverage(),
        Runtime.getRuntime().availableProcessors());
  }
}
