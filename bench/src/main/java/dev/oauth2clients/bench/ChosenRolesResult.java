package dev.oauth2clients.bench;

import java.util.List;

/**
 * Item 4 on one database: client_credentials grants per second of a self-service client carrying
 * roles its owner chose, against one without and against a plain Keycloak client that carries the
 * same roles, paired round by round.
 *
 * @param clients in this order: self-service with 5 realm and 3 client roles chosen; self-service
 *     of the same owner with none; plain Keycloak client with the same 8 roles in its scope;
 *     control, a second self-service client like the first (the method's noise)
 */
record ChosenRolesResult(String database, List<Carrying> clients) {

  /** Chosen roles cost at most 5% of the grants a client without roles gets. */
  static final double GOAL_VS_WITHOUT = 0.95;

  /** … and no more than Keycloak's own way to give a client's tokens the same roles. */
  static final double GOAL_VS_PLAIN = 1.0;

  private static final int WITH_ROLES = 0;
  private static final int WITHOUT = 1;
  private static final int PLAIN = 2;
  private static final int CONTROL = 3;

  /**
   * One client's grants, and the roles its token carried as checked before the rounds, e.g. "5
   * realm + 3 client roles".
   */
  record Carrying(String roles, ThroughputResult.Rate grants) {}

  List<ThroughputResult.Rate> grants() {
    return clients.stream().map(Carrying::grants).toList();
  }

  PairedRatio withRolesVsWithout() {
    return ratio(WITH_ROLES, WITHOUT);
  }

  PairedRatio withRolesVsPlain() {
    return ratio(WITH_ROLES, PLAIN);
  }

  PairedRatio withoutVsPlain() {
    return ratio(WITHOUT, PLAIN);
  }

  PairedRatio controlVsWithRoles() {
    return ratio(CONTROL, WITH_ROLES);
  }

  /** The paired ratios, as the transcript and the Markdown tables show them. */
  List<JudgedRatio> ratios() {
    return List.of(
        JudgedRatio.withGoal(
            "self-service with chosen roles / without",
            withRolesVsWithout(),
            Text.format("≥ %.2f", GOAL_VS_WITHOUT),
            metVsWithout()),
        JudgedRatio.withGoal(
            "self-service with chosen roles / plain Keycloak client with the same roles",
            withRolesVsPlain(),
            Text.format("≥ %.2f", GOAL_VS_PLAIN),
            metVsPlain()),
        JudgedRatio.informative(
            "self-service without roles / plain Keycloak client with the roles",
            withoutVsPlain(),
            "–"),
        JudgedRatio.informative(
            "control twin / self-service with chosen roles (the method's noise)",
            controlVsWithRoles(),
            "≈ 1"));
  }

  boolean metVsWithout() {
    return withRolesVsWithout().median() >= GOAL_VS_WITHOUT;
  }

  boolean metVsPlain() {
    return withRolesVsPlain().median() >= GOAL_VS_PLAIN;
  }

  private PairedRatio ratio(int client, int other) {
    return PairedRatio.of(
        clients.get(client).grants().perRound(), clients.get(other).grants().perRound());
  }
}
