package dev.oauth2clients.bench;

/**
 * Item 5 on one database: leak reports of 100 well-formed strings in a realm of many self-service
 * clients, all misses (the baseline) and with a few live secrets among them (the contender).
 *
 * @param hitsPerReport how many live secrets each report of the contender carried
 * @param fill how the run came by its realm ({@link PopulatedRealm#fill()})
 */
record RevocationLatencyResult(
    String database, int clients, int hitsPerReport, LatencyComparison latency, String fill) {

  /** The goal: a report of 100 strings answers within 50 ms at p95, at 100,000 clients. */
  static final double GOAL_P95_MILLIS = 50;

  LatencySummary misses() {
    return latency.baseline();
  }

  LatencySummary hits() {
    return latency.contender();
  }

  boolean met(LatencySummary summary) {
    return summary.p95() <= GOAL_P95_MILLIS;
  }
}
