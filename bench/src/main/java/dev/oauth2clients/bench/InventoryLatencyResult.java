package dev.oauth2clients.bench;

/**
 * Item 6 on one database: the first page of the admin's inventory in a realm of many self-service
 * clients, filtered by owner, expiry and idleness (the contender) and plain (the baseline).
 *
 * @param ownerClients how many clients the filtered page listed
 */
record InventoryLatencyResult(
    String database, int clients, int ownerClients, LatencyComparison latency) {

  /** The goal: the first page answers within 200 ms at p95, filtered or not, at 100,000 clients. */
  static final double GOAL_P95_MILLIS = 200;

  LatencySummary plain() {
    return latency.baseline();
  }

  LatencySummary filtered() {
    return latency.contender();
  }

  boolean met(LatencySummary summary) {
    return summary.p95() <= GOAL_P95_MILLIS;
  }
}
