package dev.oauth2clients.bench;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

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

  /** The paired ratios, as the transcript and the Markdown tables show them. */
  List<JudgedRatio> ratios() {
    return List.of(
        JudgedRatio.withGoal(
            "self-service / plain with Keycloak defaults (no refresh token)",
            selfServiceVsDefaults,
            Text.format("≥ %.2f", GOAL_VS_DEFAULTS),
            metVsDefaults()),
        JudgedRatio.withGoal(
            "self-service / plain with refresh tokens on",
            selfServiceVsRefreshOn,
            Text.format("> %.2f", GOAL_VS_REFRESH_ON),
            metVsRefreshOn()),
        JudgedRatio.informative(
            "control twin / plain with refresh tokens on (the method's noise)",
            controlVsRefreshOn,
            "≈ 1"),
        JudgedRatio.informative(
            "refresh_token: self-service / plain", refreshSelfServiceVsPlain, "–"));
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
      double bytesPer1000) {

    /** One line of the transcript: the figures, then each round's rate. */
    void print() {
      System.out.printf(
          Locale.ROOT,
          "  %-60s %7.1f req/s  %7d requests  %6s sessions  %10s bytes/1000  rounds: %s%n",
          label,
          mean,
          requests,
          sessions < 0 ? "-" : Long.toString(sessions),
          Double.isNaN(bytesPer1000) ? "-" : String.format(Locale.ROOT, "%.0f", bytesPer1000),
          perRound.stream()
              .map(r -> String.format(Locale.ROOT, "%.1f", r))
              .collect(Collectors.joining(", ")));
    }
  }
}
