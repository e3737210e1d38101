package dev.oauth2clients.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsScrapeTest {

  private static final String TEXT =
      """
      # HELP oauth2_clients_operations_total Operations on self-service OAuth2 clients
      # TYPE oauth2_clients_operations_total counter
      oauth2_clients_operations_total{operation="create",outcome="success",realm="demo",} 3.0
      oauth2_clients_operations_total{operation="create",outcome="refused",realm="demo"} 1.0
      oauth2_clients_operations_total{operation="create",outcome="success",realm="a \\"b\\" \\\\c\\n"} 7.0
      jvm_threads_live_threads 42.0 1700000000000
      http_server_requests_seconds_bucket{le="+Inf",method="GET"} +Inf
      """;

  @Test
  void readsNamesLabelsAndValues() {
    MetricsScrape scrape = MetricsScrape.parse(TEXT);
    String name = "oauth2_clients_operations_total";
    assertEquals(3, scrape.samples(name).size());
    assertEquals(
        3.0,
        scrape.value(name, Map.of("operation", "create", "outcome", "success", "realm", "demo")));
    assertEquals(
        1.0,
        scrape.value(name, Map.of("operation", "create", "outcome", "refused", "realm", "demo")));
    assertEquals(
        7.0,
        scrape.value(
            name, Map.of("operation", "create", "outcome", "success", "realm", "a \"b\" \\c\n")));
    assertEquals(42.0, scrape.value("jvm_threads_live_threads", Map.of()));
    assertEquals(
        Double.POSITIVE_INFINITY,
        scrape.value("http_server_requests_seconds_bucket", Map.of("le", "+Inf", "method", "GET")));
  }

  @Test
  void aSeriesNotThereIsZero() {
    assertEquals(
        0.0, MetricsScrape.parse(TEXT).value("oauth2_clients_token_grants_total", Map.of()));
  }
}
