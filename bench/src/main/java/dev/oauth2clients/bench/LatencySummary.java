package dev.oauth2clients.bench;

import java.util.List;
import java.util.Locale;

/** What one contender's latency samples come to, in milliseconds. */
record LatencySummary(String label, int samples, double p50, double p95) {

  static LatencySummary of(String label, List<Double> millis) {
    return new LatencySummary(
        label, millis.size(), Percentiles.of(millis, 0.50), Percentiles.of(millis, 0.95));
  }

  /** One line of the transcript: the p95 against an absolute goal in milliseconds. */
  void printP95Against(double goalMillis) {
    System.out.println(
        String.format(
            Locale.ROOT,
            "p95 of %-56s %.1f ms (goal ≤ %.0f ms: %s)",
            label + ":",
            p95,
            goalMillis,
            p95 <= goalMillis ? "met" : "not met"));
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%-48s p50 %7.1f ms   p95 %7.1f ms   (%d samples)", label, p50, p95, samples);
  }
}
