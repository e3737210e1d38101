package dev.oauth2clients.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The median of per-round ratios a/b, with their range. Pairing each round of a with the same round
 * of b cancels the drift both saw in that round.
 */
record PairedRatio(double median, double lowest, double highest) {

  static PairedRatio of(List<Double> a, List<Double> b) {
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      ratios.add(a.get(i) / b.get(i));
    }
    return new PairedRatio(
        Percentiles.median(ratios), Collections.min(ratios), Collections.max(ratios));
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%.3f (rounds: %.3f to %.3f)", median, lowest, highest);
  }
}
