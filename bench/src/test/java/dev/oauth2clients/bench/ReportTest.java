package dev.oauth2clients.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tables and the chart from made-up numbers: they render, and goals are judged both ways. */
class ReportTest {

  private static final SuiteResults RESULTS =
      new SuiteResults(
          new Environment("Keycloak 26.7.3", 2, 23.5, "OpenJDK 17", "Linux"),
          List.of("H2 2.4.240", "PostgreSQL 15.20"),
          new ThroughputResult(
              List.of(
                  new ThroughputResult.Rate("self-service", 450, List.of(440.0, 460.0)),
                  new ThroughputResult.Rate("same settings", 465, List.of(460.0, 470.0)),
                  new ThroughputResult.Rate("control", 470, List.of(470.0, 470.0)),
                  new ThroughputResult.Rate("defaults", 600, List.of(590.0, 610.0))),
              new PairedRatio(0.96, 0.9, 1.02),
              new PairedRatio(1.01, 0.95, 1.05),
              new PairedRatio(0.75, 0.7, 0.8)),
          new CreateLatencyResult(
              new LatencyComparison(
                  new LatencySummary("this API", 300, 40.1, 61.2),
                  new LatencySummary("Keycloak DCR", 300, 45.3, 70.4))),
          List.of(
              listResult("H2", 12.0, 14.0, 12.5, 15.0),
              listResult("PostgreSQL", 10.0, 12.0, 16.0, 19.0)),
          List.of(),
          Duration.ofMinutes(27));

  private static ListLatencyResult listResult(
      String database, double smallP50, double smallP95, double largeP50, double largeP95) {
    return new ListLatencyResult(
        database,
        100,
        20_000,
        new LatencyComparison(
            new LatencySummary("realm with 20000 clients", 500, largeP50, largeP95),
            new LatencySummary("realm with 100 clients", 500, smallP50, smallP95)),
        Duration.ofSeconds(300),
        66.6);
  }

  @Test
  void markdownJudgesEachGoalFromTheNumbers() {
    String markdown = ResultsMarkdown.render(RESULTS);
    assertTrue(markdown.contains("| self-service / plain, same settings | 0.960 |"), markdown);
    assertTrue(markdown.contains("not met"), markdown);
    assertTrue(markdown.contains("goal ≤ 1.0: met at p50, met at p95"), markdown);
    assertTrue(markdown.contains("| H2 | 20000 | 12.5 | 15.0 | **1.042** | **1.071** | met |"));
    assertTrue(
        markdown.contains(
            "| PostgreSQL | 20000 | 16.0 | 19.0 | **1.600** | **1.583** | not met |"));
  }

  @Test
  void chartIsWritten() throws Exception {
    Path png = Path.of("target", "chart-of-made-up-numbers.png");
    System.setProperty("java.awt.headless", "true");
    BenchmarkChart.write(RESULTS, png);
    assertTrue(Files.size(png) > 10_000);
  }
}
