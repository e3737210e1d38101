package dev.oauth2clients.bench;

import java.util.List;

/**
 * Item 8: client_credentials grants per second of key-holding clients ({@code private_key_jwt}, a
 * fresh RS256 assertion per grant) and secret-holding ones ({@code client_secret_post}), each
 * self-service against a plain Keycloak client with the same authenticator.
 *
 * @param clients in this order: self-service key client; plain Keycloak {@code client-jwt} client;
 *     self-service secret client; plain Keycloak secret client (both plain ones with Keycloak's
 *     defaults, no refresh token)
 */
record KeyClientThroughputResult(String database, List<ThroughputResult.Rate> clients) {

  /** A self-service client costs what Keycloak's own client with the same authenticator costs. */
  static final double GOAL = 0.95;

  private static final int SELF_SERVICE_KEY = 0;
  private static final int PLAIN_KEY = 1;
  private static final int SELF_SERVICE_SECRET = 2;
  private static final int PLAIN_SECRET = 3;

  PairedRatio keySelfServiceVsPlain() {
    return ratio(SELF_SERVICE_KEY, PLAIN_KEY);
  }

  PairedRatio secretSelfServiceVsPlain() {
    return ratio(SELF_SERVICE_SECRET, PLAIN_SECRET);
  }

  boolean met() {
    return keySelfServiceVsPlain().median() >= GOAL && secretSelfServiceVsPlain().median() >= GOAL;
  }

  /** The paired ratios, as the transcript and the Markdown tables show them. */
  List<JudgedRatio> ratios() {
    String goal = Text.format("≥ %.2f", GOAL);
    return List.of(
        JudgedRatio.withGoal(
            "private_key_jwt: self-service / plain client-jwt",
            keySelfServiceVsPlain(),
            goal,
            keySelfServiceVsPlain().median() >= GOAL),
        JudgedRatio.withGoal(
            "client_secret_post: self-service / plain client-secret",
            secretSelfServiceVsPlain(),
            goal,
            secretSelfServiceVsPlain().median() >= GOAL),
        JudgedRatio.informative(
            "self-service: private_key_jwt / client_secret_post (what an assertion costs)",
            ratio(SELF_SERVICE_KEY, SELF_SERVICE_SECRET),
            "< 1"));
  }

  private PairedRatio ratio(int a, int b) {
    return PairedRatio.of(clients.get(a).perRound(), clients.get(b).perRound());
  }
}
