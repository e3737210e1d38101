package dev.oauth2clients.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static String write(Object value) {
    try {
      return value instanceof String text ? text : MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The claims of a JWT, unverified: the server under test verifies, the tests only read. */
  public static JsonNode claims(String jwt) {
    String[] parts = jwt.split("\\.");
    return parse(new String(Base64.getUrlDecoder().decode(parts[1])));
  }
}
