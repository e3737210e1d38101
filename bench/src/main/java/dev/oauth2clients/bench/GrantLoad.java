package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import dev.oauth2clients.testsupport.TokenEndpoint;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Grants sent to Keycloak's token endpoint as fast as it answers, by items 1 and 4: every contender
 * in turn from {@code bench.threads} threads (4), in periods of {@code bench.seconds} (8) once
 * warmed up, every answer checked to be 200. Counts each contender's grants, warm-up included.
 */
final class GrantLoad {

  /**
   * A client and the forms it sends to the token endpoint: the same one every time, or, for a
   * client that signs a fresh assertion per grant, a new one from each call.
   */
  record Contender(String label, String clientId, Supplier<String> forms) {

    Contender(String label, String clientId, String form) {
      this(label, clientId, () -> form);
    }
  }

  /** Requests answered 200 in one period, and their rate. */
  record Period(long requests, double rate) {}

  private final BenchHttp http = new BenchHttp();
  private final String tokenUrl;
  private final int threads = Integer.getInteger("bench.threads", 4);
  private final Duration round = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
  private final Map<Contender, Long> sent = new HashMap<>();

  GrantLoad(String tokenUrl) {
    this.tokenUrl = tokenUrl;
  }

  int threads() {
    return threads;
  }

  Duration round() {
    return round;
  }

  /** The heading of an item's results: how its grants were sent. */
  void heading(String item, String database, int rounds, Duration warmupEach) {
    Text.heading(
        "%s on %s: %d threads, %d rounds x %d s (after %d s warm-up each)",
        item, database, threads, rounds, round.toSeconds(), warmupEach.toSeconds());
    System.out.println("client_credentials grants:");
  }

  /**
   * Warms every contender up for {@code warmupEach}, one after the other, then measures them in
   * rounds of alternating order: each contender's rate in each round.
   */
  Map<Contender, List<Double>> warmUpThenAlternate(
      List<Contender> contenders, Duration warmupEach, int rounds) throws Exception {
    for (Contender contender : contenders) {
      measure(contender, warmupEach);
    }
    return AlternatingRounds.run(contenders, rounds, contender -> measure(contender, round).rate());
  }

  /**
   * Sends the contender's form from every thread until the period ends; each answer must be 200.
   */
  Period measure(Contender contender, Duration period) throws Exception {
    long deadline = System.nanoTime() + period.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> workers = new ArrayList<>();
      long started = System.nanoTime();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> grantsUntil(contender, deadline)));
      }
      long requests = 0;
      for (Future<Long> worker : workers) {
        requests += worker.get();
      }
      synchronized (sent) {
        sent.merge(contender, requests, Long::sum);
      }
      return new Period(requests, requests / ((System.nanoTime() - started) / 1e9));
    } finally {
      pool.shutdownNow();
    }
  }

  private long grantsUntil(Contender contender, long deadline)
      throws IOException, InterruptedException {
    long grants = 0;
    while (System.nanoTime() < deadline) {
      http.send(
          BenchHttp.post(
              tokenUrl, Map.of(), "application/x-www-form-urlencoded", contender.forms().get()),
          200);
      grants++;
    }
    return grants;
  }

  /**
   * The contender's result: the mean of its rounds, each round, and every grant it was sent so far;
   * {@code sessions} -1 and {@code bytesPer1000} NaN where not measured.
   */
  ThroughputResult.Rate rate(
      Contender contender, List<Double> perRound, long sessions, double bytesPer1000) {
    long requests;
    synchronized (sent) {
      requests = sent.getOrDefault(contender, 0L);
    }
    return new ThroughputResult.Rate(
        contender.label(), Percentiles.mean(perRound), perRound, requests, sessions, bytesPer1000);
  }

  /** A client_credentials contender with client_secret_post. */
  static Contender clientCredentials(String label, String clientId, String secret) {
    return new Contender(
        label, clientId, Http.encodeForm(TokenEndpoint.clientCredentialsForm(clientId, secret)));
  }

  /**
   * Creates a plain Keycloak confidential client with a service account and {@code
   * fullScopeAllowed} off, the kind items 1 and 4 compare against, with the given client
   * attributes; its internal id.
   */
  static String createPlainClient(
      TestRealm realm, String clientId, String secret, Map<String, String> attributes) {
    ObjectNode client = Json.object();
    client.put("clientId", clientId);
    client.put("secret", secret);
    client.put("publicClient", false);
    client.put("serviceAccountsEnabled", true);
    client.put("fullScopeAllowed", false);
    attributes.forEach(client.putObject("attributes")::put);
    realm.admin().createClient(realm.name(), client);
    return realm.admin().findClient(realm.name(), clientId).get("id").asText();
  }

  /** Sessions Keycloak holds per client, as the admin console's Sessions tab counts them. */
  static Map<String, Long> sessionsHeld(TestRealm realm, List<Contender> contenders) {
    Map<String, Long> sessions = new HashMap<>();
    for (Contender contender : contenders) {
      sessions.put(
          contender.clientId(),
          (long) realm.admin().sessionCount(realm.name(), contender.clientId()));
    }
    return sessions;
  }
}
