package dev.oauth2clients.representation;

/**
 * The contract's error codes with the HTTP status each one is sent with. A wrong method (405) and
 * an {@code Accept} that excludes JSON (406) are requests the API cannot take as sent, so they
 * carry the contract's {@code invalid_request}.
 */
public enum ApiError {
  INVALID_CLIENT_METADATA(400, "invalid_client_metadata"),
  INVALID_REDIRECT_URI(400, "invalid_redirect_uri"),
  INVALID_REQUEST(400, "invalid_request"),
  INVALID_TOKEN(401, "invalid_token"),
  FEATURE_DISABLED(403, "feature_disabled"),
  ACCESS_DENIED(403, "access_denied"),
  NOT_FOUND(404, "not_found"),
  METHOD_NOT_ALLOWED(405, "invalid_request"),
  NOT_ACCEPTABLE(406, "invalid_request"),
  QUOTA_EXCEEDED(409, "quota_exceeded");

  private final int status;
  private final String code;

  ApiError(int status, String code) {
    this.status = status;
    this.code = code;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public ApiException because(String description) {
    return new ApiException(this, description);
  }
}
