package dev.oauth2clients.transport;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The one place that turns an {@link ApiException} into the contract's error body. */
final class ErrorResponses {

  private ErrorResponses() {}

  record ErrorBody(
      @JsonProperty("error") String error,
      @JsonProperty("error_description") String errorDescription) {}

  static Response toResponse(ApiException e, String realmName) {
    Response.ResponseBuilder response =
        Response.status(e.error().status())
            .type(Json.MEDIA_TYPE)
            .entity(Json.write(new ErrorBody(e.error().code(), e.description())));
    if (e.error() == ApiError.INVALID_TOKEN) {
      response.header(
          HttpHeaders.WWW_AUTHENTICATE,
          "Bearer realm=\"" + realmName + "\", error=\"invalid_token\"");
    }
    return response.build();
  }
}
