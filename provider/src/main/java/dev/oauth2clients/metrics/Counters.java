package dev.oauth2clients.metrics;

import dev.oauth2clients.metrics.OperationMetrics.Operation;
import dev.oauth2clients.metrics.TokenGrantMetrics.GrantType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.jboss.logging.Logger;

/**
 * The provider's two counters, per realm. A realm's whole set (every operation and grant type with
 * every outcome) is registered the first time the realm counts anything, so each series exists from
 * zero before its first increase, and a count afterwards is a map lookup and an increment with
 * nothing allocated: the grant counter runs on every token request of a self-service client.
 *
 * <p>Without {@code --metrics-enabled} Micrometer's global registry has no registry under it and
 * every increment goes nowhere. Nothing here throws into a request.
 */
final class Counters {

  /** In Prometheus text {@code oauth2_clients_operations_total}. */
  static final String OPERATIONS = "oauth2.clients.operations";

  /** In Prometheus text {@code oauth2_clients_token_grants_total}. */
  static final String TOKEN_GRANTS = "oauth2.clients.token.grants";

  private static final Series OPERATION_SERIES =
      new Series(OPERATIONS, "operation", "Operations on self-service OAuth2 clients, by outcome");
  private static final Series GRANT_SERIES =
      new Series(
          TOKEN_GRANTS,
          "grant_type",
          "Token endpoint answers to self-service OAuth2 clients, by outcome");

  private static final Logger LOG = Logger.getLogger(Counters.class);
  private static final Outcome[] OUTCOMES = Outcome.values();
  private static final Operation[] OPERATION_VALUES = Operation.values();
  private static final GrantType[] GRANT_TYPES = GrantType.values();

  /** Where Keycloak's own meters are, and what its {@code /metrics} serves. */
  static final Counters GLOBAL = new Counters(Metrics.globalRegistry);

  private final MeterRegistry registry;
  private final ConcurrentMap<String, RealmCounters> realms = new ConcurrentHashMap<>();

  Counters(MeterRegistry registry) {
    this.registry = registry;
  }

  void operation(String realm, Operation operation, Outcome outcome) {
    try {
      counters(realm).operations[index(operation.ordinal(), outcome)].increment();
    } catch (RuntimeException e) {
      LOG.debugf(e, "Could not count %s %s in realm %s", operation, outcome, realm);
    }
  }

  void grant(String realm, GrantType grantType, Outcome outcome) {
    try {
      counters(realm).grants[index(grantType.ordinal(), outcome)].increment();
    } catch (RuntimeException e) {
      LOG.debugf(e, "Could not count a %s grant %s in realm %s", grantType, outcome, realm);
    }
  }

  private RealmCounters counters(String realm) {
    RealmCounters known = realms.get(realm);
    return known != null ? known : realms.computeIfAbsent(realm, this::register);
  }

  private static int index(int labelOrdinal, Outcome outcome) {
    return labelOrdinal * OUTCOMES.length + outcome.ordinal();
  }

  private RealmCounters register(String realm) {
    Counter[] operations = new Counter[OPERATION_VALUES.length * OUTCOMES.length];
    Counter[] grants = new Counter[GRANT_TYPES.length * OUTCOMES.length];
    for (Outcome outcome : OUTCOMES) {
      for (Operation operation : OPERATION_VALUES) {
        operations[index(operation.ordinal(), outcome)] =
            OPERATION_SERIES.register(registry, realm, operation.label, outcome);
      }
      for (GrantType grantType : GRANT_TYPES) {
        grants[index(grantType.ordinal(), outcome)] =
            GRANT_SERIES.register(registry, realm, grantType.label, outcome);
      }
    }
    return new RealmCounters(operations, grants);
  }

  /** A counter's name, description and the label that, with realm and outcome, tells its series. */
  private record Series(String name, String label, String description) {

    Counter register(MeterRegistry registry, String realm, String value, Outcome outcome) {
      return Counter.builder(name)
          .description(description)
          .tag("realm", realm)
          .tag(label, value)
          .tag("outcome", outcome.label)
          .register(registry);
    }
  }

  /** One realm's counters, indexed by label and outcome. */
  private record RealmCounters(Counter[] operations, Counter[] grants) {}
}
