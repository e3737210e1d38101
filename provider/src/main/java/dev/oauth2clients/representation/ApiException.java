package dev.oauth2clients.representation;

/**
 * A refusal that the caller is meant to read. It carries no stack trace: it is an answer, not a
 * fault, and nothing of it but code and description ever leaves the server.
 */
public final class ApiException extends RuntimeException {

  private final ApiError error;

  ApiException(ApiError error, String description) {
    super(description, null, false, false);
    this.error = error;
  }

  public ApiError error() {
    return error;
  }

  public String description() {
    return getMessage();
  }
}
