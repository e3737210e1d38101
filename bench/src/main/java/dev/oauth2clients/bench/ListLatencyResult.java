package dev.oauth2clients.bench;

import java.time.Duration;

/**
 * Item 3 on one database: listing one user's clients in a large realm (the contender) against a
 * small one (the baseline).
 *
 * @param fillTime how long making the large realm took (users, sign-ins and creates)
 * @param createsPerSecond the rate at which its clients were created through this API
 */
record ListLatencyResult(
    String database,
    int smallRealmClients,
    int largeRealmClients,
    LatencyComparison latency,
    Duration fillTime,
    double createsPerSecond) {

  /** The goal: the list of a user's own clients barely slows as the realm grows. */
  static final double GOAL = 1.5;

  LatencySummary small() {
    return latency.baseline();
  }

  LatencySummary large() {
    return latency.contender();
  }
}
