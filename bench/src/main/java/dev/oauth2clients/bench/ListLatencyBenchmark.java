package dev.oauth2clients.bench;

import dev.oauth2clients.testsupport.ClientsApi;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;

/**
 * Item 3, list latency as the realm grows: {@code GET /realms/{realm}/oauth2-clients} by a user who
 * owns 10 clients, in a realm of 100 self-service clients and in one of 20,000, both on the same
 * server, one request at a time, alternating which realm goes first.
 *
 * <p>Settings: {@code bench.list.small} (100) and {@code bench.list.large} (20000) clients per
 * realm, {@code bench.list.own} (10) of them the measured user's, {@code bench.list.warmup} rounds
 * (50) and {@code bench.list.rounds} (500), one list per realm each; see {@link PopulatedRealm} for
 * how the realms are filled.
 */
final class ListLatencyBenchmark {

  private final BenchHttp http = new BenchHttp();
  private final String baseUrl;
  private final int smallRealm = Integer.getInteger("bench.list.small", 100);
  private final int largeRealm = Integer.getInteger("bench.list.large", 20_000);
  private final int own = Integer.getInteger("bench.list.own", 10);
  private final int warmupRounds = Integer.getInteger("bench.list.warmup", 50);
  private final int rounds = Integer.getInteger("bench.list.rounds", 500);

  ListLatencyBenchmark(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  ListLatencyResult run(String database) throws Exception {
    Text.heading(
        "3. list latency on %s: filling realms of %d and %d clients through the API",
        database, smallRealm, largeRealm);
    PopulatedRealm small = PopulatedRealm.create(baseUrl, smallRealm, own);
    PopulatedRealm large = PopulatedRealm.create(baseUrl, largeRealm, own);
    System.out.printf(
        Locale.ROOT,
        "  the %d-client realm took %d s to fill (%.1f creates/s with %s callers)%n",
        largeRealm,
        large.took().toSeconds(),
        large.createsPerSecond(),
        PopulatedRealm.THREADS);
    ListLatencyResult result =
        new ListLatencyResult(
            database,
            smallRealm,
            largeRealm,
            LatencyComparison.measure(
                lister(large), lister(small), warmupRounds, rounds, this::list),
            large.took(),
            large.createsPerSecond());
    report(result);
    return result;
  }

  /** The measured user's list request; checked once to hold exactly their clients. */
  private LatencyComparison.Named<HttpRequest> lister(PopulatedRealm populated) {
    ClientsApi api = populated.realm().api(PopulatedRealm.MEASURED_USER);
    int listed = api.list("").json().size();
    if (listed != own) {
      throw new IllegalStateException("the measured user should own " + own + ", lists " + listed);
    }
    return new LatencyComparison.Named<>(
        String.format(Locale.ROOT, "realm with %d clients", populated.clients()),
        BenchHttp.get(api.url(), Map.of("Authorization", "Bearer " + api.token())));
  }

  private double list(HttpRequest request) throws Exception {
    return http.millis(request, 200);
  }

  private void report(ListLatencyResult result) {
    System.out.printf(
        Locale.ROOT,
        "  list of a user's %d clients, %d rounds (after %d warm-up rounds):%n",
        own,
        rounds,
        warmupRounds);
    result
        .latency()
        .print(
            String.format(
                Locale.ROOT,
                "growth %d -> %d clients on %s",
                result.smallRealmClients(),
                result.largeRealmClients(),
                result.database()),
            ListLatencyResult.GOAL);
  }
}
