package dev.oauth2clients.bench;

import java.util.List;

/** Item 1: client_credentials grants per second at the token endpoint, per client. */
record ThroughputResult(
    List<Rate> rates,
    PairedRatio selfServiceVsSameSettings,
    PairedRatio controlVsSameSettings,
    PairedRatio selfServiceVsDefaults) {

  /** The goal: a self-service grant costs no more than a plain client's with the same settings. */
  static final double GOAL = 0.97;

  /** One client's grants per second: the mean over the rounds, and each round. */
  record Rate(String label, double mean, List<Double> perRound) {}
}
