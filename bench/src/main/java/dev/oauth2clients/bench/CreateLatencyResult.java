package dev.oauth2clients.bench;

/**
 * Item 2: how long creating one client takes, this API (the contender) against Keycloak's dynamic
 * client registration (the baseline).
 */
record CreateLatencyResult(LatencyComparison latency) {

  /** The goal: creating through this API is no slower than Keycloak's dynamic registration. */
  static final double GOAL = 1.0;

  LatencySummary selfService() {
    return latency.contender();
  }

  LatencySummary dynamicRegistration() {
    return latency.baseline();
  }
}
