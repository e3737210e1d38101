package dev.oauth2clients.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.Json;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Reads a request body as one JSON object under the contract's limits. Bodies are read as bytes so
 * that size, media type and syntax each get their own clear error instead of the framework's.
 */
final class RequestBodies {

  static final int MAX_BYTES = 64 * 1024;
  static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;
  static final MediaType MERGE_PATCH = new MediaType("application", "merge-patch+json");

  private RequestBodies() {}

  static ObjectNode readObject(String contentType, InputStream body, MediaType expected) {
    requireMediaType(contentType, expected);
    byte[] bytes = readAtMost(body, MAX_BYTES);
    if (bytes.length == 0) {
      throw ApiError.INVALID_REQUEST.because("The request body is empty; send a JSON object.");
    }
    JsonNode parsed = Json.readOrNull(bytes);
    if (parsed == null || parsed.isMissingNode()) {
      throw ApiError.INVALID_REQUEST.because("The request body is not valid UTF-8 JSON.");
    }
    if (!parsed.isObject()) {
      throw ApiError.INVALID_REQUEST.because("The request body must be a JSON object.");
    }
    return (ObjectNode) parsed;
  }

  /**
   * As {@link #readObject}, but an empty body (with any or no content type) reads as {@code {}}.
   */
  static ObjectNode readOptionalObject(String contentType, InputStream body, MediaType expected) {
    byte[] bytes = readAtMost(body, MAX_BYTES);
    if (bytes.length == 0) {
      return Json.MAPPER.createObjectNode();
    }
    return readObject(contentType, new ByteArrayInputStream(bytes), expected);
  }

  private static void requireMediaType(String contentType, MediaType expected) {
    String wanted = expected.getType() + "/" + expected.getSubtype();
    MediaType actual;
    try {
      actual = contentType == null ? null : MediaType.valueOf(contentType);
    } catch (IllegalArgumentException malformed) {
      actual = null;
    }
    if (actual == null
        || !actual.getType().equalsIgnoreCase(expected.getType())
        || !actual.getSubtype().equalsIgnoreCase(expected.getSubtype())) {
      throw ApiError.INVALID_REQUEST.because("Content-Type must be " + wanted + ".");
    }
    String charset = actual.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (charset != null && !charset.toLowerCase(Locale.ROOT).equals("utf-8")) {
      throw ApiError.INVALID_REQUEST.because("The only accepted charset is utf-8.");
    }
  }

  private static byte[] readAtMost(InputStream body, int limit) {
    if (body == null) {
      return new byte[0];
    }
    try {
      byte[] bytes = body.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw ApiError.INVALID_REQUEST.because(
            "The request body is larger than " + (limit / 1024) + " KiB.");
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
