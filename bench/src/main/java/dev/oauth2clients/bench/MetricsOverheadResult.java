package dev.oauth2clients.bench;

import java.util.List;

/**
 * Item 7: client_credentials grants per second of a self-service client on a server with metrics on
 * against one with metrics off, paired round by round.
 *
 * @param clients in this order: on the server with metrics; on the server without; the control, a
 *     second client on the server without
 * @param providerCounters whether the server with metrics listed the provider's counters after the
 *     rounds
 * @param grantsCounted the provider's grant counter after the rounds; NaN where it has none
 */
record MetricsOverheadResult(
    String database,
    List<ThroughputResult.Rate> clients,
    boolean providerCounters,
    double grantsCounted) {

  /** Metrics cost at most 3% of the grants. */
  static final double GOAL = 0.97;

  private static final int ON = 0;
  private static final int OFF = 1;
  private static final int CONTROL = 2;

  List<ThroughputResult.Rate> grants() {
    return clients;
  }

  PairedRatio onVsOff() {
    return PairedRatio.of(clients.get(ON).perRound(), clients.get(OFF).perRound());
  }

  PairedRatio controlVsOff() {
    return PairedRatio.of(clients.get(CONTROL).perRound(), clients.get(OFF).perRound());
  }

  boolean met() {
    return onVsOff().median() >= GOAL;
  }

  /** The paired ratios, as the transcript and the Markdown tables show them. */
  List<JudgedRatio> ratios() {
    return List.of(
        JudgedRatio.withGoal(
            "--metrics-enabled=true / false", onVsOff(), Text.format("≥ %.2f", GOAL), met()),
        JudgedRatio.informative(
            "control / self-service client without metrics (the method's noise)",
            controlVsOff(),
            "≈ 1"));
  }
}
