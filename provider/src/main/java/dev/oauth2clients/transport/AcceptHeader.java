package dev.oauth2clients.transport;

import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/** Whether a request's {@code Accept} header lets the API answer it in JSON, its only type. */
final class AcceptHeader {

  private AcceptHeader() {}

  /**
   * True without the header, or when one of its media ranges covers {@code application/json} with a
   * quality above zero. Ranges that do not parse are skipped, like any other that does not fit.
   */
  static boolean acceptsJson(List<String> headers) {
    if (headers == null || headers.isEmpty()) {
      return true;
    }
    return headers.stream()
        .flatMap(header -> Arrays.stream(header.split(",")))
        .map(String::trim)
        .filter(range -> !range.isEmpty())
        .anyMatch(AcceptHeader::coversJson);
  }

  private static boolean coversJson(String range) {
    try {
      MediaType type = MediaType.valueOf(range);
      return type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && quality(type) > 0;
    } catch (IllegalArgumentException malformed) {
      return false;
    }
  }

  private static double quality(MediaType type) {
    try {
      return Double.parseDouble(type.getParameters().getOrDefault("q", "1"));
    } catch (NumberFormatException malformed) {
      return 0;
    }
  }
}
