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
 * costs), 3 (list latency as the realm grows) and 8 (key-holding clients at the token endpoint) on
 * a server with each of them, one server at a time, each with a fresh database that is discarded
 * with it; items 5 (leak reports) and 6 (the admin's inventory) on a server with each of them whose
 * database, holding a realm of 100,000 clients, is kept between runs ({@link LargeRealms}); item 7
 * (metrics on against off) on two servers of its own side by side, with the first database. Prints
 * everything, writes the transcript and Markdown tables to {@code bench.results} and the chart to
 * {@code bench.chart} (where an item that ran has one).
 *
 * <p>Settings: {@code bench.items} (1,2,3,4,5,6,7,8) and {@code bench.databases} (h2,postgres);
 * each item has its own (see their classes). With {@code -Dkeycloak.url=…} items 1 to 6 and 8 run
 * once on that server (item 7 needs two servers of its own).
 */
public final class BenchmarkSuite {

  private final Set<String> items =
      Set.of(System.getProperty("bench.items", "1,2,3,4,5,6,7,8").split(","));
  private final List<String> databases =
      List.of(System.getProperty("bench.databases", "h2,postgres").split(","));

  private final List<String> databaseVersions = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<ListLatencyResult> lists = new ArrayList<>();
  private final List<ThroughputResult> throughputs = new ArrayList<>();
  private final List<ChosenRolesResult> chosenRoles = new ArrayList<>();
  private final List<RevocationLatencyResult> revocations = new ArrayList<>();
  private final List<InventoryLatencyResult> inventories = new ArrayList<>();
  private final List<MetricsOverheadResult> metrics = new ArrayList<>();
  private final List<KeyClientThroughputResult> keyClients = new ArrayList<>();
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
      System.out.println("transcript: " + transcript.toAbsolutePath().normalize());
      if (BenchmarkChart.write(results, chart)) {
        System.out.println("chart: " + chart.toAbsolutePath().normalize());
      } else {
        System.out.println("chart: none (items 5 to 8 have none; " + chart + " is left as it was)");
      }
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
      KeycloakServer server = KeycloakServer.get();
      runItems(server, "external", items);
      runOnLargeRealm(server, "external", items, null);
      if (items.contains("7")) {
        notes.add("item 7 starts two servers of its own: not run against -Dkeycloak.url");
      }
    } else {
      for (int i = 0; i < databases.size(); i++) {
        // Items 2 and 4 compare contenders on one server; items 1, 3, 5, 6 and 8 run on every
        // database.
        Set<String> here = i == 0 ? items : without(items, "2", "4");
        Set<String> fresh = without(here, "5", "6", "7");
        if (!fresh.isEmpty()) {
          runOnFreshServer(databases.get(i), fresh);
        }
        if (here.contains("5") || here.contains("6")) {
          runOnKeptServer(databases.get(i), here);
        }
      }
      if (items.contains("7")) {
        printLoad();
        MetricsOverheadBenchmark item7 = new MetricsOverheadBenchmark(databases.get(0));
        metrics.add(item7.run(label(databases.get(0))));
        databaseVersions.add(item7.databaseVersion());
        printLoad();
      }
    }
    return new SuiteResults(
        environment,
        databaseVersions,
        throughputs,
        create,
        lists,
        chosenRoles,
        revocations,
        inventories,
        metrics,
        keyClients,
        notes,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private void runOnFreshServer(String database, Set<String> here) throws Exception {
    if (postgresMissing(database)) {
      return;
    }
    System.out.println();
    System.out.println("Starting Keycloak with " + database + " …");
    KeycloakServer server = KeycloakServer.startWith(database);
    try {
      databaseVersions.add(Environment.databaseVersion(server));
      System.out.println(
          "  " + server.baseUrl() + ", " + databaseVersions.get(databaseVersions.size() - 1));
      runItems(server, label(database), here);
    } finally {
      server.stop();
      System.out.println("Stopped the " + database + " server and discarded its database.");
    }
  }

  /** Items 5 and 6 on a server whose database, with the large realm, is kept between runs. */
  private void runOnKeptServer(String database, Set<String> here) throws Exception {
    if (postgresMissing(database)) {
      return;
    }
    System.out.println();
    System.out.println(
        "Starting Keycloak with the kept "
            + database
            + " database "
            + LargeRealms.databaseName()
            + (LargeRealms.FRESH ? " (emptied first: -Dbench.large.fresh=true)" : "")
            + " …");
    KeycloakServer[] server = {
      KeycloakServer.startKept(database, LargeRealms.databaseName(), LargeRealms.FRESH)
    };
    try {
      databaseVersions.add(Environment.databaseVersion(server[0]));
      System.out.println(
          "  " + server[0].baseUrl() + ", " + databaseVersions.get(databaseVersions.size() - 1));
      PopulatedRealm.Server restartable =
          work -> {
            server[0].stop();
            work.run();
            System.out.println("  starting Keycloak again on the kept database …");
            server[0] = KeycloakServer.startKept(database, LargeRealms.databaseName(), false);
            return server[0].baseUrl();
          };
      runOnLargeRealm(server[0], label(database), here, restartable);
    } finally {
      server[0].stop();
      System.out.println("Stopped the " + database + " server; its database is kept.");
    }
  }

  private void runOnLargeRealm(
      KeycloakServer server,
      String databaseLabel,
      Set<String> here,
      PopulatedRealm.Server restartable)
      throws Exception {
    if (!here.contains("5") && !here.contains("6")) {
      return;
    }
    printLoad();
    Text.heading(
        "the large realm on %s: %d self-service clients, %d of them the measured user's",
        databaseLabel, LargeRealms.CLIENTS, LargeRealms.OWN);
    PopulatedRealm large =
        PopulatedRealm.keptOn(
            server.baseUrl(),
            server.database(),
            LargeRealms.REALM,
            LargeRealms.CLIENTS,
            LargeRealms.OWN,
            restartable);
    System.out.println("  " + large.fill());
    if (here.contains("5")) {
      printLoad();
      revocations.add(new RevocationLatencyBenchmark().run(large, databaseLabel));
    }
    if (here.contains("6")) {
      printLoad();
      InventoryLatencyResult inventory =
          new InventoryLatencyBenchmark().run(large, databaseLabel, notes);
      if (inventory != null) {
        inventories.add(inventory);
      }
    }
    printLoad();
  }

  /** Whether {@code database} is PostgreSQL and cannot be reached; says so where it cannot. */
  private boolean postgresMissing(String database) {
    if (!database.equals("postgres")) {
      return false;
    }
    Optional<String> unavailable = KeycloakServer.postgresUnavailable();
    if (unavailable.isPresent()) {
      System.out.println();
      System.out.println(unavailable.get());
      if (!notes.contains(unavailable.get())) {
        notes.add(unavailable.get());
      }
      return true;
    }
    return false;
  }

  private static String label(String database) {
    return database.equals("h2") ? "H2" : "PostgreSQL";
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
    if (here.contains("8")) {
      printLoad();
      keyClients.add(new KeyClientThroughputBenchmark(server.baseUrl()).run(databaseLabel));
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
