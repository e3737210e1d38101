package dev.oauth2clients.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of a leak report, {@code {"secrets": ["…", …]}}: 1 to {@value #MAX_SECRETS} strings and
 * nothing else. Whether a string looks like a secret is not checked here: a report of noise gets
 * the same answer as a report of a secret.
 */
public final class ReportedSecrets {

  public static final int MAX_SECRETS = 100;
  static final String SECRETS = "secrets";

  private ReportedSecrets() {}

  public static List<String> of(ObjectNode body) {
    body.fieldNames()
        .forEachRemaining(
            name -> {
              if (!name.equals(SECRETS)) {
                throw ApiError.INVALID_REQUEST.because(
                    "Unknown field '" + name + "'; a report takes only " + SECRETS + ".");
              }
            });
    JsonNode secrets = body.get(SECRETS);
    if (secrets == null || !secrets.isArray()) {
      throw ApiError.INVALID_REQUEST.because(
          SECRETS + " is required: an array of 1 to " + MAX_SECRETS + " strings.");
    }
    if (secrets.isEmpty() || secrets.size() > MAX_SECRETS) {
      throw ApiError.INVALID_REQUEST.because(
          SECRETS
              + " must hold 1 to "
              + MAX_SECRETS
              + " strings; it holds "
              + secrets.size()
              + ".");
    }
    List<String> strings = new ArrayList<>(secrets.size());
    for (JsonNode secret : secrets) {
      if (!secret.isTextual()) {
        throw ApiError.INVALID_REQUEST.because("Every member of " + SECRETS + " must be a string.");
      }
      strings.add(secret.textValue());
    }
    return strings;
  }
}
