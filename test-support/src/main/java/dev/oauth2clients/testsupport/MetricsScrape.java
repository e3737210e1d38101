package dev.oauth2clients.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read of a server's {@code /metrics} (Prometheus text format 0.0.4): every sample with its
 * name, labels and value, so that a test compares counters before and after what it did.
 */
public final class MetricsScrape {

  /** One line of the text: {@code name{label="value",...} value}. */
  public record Sample(String name, Map<String, String> labels, double value) {}

  private final List<Sample> samples;

  private MetricsScrape(List<Sample> samples) {
    this.samples = samples;
  }

  /** Reads the management interface's {@code /metrics} of the server. */
  public static MetricsScrape of(KeycloakServer server) {
    String url = server.managementUrl() + "/metrics";
    HttpResult answer = Http.send("GET", url, Map.of(), null);
    if (answer.status() != 200) {
      throw new IllegalStateException("GET " + url + ": " + answer.status());
    }
    return parse(answer.body());
  }

  public static MetricsScrape parse(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        samples.add(new LineParser(trimmed).sample());
      }
    }
    return new MetricsScrape(List.copyOf(samples));
  }

  /** The samples of one metric, e.g. {@code oauth2_clients_operations_total}. */
  public List<Sample> samples(String name) {
    return samples.stream().filter(sample -> sample.name().equals(name)).toList();
  }

  /**
   * The value of the one sample of {@code name} with exactly these labels; 0 when there is none.
   */
  public double value(String name, Map<String, String> labels) {
    return samples(name).stream()
        .filter(sample -> sample.labels().equals(labels))
        .mapToDouble(Sample::value)
        .findFirst()
        .orElse(0);
  }

  /** Reads one sample line; label values may hold escaped {@code \\}, {@code \"} and newlines. */
  private static final class LineParser {

    private final String line;
    private int at;

    LineParser(String line) {
      this.line = line;
    }

    Sample sample() {
      int nameEnd = at;
      while (nameEnd < line.length()
          && line.charAt(nameEnd) != '{'
          && line.charAt(nameEnd) != ' ') {
        nameEnd++;
      }
      String name = line.substring(0, nameEnd);
      at = nameEnd;
      Map<String, String> labels = new LinkedHashMap<>();
      if (at < line.length() && line.charAt(at) == '{') {
        at++;
        while (line.charAt(at) != '}') {
          int equals = line.indexOf('=', at);
          String key = line.substring(at, equals).strip();
          at = equals + 1;
          labels.put(key, quoted());
          if (line.charAt(at) == ',') {
            at++;
          }
        }
        at++;
      }
      String[] rest = line.substring(at).strip().split("\\s+");
      return new Sample(name, Map.copyOf(labels), number(rest[0]));
    }

    private String quoted() {
      if (line.charAt(at) != '"') {
        throw new IllegalArgumentException("not a label value at " + at + ": " + line);
      }
      StringBuilder value = new StringBuilder();
      at++;
      while (line.charAt(at) != '"') {
        char c = line.charAt(at++);
        if (c == '\\') {
          char escaped = line.charAt(at++);
          value.append(escaped == 'n' ? '\n' : escaped);
        } else {
          value.append(c);
        }
      }
      at++;
      return value.toString();
    }

    private static double number(String text) {
      return switch (text) {
        case "+Inf" -> Double.POSITIVE_INFINITY;
        case "-Inf" -> Double.NEGATIVE_INFINITY;
        default -> Double.parseDouble(text);
      };
    }
  }
}
