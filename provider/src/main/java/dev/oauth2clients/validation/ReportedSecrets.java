package dev.oauth2clients.validation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import java.util.List;
import java.util.Set;

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
    BodyFields.allowOnly(
        body, Set.of(SECRETS), ApiError.INVALID_REQUEST, "a report takes only " + SECRETS);
    return BodyFields.strings(body, SECRETS, MAX_SECRETS);
  }
}
