package dev.oauth2clients.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two contenders' latencies, one request at a time in alternating rounds after a warm-up, and how
 * they compare: a ratio below 1 means the contender is faster than the baseline.
 */
record LatencyComparison(LatencySummary contender, LatencySummary baseline) {

  /** A contender to measure, under the name the report gives it. */
  record Named<T>(String label, T value) {}

  static <T> LatencyComparison measure(
      Named<T> contender,
      Named<T> baseline,
      int warmupRounds,
      int rounds,
      AlternatingRounds.Measurement<T> measurement)
      throws Exception {
    List<T> both = List.of(contender.value(), baseline.value());
    AlternatingRounds.run(both, warmupRounds, measurement);
    Map<T, List<Double>> millis = AlternatingRounds.run(both, rounds, measurement);
    return new LatencyComparison(
        LatencySummary.of(contender.label(), millis.get(contender.value())),
        LatencySummary.of(baseline.label(), millis.get(baseline.value())));
  }

  double p50Ratio() {
    return contender.p50() / baseline.p50();
  }

  double p95Ratio() {
    return contender.p95() / baseline.p95();
  }

  /**
   * Both summaries and the ratios, e.g. {@code ratio this API / DCR: p50 0.9, p95 0.8 (goal <=
   * 1.0)}.
   */
  void print(String ratioName, double goal) {
    System.out.println("  " + baseline);
    System.out.println("  " + contender);
    System.out.printf(
        Locale.ROOT,
        "%s: p50 %.3f, p95 %.3f (goal <= %.1f)%n",
        ratioName,
        p50Ratio(),
        p95Ratio(),
        goal);
  }
}
