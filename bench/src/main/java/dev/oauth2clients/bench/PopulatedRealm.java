package dev.oauth2clients.bench;

import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A realm holding a given number of self-service clients, made the way its users make them: each
 * owner signs in and creates their clients through this API, so every client is a complete Keycloak
 * client (service account, audience mapper, scopes) with its row in the provider's table. One user,
 * the one whose list is measured, owns a few; other users own the rest, {@code
 * bench.list.clients-per-owner} each (25, the default quota). Clients are created round-robin over
 * the owners, so that one owner's clients lie scattered among everyone's, as they would after years
 * of use, and by {@code bench.populate.threads} (3) callers at once.
 *
 * <p>Why not a realm import: Keycloak imports a realm in one transaction, and Hibernate's automatic
 * flush before each query walks every entity loaded so far, so the time per client grows with the
 * number of clients. Measured on this machine: 300 clients took 90 to 200 s and 1,000 hit the
 * 5-minute transaction timeout, against 20 to 50 creates per second through this API.
 */
final class PopulatedRealm {

  static final String MEASURED_USER = "measured-user";
  private static final int CLIENTS_PER_OWNER =
      Integer.getInteger("bench.list.clients-per-owner", 25);
  static final int THREADS = Integer.getInteger("bench.populate.threads", 3);
  private static final int TOKEN_LIFESPAN_SECONDS = 3600;
  private static final String CHEAP_PASSWORD_HASH =
      "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";

  private final TestRealm realm;
  private final int clients;
  private final Duration took;
  private final double createsPerSecond;

  private PopulatedRealm(TestRealm realm, int clients, Duration took, double createsPerSecond) {
    this.realm = realm;
    this.clients = clients;
    this.took = took;
    this.createsPerSecond = createsPerSecond;
  }

  /**
   * A new realm on the server with {@code clients} self-service clients, {@code own} of them the
   * measured user's.
   */
  static PopulatedRealm create(String baseUrl, int clients, int own) throws Exception {
    long started = System.nanoTime();
    TestRealm realm =
        TestRealm.createOn(
            baseUrl,
            Map.of("oauth2-clients.enabled", "true"),
            representation -> {
              // Filling the big realm takes minutes; every owner's token must outlast it.
              representation.put("accessTokenLifespan", TOKEN_LIFESPAN_SECONDS);
              // Hundreds of owners are created and signed in only to fill the realm; Keycloak's
              // default password hash (Argon2) would cost more CPU than their creates. No measured
              // request checks a password.
              representation.put("passwordPolicy", CHEAP_PASSWORD_HASH);
            },
            MEASURED_USER);
    List<String> creators = creators(clients, own);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      createOwners(realm, creators, pool);
      double createsPerSecond = createClients(realm, creators, pool);
      return new PopulatedRealm(
          realm, clients, Duration.ofNanos(System.nanoTime() - started), createsPerSecond);
    } finally {
      pool.shutdownNow();
    }
  }

  TestRealm realm() {
    return realm;
  }

  int clients() {
    return clients;
  }

  Duration took() {
    return took;
  }

  /** Clients created per second while filling the realm, all callers together. */
  double createsPerSecond() {
    return createsPerSecond;
  }

  /**
   * Who creates each client, in order: the other owners round-robin, with the measured user's
   * creates spread evenly among them.
   */
  private static List<String> creators(int clients, int own) {
    int others = clients - own;
    int owners = (others + CLIENTS_PER_OWNER - 1) / CLIENTS_PER_OWNER;
    List<String> creators = new ArrayList<>();
    for (int i = 0; i < others; i++) {
      creators.add(String.format(Locale.ROOT, "owner-%05d", i % owners));
    }
    for (int i = 0; i < own; i++) {
      creators.add((int) ((long) i * clients / own), MEASURED_USER);
    }
    return creators;
  }

  private static void createOwners(TestRealm realm, List<String> creators, ExecutorService pool)
      throws Exception {
    List<Future<?>> created = new ArrayList<>();
    creators.stream()
        .distinct()
        .filter(owner -> !owner.equals(MEASURED_USER))
        .forEach(
            owner ->
                created.add(
                    pool.submit(
                        () -> realm.admin().createUser(realm.name(), owner, TestRealm.PASSWORD))));
    for (Future<?> user : created) {
      user.get();
    }
  }

  /** Creates the clients and returns how many per second. */
  private static double createClients(TestRealm realm, List<String> creators, ExecutorService pool)
      throws Exception {
    Map<String, ClientsApi> apis = new ConcurrentHashMap<>();
    FillProgress progress = new FillProgress(creators.size());
    long started = System.nanoTime();
    List<Future<?>> created = new ArrayList<>();
    for (int i = 0; i < creators.size(); i++) {
      String owner = creators.get(i);
      int number = i;
      created.add(
          pool.submit(
              () -> {
                ClientsApi api = apis.computeIfAbsent(owner, realm::api);
                HttpResult result =
                    api.create(
                        Map.of(
                            "client_name",
                            "app " + number + " of " + owner,
                            "redirect_uris",
                            List.of("https://" + owner + ".example.com/callback/" + number)));
                if (result.status() != 201) {
                  throw new IllegalStateException("create for " + owner + ": " + result);
                }
                progress.oneMore();
              }));
    }
    for (Future<?> client : created) {
      client.get();
    }
    return creators.size() / ((System.nanoTime() - started) / 1e9);
  }
}
