package dev.oauth2clients.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs contenders in rounds whose order reverses every round (AB BA AB …). On a busy 2-core machine
 * the speed drifts (JIT, GC, other processes, a database that grows), and alternating the order
 * makes the drift fall on every contender alike instead of on whoever runs last.
 */
final class AlternatingRounds {

  /** One measurement of one contender: a rate, a latency, whatever the caller compares. */
  @FunctionalInterface
  interface Measurement<T> {
    double measure(T contender) throws Exception;
  }

  private AlternatingRounds() {}

  /** Each contender's measurements, one per round, in the contenders' order. */
  static <T> Map<T, List<Double>> run(List<T> contenders, int rounds, Measurement<T> measurement)
      throws Exception {
    Map<T, List<Double>> results = new LinkedHashMap<>();
    contenders.forEach(contender -> results.put(contender, new ArrayList<>()));
    for (int round = 0; round < rounds; round++) {
      List<T> order = new ArrayList<>(contenders);
      if (round % 2 == 1) {
        Collections.reverse(order);
      }
      for (T contender : order) {
        results.get(contender).add(measurement.measure(contender));
      }
    }
    return results;
  }
}
