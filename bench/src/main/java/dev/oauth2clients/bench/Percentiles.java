package dev.oauth2clients.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Percentiles by linear interpolation between the closest ranks (so the median of 4 averages 2).
 */
final class Percentiles {

  private Percentiles() {}

  /** The value below which {@code fraction} (0 to 1) of the values lie. */
  static double of(List<Double> values, double fraction) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    double rank = fraction * (sorted.size() - 1);
    int below = (int) Math.floor(rank);
    int above = Math.min(below + 1, sorted.size() - 1);
    return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
  }

  static double median(List<Double> values) {
    return of(values, 0.5);
  }

  static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
