package dev.oauth2clients.bench;

import java.util.Locale;

/**
 * A paired ratio as the results show it, in the transcript and in the Markdown tables alike: what
 * it compares, its goal ("–" for none) and whether the goal is met ("met", "not met", "–" where
 * there is none), computed from the ratio, never typed.
 */
record JudgedRatio(String label, PairedRatio ratio, String goal, String met) {

  static JudgedRatio withGoal(String label, PairedRatio ratio, String goal, boolean met) {
    return new JudgedRatio(label, ratio, goal, met ? "met" : "not met");
  }

  /** A ratio without a goal; {@code expected} is what it should read ("≈ 1" for a control). */
  static JudgedRatio informative(String label, PairedRatio ratio, String expected) {
    return new JudgedRatio(label, ratio, expected, "–");
  }

  /** One line of the transcript. */
  void print() {
    System.out.printf(
        Locale.ROOT,
        "ratio %-72s median %s%s%n",
        label + ":",
        ratio,
        met.equals("–") ? "" : " (goal " + goal + ": " + met + ")");
  }
}
