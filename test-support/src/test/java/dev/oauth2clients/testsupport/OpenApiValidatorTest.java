package dev.oauth2clients.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpHeaders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenApiValidatorTest {

  private static final String API = "http://localhost:8080/realms/demo/oauth2-clients";

  /** A small API in the shape of the real one: a collection, items, and a shared error. */
  private static final String DOCUMENT =
      """
      {
        "openapi": "3.1.0",
        "info": {"title": "test", "version": "1"},
        "paths": {
          "/": {
            "get": {"responses": {
              "200": {"description": "", "content": {"application/json": {"schema": {
                "type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}}
            }},
            "post": {"responses": {
              "201": {"description": "", "headers": {"Location": {"$ref": "#/components/headers/Location"}},
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
              "401": {"$ref": "#/components/responses/Unauthorized"}
            }}
          },
          "/{id}": {
            "get": {"responses": {
              "200": {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }},
            "delete": {"responses": {"204": {"description": "no body"}}}
          },
          "/{id}/secret": {
            "post": {"responses": {
              "200": {"description": "", "content": {"application/json": {"schema": {
                "$ref": "#/components/schemas/Thing", "required": ["secret"]}}}}
            }}
          },
          "/openapi.json": {
            "get": {"security": [], "responses": {
              "200": {"description": "", "content": {"application/json": {"schema": {"type": "object"}}}}
            }}
          }
        },
        "components": {
          "headers": {"Location": {"required": true, "schema": {"type": "string"}}},
          "responses": {
            "Unauthorized": {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "NotFound": {"description": "", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}},
            "MethodNotAllowed": {"description": "",
              "headers": {"Allow": {"required": true, "schema": {"type": "string"}}},
              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
          },
          "schemas": {
            "Thing": {
              "type": "object", "additionalProperties": false, "required": ["id", "used_at"],
              "properties": {
                "id": {"type": "string"},
                "secret": {"type": "string"},
                "used_at": {"type": ["string", "null"], "format": "date-time"}
              }
            },
            "Error": {
              "type": "object", "additionalProperties": false, "required": ["error"],
              "properties": {"error": {"enum": ["not_found", "invalid_request", "invalid_token"]}}
            }
          }
        }
      }
      """;

  private static final String THING = "{\"id\":\"a\",\"used_at\":null}";

  private final OpenApiValidator validator =
      new OpenApiValidator(API + "/" + OpenApiValidator.DOCUMENT_PATH, DOCUMENT);

  private static HttpResult answer(int status, String body, String... headers) {
    Map<String, List<String>> map = new HashMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], List.of(headers[i + 1]));
    }
    if (!body.isEmpty()) {
      map.put("Content-Type", List.of("application/json;charset=utf-8"));
    }
    return new HttpResult(status, HttpHeaders.of(map, (name, value) -> true), body);
  }

  private AssertionError refused(String method, String path, HttpResult result) {
    return assertThrows(AssertionError.class, () -> validator.check(method, API + path, result));
  }

  @Test
  void conformingAnswersPass() {
    assertDoesNotThrow(() -> validator.check("GET", API, answer(200, "[" + THING + "]")));
    assertDoesNotThrow(() -> validator.check("GET", API + "?first=1", answer(200, "[]")));
    assertDoesNotThrow(
        () ->
            validator.check(
                "POST", API, answer(201, THING, "Location", API + "/a", "WWW-Authenticate", "x")));
    assertDoesNotThrow(() -> validator.check("GET", API + "/a", answer(200, THING)));
    assertDoesNotThrow(() -> validator.check("DELETE", API + "/a", answer(204, "")));
    assertDoesNotThrow(
        () ->
            validator.check(
                "POST",
                API + "/a/secret",
                answer(
                    200, "{\"id\":\"a\",\"secret\":\"s\",\"used_at\":\"2026-12-02T07:00:00Z\"}")));
    assertDoesNotThrow(() -> validator.check("GET", API + "/openapi.json", answer(200, "{}")));
    assertDoesNotThrow(() -> validator.check("HEAD", API + "/a", answer(200, "")));
  }

  @Test
  void anExtraFieldFails() {
    AssertionError error =
        refused("GET", "/a", answer(200, "{\"id\":\"a\",\"used_at\":null,\"extra\":1}"));
    assertTrue(error.getMessage().contains("extra"), error::getMessage);
    assertTrue(error.getMessage().contains("GET " + API + "/a answered 200"), error::getMessage);
  }

  @Test
  void aWrongTypeFails() {
    refused("GET", "/a", answer(200, "{\"id\":1,\"used_at\":null}"));
    refused("GET", "/a", answer(200, "{\"id\":\"a\",\"used_at\":\"yesterday\"}"));
    refused("GET", "", answer(200, "{}"));
  }

  @Test
  void aMissingRequiredFieldOrOneOnlyAnotherOperationHasFails() {
    refused("GET", "/a", answer(200, "{\"id\":\"a\"}"));
    refused("POST", "/a/secret", answer(200, THING));
  }

  @Test
  void anUnlistedStatusFails() {
    AssertionError error = refused("GET", "", answer(500, "{\"error\":\"not_found\"}"));
    assertTrue(error.getMessage().contains("status 500 is not listed"), error::getMessage);
    refused("DELETE", "/a", answer(404, "{\"error\":\"not_found\"}"));
  }

  @Test
  void aBodyWhereTheDocumentSaysNoneFails() {
    refused("DELETE", "/a", answer(204, "{}"));
    refused("HEAD", "/a", answer(200, THING));
  }

  @Test
  void aMissingRequiredHeaderOrAnotherMediaTypeFails() {
    refused("POST", "", answer(201, THING));
    refused(
        "GET",
        "/a",
        new HttpResult(
            200,
            HttpHeaders.of(Map.of("Content-Type", List.of("text/html")), (name, value) -> true),
            THING));
  }

  @Test
  void anUnknownPathFailsUnlessItIsTheApisNotFound() {
    AssertionError error = refused("GET", "/a/b/c", answer(200, THING));
    assertTrue(error.getMessage().contains("no path /a/b/c"), error::getMessage);
    refused("GET", "/a/b/c", answer(404, "{\"error\":\"not_found\",\"stack\":\"...\"}"));
    assertDoesNotThrow(
        () -> validator.check("GET", API + "/a/b/c", answer(404, "{\"error\":\"not_found\"}")));
  }

  @Test
  void anUnknownMethodFailsUnlessItIsTheApisMethodNotAllowed() {
    refused("PUT", "", answer(200, THING));
    refused("PUT", "", answer(405, "{\"error\":\"invalid_request\"}"));
    refused("PUT", "", answer(405, "{\"error\":\"invalid_request\"}", "Allow", "GET, POST"));
    assertDoesNotThrow(
        () ->
            validator.check(
                "PUT",
                API,
                answer(405, "{\"error\":\"invalid_request\"}", "Allow", "GET, HEAD, POST")));
  }
}
