package dev.oauth2clients.bench;

import java.util.List;

/**
 * Item 1 on one database: grants per second at Keycloak's token endpoint per client, with the
 * sessions and the database growth the grants left behind, then refresh_token grants per second.
 *
 * @param grants client_credentials contenders: self-service, plain with refresh tokens on, its
 *     identical twin (the method's noise), plain with Keycloak's defaults (no refresh token)
 * @param refreshes refresh_token contenders: self-service, plain with refresh tokens on
 * @param lastUseLagSeconds how far the self-service client's {@code last_used_at} was behind the
 *     end of its grants: its grants were measured with last-use tracking on, which writes at most
 *     once a minute per secret and node
 */
record ThroughputResult(
    String database,
    List<Rate> grants,
    List<Rate> refreshes,
    PairedRatio selfServiceVsDefaults,
    PairedRatio selfServiceVsRefreshOn,
    PairedRatio controlVsRefreshOn,
    PairedRatio refreshSelfServiceVsPlain,
    double lastUseLagSeconds) {

  /** The last-use time is written at most once a minute per secret and node. */
  static final double GOAL_LAST_USE_LAG_SECONDS = 60;

  /** A self-service grant, refresh token included, costs what Keycloak's cheapest grant costs. */
  static final double GOAL_VS_DEFAULTS = 0.95;

  /** … and clearly less than Keycloak's own grant with refresh tokens (one session per grant). */
  static final double GOAL_VS_REFRESH_ON = 1.1;

  /** At most one shared session per self-service client on the one node of the benchmark. */
  static final long GOAL_SESSIONS = 1;

  /**
   * H2 grows its file in chunks, so below this much per 1,000 grants growth cannot be told from the
   * no-refresh client's.
   */
  static final double GROWTH_RESOLUTION_BYTES = 16 * 1024;

  Rate selfService() {
    return grants.get(0);
  }

  Rate defaults() {
    return grants.get(3);
  }

  boolean metVsDefaults() {
    return selfServiceVsDefaults.median() >= GOAL_VS_DEFAULTS;
  }

  boolean metVsRefreshOn() {
    return selfServiceVsRefreshOn.median() > GOAL_VS_REFRESH_ON;
  }

  boolean metLastUseLag() {
    return lastUseLagSeconds >= 0 && lastUseLagSeconds <= GOAL_LAST_USE_LAG_SECONDS;
  }

  boolean metSessions() {
    return selfService().sessions() <= GOAL_SESSIONS;
  }

  boolean metGrowth() {
    return selfService().bytesPer1000()
        <= Math.max(2 * defaults().bytesPer1000(), GROWTH_RESOLUTION_BYTES);
  }

  /**
   * One client's rate: the mean over the rounds and each round; every grant it was sent (warm-up
   * included), the sessions it held afterwards and the database growth per 1,000 grants measured
   * around its rounds (NaN where not measured).
   */
  record Rate(
      String label,
      double mean,
      List<Double> perRound,
      long requests,
      long sessions,
      double bytesPer1000) {}
}
