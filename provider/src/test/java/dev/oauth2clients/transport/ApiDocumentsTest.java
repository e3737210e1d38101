package dev.oauth2clients.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.representation.Json;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document and the resource class name the same routes, so that a method added to the
 * one is not forgotten in the other; the integration tests check statuses and bodies.
 */
class ApiDocumentsTest {

  private static JsonNode document() throws IOException {
    try (InputStream in =
        ApiDocuments.class.getResourceAsStream("/dev/oauth2clients/openapi.json")) {
      return Json.MAPPER.readTree(in);
    }
  }

  /** "METHOD /path" of every route of the resource, in the document's notation. */
  private static Set<String> resourceRoutes() {
    Set<String> routes = new TreeSet<>();
    for (Method method : OAuth2ClientsResource.class.getMethods()) {
      Path path = method.getAnnotation(Path.class);
      String httpMethod =
          Stream.of(method.getAnnotations())
              .map(annotation -> annotation.annotationType().getAnnotation(HttpMethod.class))
              .filter(annotation -> annotation != null)
              .map(HttpMethod::value)
              .findFirst()
              .orElse(null);
      // Fallbacks answer only refusals, and preflight answers every path.
      if (path == null
          || httpMethod == null
          || method.isAnnotationPresent(Routes.Fallback.class)
          || httpMethod.equals(HttpMethod.OPTIONS)) {
        continue;
      }
      // A parameter whose pattern is one word is that word (the schema's path is one, see there).
      String template = path.value().replaceAll("\\{\\w+:(\\w+)}", "$1");
      routes.add(httpMethod + " /" + template.replace("{clientId}", "{client_id}"));
    }
    return routes;
  }

  private static Set<String> documentRoutes(JsonNode document) {
    Set<String> routes = new TreeSet<>();
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        member -> {
                          String method = member.getKey().toUpperCase(Locale.ROOT);
                          if (!member.getKey().equals("parameters")
                              && !method.equals(HttpMethod.OPTIONS)) {
                            routes.add(method + " " + path.getKey());
                          }
                        }));
    return routes;
  }

  @Test
  void everyRouteOfTheResourceIsDocumented() throws IOException {
    Set<String> documented = documentRoutes(document());
    Set<String> missing = new TreeSet<>(resourceRoutes());
    missing.removeAll(documented);
    assertEquals(Set.of(), missing, "routes of OAuth2ClientsResource missing from openapi.json");
  }

  @Test
  void everyDocumentedRouteIsTheResources() throws IOException {
    Set<String> extra = new TreeSet<>(documentRoutes(document()));
    extra.removeAll(resourceRoutes());
    assertEquals(Set.of(), extra, "routes in openapi.json that OAuth2ClientsResource lacks");
  }

  @Test
  void everyOperationNeedsTheUserTokenExceptTheDocumentsLeakReportsAndPreflight()
      throws IOException {
    JsonNode document = document();
    assertEquals(
        "bearer", document.at("/components/securitySchemes/userAccessToken/scheme").asText());
    document
        .get("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation -> {
                          boolean open =
                              operation.getKey().equals("options")
                                  || path.getKey().equals("/openapi.json")
                                  || path.getKey().equals("/revocations")
                                  || path.getKey().equals("/graphql/schema.graphql");
                          if (!operation.getKey().equals("parameters")) {
                            assertEquals(
                                open,
                                operation.getValue().has("security"),
                                operation.getKey() + " " + path.getKey());
                          }
                        }));
    assertTrue(document.get("security").get(0).has("userAccessToken"));
  }
}
