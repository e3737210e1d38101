package dev.oauth2clients.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shapes of the small request bodies that are not a client object: which fields a body may
 * hold, and a field that is an array of strings or one string. Each breach is {@code 400
 * invalid_request} with a sentence naming the field.
 */
final class BodyFields {

  private BodyFields() {}

  /**
   * Refuses a field other than {@code allowed} with {@code error}: "Unknown field 'x'; " and then
   * {@code takesOnly}, the sentence that says what the body takes.
   */
  static void allowOnly(ObjectNode body, Set<String> allowed, ApiError error, String takesOnly) {
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!allowed.contains(name)) {
                throw error.because("Unknown field '" + name + "'; " + takesOnly + ".");
              }
            });
  }

  /** The required field {@code name}: an array of 1 to {@code max} strings, in order. */
  static List<String> strings(ObjectNode body, String name, int max) {
    JsonNode array = body.get(name);
    if (array == null || !array.isArray()) {
      throw ApiError.INVALID_REQUEST.because(
          name + " is required: an array of 1 to " + max + " strings.");
    }
    if (array.isEmpty() || array.size() > max) {
      throw ApiError.INVALID_REQUEST.because(
          name + " must hold 1 to " + max + " strings; it holds " + array.size() + ".");
    }
    List<String> strings = new ArrayList<>(array.size());
    for (JsonNode member : array) {
      if (!member.isTextual()) {
        throw ApiError.INVALID_REQUEST.because("Every member of " + name + " must be a string.");
      }
      strings.add(member.textValue());
    }
    return strings;
  }

  /** The required field {@code name}: one string. */
  static String string(ObjectNode body, String name) {
    JsonNode value = body.get(name);
    if (value == null || !value.isTextual()) {
      throw ApiError.INVALID_REQUEST.because(name + " is required: a string.");
    }
    return value.textValue();
  }
}
