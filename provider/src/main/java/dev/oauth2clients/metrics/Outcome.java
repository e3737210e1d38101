package dev.oauth2clients.metrics;

import java.util.Locale;

/** How an operation or a grant ended, as the label {@code outcome} says it. */
public enum Outcome {
  /** Done: the operation committed, or the token endpoint issued tokens. */
  SUCCESS,
  /** Refused with a 4xx answer: nothing changed, no token was issued. */
  REFUSED;

  final String label = name().toLowerCase(Locale.ROOT);
}
