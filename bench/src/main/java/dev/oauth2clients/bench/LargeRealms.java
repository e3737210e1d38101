package dev.oauth2clients.bench;

/**
 * The realm of items 5 and 6: {@code bench.large.clients} (100,000) self-service clients, {@code
 * bench.large.own} (10) of them the measured user's, filled once in a database kept between runs
 * ({@link PopulatedRealm#keptOn}: 1,000 through the API, the rest copies of them): the H2 file
 * {@code bench/target/bench_large_<clients>/} and the PostgreSQL database {@code
 * bench_large_<clients>}. {@code -Dbench.large.fresh=true} throws them away and fills again.
 */
final class LargeRealms {

  static final int CLIENTS = Integer.getInteger("bench.large.clients", 100_000);
  static final int OWN = Integer.getInteger("bench.large.own", 10);
  static final boolean FRESH = Boolean.getBoolean("bench.large.fresh");

  /** The realm's name in its database. */
  static final String REALM = "large";

  private LargeRealms() {}

  /** The kept database's name: one per size, so that runs of another size do not mix with it. */
  static String databaseName() {
    return "bench_large_" + CLIENTS;
  }
}
