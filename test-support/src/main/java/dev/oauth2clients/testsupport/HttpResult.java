package dev.oauth2clients.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/** A response as the tests see it: status, headers and the body as text. */
public record HttpResult(int status, HttpHeaders headers, String body) {

  public JsonNode json() {
    return Json.parse(body);
  }

  public String header(String name) {
    return headers.firstValue(name).orElse(null);
  }

  /** The contract's error code, for assertion messages and checks. */
  public String error() {
    return json().path("error").asText(null);
  }

  @Override
  public String toString() {
    return status + " " + body;
  }
}
