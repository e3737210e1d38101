package dev.oauth2clients.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsTest {

  @Test
  void percentilesInterpolateBetweenRanks() {
    List<Double> values = List.of(4.0, 1.0, 3.0, 2.0);
    assertEquals(2.5, Percentiles.median(values));
    assertEquals(1.0, Percentiles.of(values, 0));
    assertEquals(4.0, Percentiles.of(values, 1));
    assertEquals(3.85, Percentiles.of(values, 0.95), 1e-9);
  }

  @Test
  void pairedRatioComparesRoundByRound() {
    PairedRatio ratio = PairedRatio.of(List.of(90.0, 200.0, 50.0), List.of(100.0, 200.0, 100.0));
    assertEquals(0.9, ratio.median(), 1e-9);
    assertEquals(0.5, ratio.lowest(), 1e-9);
    assertEquals(1.0, ratio.highest(), 1e-9);
  }

  @Test
  void roundsAlternateTheOrder() throws Exception {
    List<String> order = new ArrayList<>();
    AlternatingRounds.run(
        List.of("a", "b"),
        3,
        contender -> {
          order.add(contender);
          return 0;
        });
    assertEquals(List.of("a", "b", "b", "a", "a", "b"), order);
  }
}
