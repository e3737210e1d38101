package dev.oauth2clients.metrics;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oauth2clients.metrics.OperationMetrics.Operation;
import dev.oauth2clients.metrics.TokenGrantMetrics.GrantType;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CountersTest {

  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final Counters counters = new Counters(registry);

  @Test
  void aRealmsFirstCountRegistersEverySeriesOfItsOwnFromZero() {
    counters.operation("acme", Operation.ROTATE, Outcome.REFUSED);

    Map<List<Tag>, Double> operations = series(Counters.OPERATIONS);
    assertEquals(
        Operation.values().length * Outcome.values().length, operations.size(), "" + operations);
    assertEquals(1.0, operations.get(tags("acme", "operation", "rotate", "refused")));
    assertEquals(1.0, operations.values().stream().mapToDouble(Double::doubleValue).sum());
    Map<List<Tag>, Double> grants = series(Counters.TOKEN_GRANTS);
    assertEquals(GrantType.values().length * Outcome.values().length, grants.size());
    assertEquals(0.0, grants.values().stream().mapToDouble(Double::doubleValue).sum());
  }

  @Test
  void eachCountGoesToItsOwnRealmAndLabels() {
    counters.grant("acme", GrantType.CLIENT_CREDENTIALS, Outcome.SUCCESS);
    counters.grant("acme", GrantType.CLIENT_CREDENTIALS, Outcome.SUCCESS);
    counters.grant("other", GrantType.REFRESH_TOKEN, Outcome.REFUSED);
    counters.operation("acme", Operation.REVOKE, Outcome.SUCCESS);

    Map<List<Tag>, Double> grants = series(Counters.TOKEN_GRANTS);
    assertEquals(2.0, grants.get(tags("acme", "grant_type", "client_credentials", "success")));
    assertEquals(1.0, grants.get(tags("other", "grant_type", "refresh_token", "refused")));
    assertEquals(0.0, grants.get(tags("acme", "grant_type", "refresh_token", "refused")));
    assertEquals(
        1.0, series(Counters.OPERATIONS).get(tags("acme", "operation", "revoke", "success")));
  }

  @Test
  void aRegistryThatFailsNeverFailsTheCaller() {
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public Meter.Id map(Meter.Id id) {
                throw new IllegalStateException("broken registry");
              }
            });
    assertDoesNotThrow(() -> counters.operation("acme", Operation.CREATE, Outcome.SUCCESS));
    assertDoesNotThrow(() -> counters.grant("acme", GrantType.REFRESH_TOKEN, Outcome.REFUSED));
  }

  /** Each series of a counter by its sorted tags, with its count. */
  private Map<List<Tag>, Double> series(String name) {
    return registry.find(name).counters().stream()
        .collect(
            Collectors.toMap(counter -> counter.getId().getTags(), counter -> counter.count()));
  }

  private static List<Tag> tags(String realm, String key, String value, String outcome) {
    return List.of(Tag.of(key, value), Tag.of("outcome", outcome), Tag.of("realm", realm));
  }
}
