package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A realm of 100,000 clients would take hours to fill that way on a busy 2-core machine (9 to 20
 * creates per second measured while other work ran), so {@link #keptOn} makes 1,000 through the API
 * and the rest as copies of them in the database, once, in a database kept between runs, and finds
 * it there afterwards; a fill cut short is resumed where it stopped.
 */
final class PopulatedRealm {

  static final String MEASURED_USER = "measured-user";
  private static final int CLIENTS_PER_OWNER =
      Integer.getInteger("bench.list.clients-per-owner", 25);
  static final int THREADS = Integer.getInteger("bench.populate.threads", 3);

  /** How many clients of a kept realm are made through the API; the rest are copies. */
  static final int API_CLIENTS = Integer.getInteger("bench.large.api-clients", 1000);

  /**
   * Filling the biggest realm takes an hour or more; every owner's token and session must outlast
   * it (an owner signs in once, at their first create).
   */
  private static final int TOKEN_LIFESPAN_SECONDS = 36_000;

  private static final String CHEAP_PASSWORD_HASH =
      "hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";

  private final TestRealm realm;
  private final int clients;
  private final Duration took;
  private final double createsPerSecond;
  private final int keptClients;
  private final int copies;

  private PopulatedRealm(
      TestRealm realm,
      int clients,
      Duration took,
      double createsPerSecond,
      int keptClients,
      int copies) {
    this.realm = realm;
    this.clients = clients;
    this.took = took;
    this.createsPerSecond = createsPerSecond;
    this.keptClients = keptClients;
    this.copies = copies;
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
            PopulatedRealm::fillSettings,
            MEASURED_USER);
    double createsPerSecond = fill(realm, creators(clients, own), false);
    return new PopulatedRealm(
        realm, clients, Duration.ofNanos(System.nanoTime() - started), createsPerSecond, 0, 0);
  }

  /**
   * The realm {@code name} with {@code clients} self-service clients, {@code own} of them the
   * measured user's, on a server whose database is kept between runs: found there as an earlier run
   * left it, completed where that run's fill was cut short (counted in {@code database}), made and
   * filled where missing. The first {@code bench.large.api-clients} (1,000) are made through the
   * API like every client of {@link #create}; the rest are {@link ClientCopies} of those of the
   * other owners, row for row in the database (the measured user keeps exactly {@code own}).
   */
  static PopulatedRealm keptOn(
      String baseUrl, Database database, String name, int clients, int own, Server server)
      throws Exception {
    long started = System.nanoTime();
    TestRealm realm = TestRealm.existingOn(baseUrl, name);
    boolean existed = realm != null;
    if (!existed) {
      realm =
          TestRealm.createNamedOn(
              baseUrl,
              name,
              Map.of("oauth2-clients.enabled", "true"),
              PopulatedRealm::fillSettings,
              MEASURED_USER);
    }
    int kept = existed ? selfServiceClients(database, name) : 0;
    if (kept >= clients) {
      System.out.println(
          Text.format(
              "  kept realm %s: %d self-service clients, filled by an earlier run", name, kept));
      return new PopulatedRealm(
          realm, kept, Duration.ofNanos(System.nanoTime() - started), Double.NaN, kept, 0);
    }
    int throughApi = Math.min(clients, API_CLIENTS);
    System.out.println(
        Text.format(
            "  %s realm %s: %d self-service clients there; %d to make through the API, %d as"
                + " copies in the database",
            existed ? "kept" : "new",
            name,
            kept,
            Math.max(0, throughApi - kept),
            clients - Math.max(kept, throughApi)));
    double createsPerSecond = Double.NaN;
    if (kept < throughApi) {
      createsPerSecond = fill(realm, creators(throughApi, own).subList(kept, throughApi), existed);
    }
    int copies = clients - Math.max(kept, throughApi);
    if (copies > 0) {
      long copying = System.nanoTime();
      List<String> originals = originals(realm, database, name);
      ClientCopies.Copy[] first = new ClientCopies.Copy[1];
      if (server == null) {
        first[0] = ClientCopies.copy(database, name, originals, copies);
        // Keycloak cached what it had read before the copies existed.
        Admin.expect(204, realm.admin().call("POST", "/" + name + "/clear-realm-cache", null));
        Admin.expect(204, realm.admin().call("POST", "/" + name + "/clear-user-cache", null));
      } else {
        // Written while Keycloak is down: an H2 file is then opened in this JVM rather than
        // through Keycloak's, ten times faster, and no cache of Keycloak's holds the realm.
        System.out.println("  stopping Keycloak to write the copies into its database");
        baseUrl =
            server.restartAfter(
                () -> first[0] = ClientCopies.copy(database, name, originals, copies));
        realm = TestRealm.existingOn(baseUrl, name);
      }
      checkCopy(realm, first[0]);
      System.out.println(
          Text.format(
              "  %d copies made in %d s; one checked: it gets tokens with its own secret",
              copies, (System.nanoTime() - copying) / 1_000_000_000L));
    }
    int filled = selfServiceClients(database, name);
    if (filled != clients) {
      throw new IllegalStateException(
          "the realm holds " + filled + " self-service clients, not " + clients);
    }
    return new PopulatedRealm(
        realm,
        clients,
        Duration.ofNanos(System.nanoTime() - started),
        createsPerSecond,
        kept,
        Math.max(0, copies));
  }

  /** The server of a kept realm, which the fill may stop while it writes into its database. */
  interface Server {
    /** Stops the server, does the work, starts it again on the same database; its new URL. */
    String restartAfter(Work work) throws Exception;
  }

  /** Work done while the server is down. */
  interface Work {
    void run() throws Exception;
  }

  /** The clients made through the API that copies are made of: all but the measured user's. */
  private static List<String> originals(TestRealm realm, Database database, String name)
      throws SQLException {
    Set<String> measured = new HashSet<>();
    realm
        .api(MEASURED_USER)
        .list("")
        .json()
        .forEach(client -> measured.add(client.get("client_id").asText()));
    List<String> originals = new ArrayList<>();
    try (Connection db = database.connect();
        PreparedStatement query =
            db.prepareStatement(
                "select c.CLIENT_ID from OAUTH2_SELF_SERVICE_CLIENT c join REALM r on r.ID ="
                    + " c.REALM_ID where r.NAME = ? order by c.CREATED_AT")) {
      query.setString(1, name);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next() && originals.size() < API_CLIENTS) {
          if (!measured.contains(rows.getString(1))) {
            originals.add(rows.getString(1));
          }
        }
      }
    }
    return originals;
  }

  /** A copy is a working client: its own secret gets tokens, and the admin API finds it. */
  private static void checkCopy(TestRealm realm, ClientCopies.Copy copy) {
    Admin.expect(200, realm.tokens().clientCredentials(copy.clientId(), copy.secret()));
    if (realm.admin().findClient(realm.name(), copy.clientId()) == null) {
      throw new IllegalStateException("the admin API does not find the copy " + copy.clientId());
    }
  }

  /** The self-service clients the realm holds: the rows of the provider's table. */
  static int selfServiceClients(Database database, String realmName) throws SQLException {
    try (Connection db = database.connect();
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from OAUTH2_SELF_SERVICE_CLIENT c"
                    + " join REALM r on r.ID = c.REALM_ID where r.NAME = ?")) {
      count.setString(1, realmName);
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  private static void fillSettings(ObjectNode representation) {
    representation.put("accessTokenLifespan", TOKEN_LIFESPAN_SECONDS);
    representation.put("ssoSessionIdleTimeout", TOKEN_LIFESPAN_SECONDS);
    representation.put("ssoSessionMaxLifespan", TOKEN_LIFESPAN_SECONDS);
    // Hundreds of owners are created and signed in only to fill the realm; Keycloak's default
    // password hash (Argon2) would cost more CPU than their creates. No measured request checks a
    // password.
    representation.put("passwordPolicy", CHEAP_PASSWORD_HASH);
  }

  /**
   * Creates the owners (only those missing, where {@code resumed}) and then the clients, each by
   * its creator; the creates per second.
   */
  private static double fill(TestRealm realm, List<String> creators, boolean resumed)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      createOwners(realm, creators, pool, resumed);
      return createClients(realm, creators, pool);
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

  /** The clients an earlier run had left in a kept realm (0 for a new realm). */
  int keptClients() {
    return keptClients;
  }

  /**
   * How this run came by the realm, for the transcript and the tables, e.g. "kept from an earlier
   * run's fill" or "filled by this run: 1000 through the API (…), 99000 copies in the database".
   */
  String fill() {
    if (keptClients >= clients) {
      return Text.format("realm of %d clients kept from an earlier run's fill", clients);
    }
    int throughApi = clients - keptClients - copies;
    return Text.format(
        "realm filled by this run in %d s: %d clients through the API (%.1f creates/s with %d"
            + " callers), %d copies of them in the database%s",
        took.toSeconds(),
        throughApi,
        createsPerSecond,
        THREADS,
        copies,
        keptClients > 0 ? Text.format(", after %d kept from an earlier run", keptClients) : "");
  }

  /** Clients created per second while filling the realm, all callers together; NaN for none. */
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

  private static void createOwners(
      TestRealm realm, List<String> creators, ExecutorService pool, boolean resumed)
      throws Exception {
    List<Future<?>> created = new ArrayList<>();
    creators.stream()
        .distinct()
        .filter(owner -> !owner.equals(MEASURED_USER))
        .forEach(
            owner ->
                created.add(
                    pool.submit(
                        () -> {
                          if (!resumed || !realm.admin().userExists(realm.name(), owner)) {
                            realm.admin().createUser(realm.name(), owner, TestRealm.PASSWORD);
                          }
                        })));
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
