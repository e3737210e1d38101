package dev.oauth2clients.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Holds answers of the oauth2-clients API to its OpenAPI 3.1 document: the path and method must be
 * in it, the status must be one the operation lists (the document has no {@code default} responses,
 * so nothing else passes), the headers it marks required must be there, and the body must be of a
 * listed media type and valid against the response's JSON Schema, {@code $ref}s into {@code
 * components} and formats included; where the document lists no content, the body is empty.
 *
 * <p>What the document does not list is allowed only as the API's own refusal of it: a path it does
 * not have as its {@code NotFound} response, a method a path does not have as its {@code
 * MethodNotAllowed} response, whose {@code Allow} header names the methods the document gives that
 * path. {@code HEAD} is {@code GET} without a body.
 */
public final class OpenApiValidator {

  /** Where a realm's API serves its document, relative to the API's URL. */
  public static final String DOCUMENT_PATH = "openapi.json";

  private static final String NOT_FOUND = "/components/responses/NotFound";
  private static final String METHOD_NOT_ALLOWED = "/components/responses/MethodNotAllowed";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private record Template(String path, Pattern pattern) {}

  private final String apiUrl;
  private final String documentIri;
  private final JsonNode document;
  private final List<Template> templates;
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();

  /**
   * @param documentUrl where the document was served, {@code <API URL>/openapi.json}: the paths of
   *     the document are taken relative to the API URL, and its {@code $ref}s relative to this
   * @param documentText the document as served
   */
  public OpenApiValidator(String documentUrl, String documentText) {
    if (!documentUrl.endsWith("/" + DOCUMENT_PATH)) {
      throw new IllegalArgumentException(documentUrl + " is not an API's " + DOCUMENT_PATH);
    }
    this.apiUrl = documentUrl.substring(0, documentUrl.length() - DOCUMENT_PATH.length() - 1);
    this.documentIri = documentUrl;
    this.document = Json.parse(documentText);
    // Literal paths before templated ones, as OpenAPI matches them (openapi.json before
    // {client_id}).
    this.templates =
        names(document.path("paths")).stream()
            .map(path -> new Template(path, pattern(path)))
            .sorted(Comparator.comparingLong(template -> braces(template.path())))
            .toList();
    // The registry finds the document under its own URL, so that nothing is fetched twice.
    this.registry =
        SchemaRegistry.withDialect(
            Dialects.getOpenApi31(),
            builder ->
                builder
                    .schemas(Map.of(documentIri, documentText))
                    .schemaRegistryConfig(
                        SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  /** Throws an {@link AssertionError} naming request, status, problems and body, if any. */
  public void check(String method, String url, HttpResult result) {
    List<String> problems = problems(method.toLowerCase(Locale.ROOT), url, result);
    if (!problems.isEmpty()) {
      throw new AssertionError(
          method
              + " "
              + url
              + " answered "
              + result.status()
              + ", which "
              + documentIri
              + " does not allow:\n  "
              + String.join("\n  ", problems)
              + "\nbody: "
              + result.body());
    }
  }

  private List<String> problems(String method, String url, HttpResult result) {
    String path = relativePath(url);
    List<Template> matching =
        templates.stream().filter(template -> template.pattern().matcher(path).matches()).toList();
    if (matching.isEmpty()) {
      return refusal(NOT_FOUND, 404, result, "the document has no path " + path);
    }
    String operationMethod = method.equals("head") ? "get" : method;
    for (Template template : matching) {
      JsonNode operation = document.path("paths").path(template.path()).get(operationMethod);
      if (operation != null) {
        return answer(
            operation, pointer("paths", template.path(), operationMethod), method, result);
      }
    }
    List<String> problems =
        refusal(
            METHOD_NOT_ALLOWED,
            405,
            result,
            "the document has no " + method.toUpperCase(Locale.ROOT) + " at " + path);
    if (problems.isEmpty()) {
      Set<String> documented = documentedMethods(matching);
      Set<String> allowed = headerList(result.header("Allow"));
      if (!allowed.equals(documented)) {
        problems.add("Allow says " + allowed + ", the document " + documented);
      }
    }
    return problems;
  }

  /** An answer the document lists nothing for: right only as the API's own refusal of it. */
  private List<String> refusal(String response, int status, HttpResult result, String why) {
    if (result.status() != status) {
      return new ArrayList<>(List.of(why + ", and the answer is not its " + status));
    }
    return response(document.at(response), response, false, result);
  }

  private List<String> answer(
      JsonNode operation, String operationPointer, String method, HttpResult result) {
    String status = String.valueOf(result.status());
    JsonNode response = operation.path("responses").get(status);
    if (response == null) {
      return new ArrayList<>(
          List.of(
              "status "
                  + status
                  + " is not listed for "
                  + operationPointer
                  + ", which lists "
                  + names(operation.path("responses"))));
    }
    return response(
        response, operationPointer + "/responses/" + status, method.equals("head"), result);
  }

  private List<String> response(
      JsonNode response, String pointer, boolean bodiless, HttpResult result) {
    while (response.has("$ref")) {
      pointer = local(response.get("$ref").asText());
      response = document.at(pointer);
    }
    List<String> problems = new ArrayList<>();
    response
        .path("headers")
        .properties()
        .forEach(
            header -> {
              JsonNode definition = resolve(header.getValue());
              if (definition.path("required").asBoolean()
                  && result.header(header.getKey()) == null) {
                problems.add("header " + header.getKey() + " is required and missing");
              }
            });
    JsonNode content = response.path("content");
    if (bodiless || content.isEmpty()) {
      if (!result.body().isEmpty()) {
        problems.add("the document says no body (" + pointer + ")");
      }
      return problems;
    }
    String contentType = result.header("Content-Type");
    String mediaType =
        contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    if (!content.has(mediaType)) {
      problems.add(
          "Content-Type "
              + contentType
              + " is not one of "
              + names(content)
              + " ("
              + pointer
              + ")");
      return problems;
    }
    JsonNode body;
    if (mediaType.endsWith("json")) {
      try {
        body = Json.MAPPER.readTree(result.body());
      } catch (JsonProcessingException e) {
        problems.add("the body is not JSON: " + e.getOriginalMessage());
        return problems;
      }
    } else {
      body = TextNode.valueOf(result.body());
    }
    String schemaPointer = pointer + "/content/" + escape(mediaType) + "/schema";
    for (Error error : schema(schemaPointer).validate(body)) {
      problems.add(error.toString() + " (" + schemaPointer + ")");
    }
    return problems;
  }

  private Schema schema(String pointer) {
    return schemas.computeIfAbsent(
        pointer, at -> registry.getSchema(SchemaLocation.of(documentIri + "#" + fragment(at))));
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode resolved = node;
    while (resolved.has("$ref")) {
      resolved = document.at(local(resolved.get("$ref").asText()));
    }
    return resolved;
  }

  private Set<String> documentedMethods(List<Template> matching) {
    Set<String> methods = new TreeSet<>();
    for (Template template : matching) {
      document
          .path("paths")
          .path(template.path())
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (METHODS.contains(name)) {
                  methods.add(name.toUpperCase(Locale.ROOT));
                }
              });
    }
    if (methods.contains("GET")) {
      methods.add("HEAD");
    }
    return methods;
  }

  /** The path after the API's URL, without query or fragment; the API itself is "/". */
  private String relativePath(String url) {
    if (!url.startsWith(apiUrl)) {
      throw new IllegalArgumentException(url + " is not under " + apiUrl);
    }
    String rest = url.substring(apiUrl.length()).replaceFirst("[?#].*$", "");
    return rest.isEmpty() ? "/" : rest;
  }

  /** A path of the document as a regular expression: each {name} is one segment. */
  private static Pattern pattern(String path) {
    return Pattern.compile(
        Arrays.stream(path.split("/", -1))
            .map(segment -> segment.matches("\\{[^}]+}") ? "[^/]+" : Pattern.quote(segment))
            .collect(Collectors.joining("/")));
  }

  private static long braces(String path) {
    return path.chars().filter(c -> c == '{').count();
  }

  private static String local(String ref) {
    if (!ref.startsWith("#")) {
      throw new IllegalStateException("only references within the document are followed: " + ref);
    }
    return ref.substring(1);
  }

  private static String pointer(String... tokens) {
    return Arrays.stream(tokens).map(token -> "/" + escape(token)).collect(Collectors.joining());
  }

  /** A JSON Pointer token (RFC 6901). */
  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /** A JSON Pointer as a URI fragment (RFC 6901, section 6): "{" and "}" percent-encoded. */
  private static String fragment(String pointer) {
    try {
      return new URI("x", "y", pointer).getRawFragment();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(pointer, e);
    }
  }

  private static Set<String> headerList(String header) {
    return header == null
        ? Set.of()
        : Arrays.stream(header.split(","))
            .map(String::trim)
            .filter(name -> !name.isEmpty())
            .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> names(JsonNode object) {
    return object.properties().stream().map(Map.Entry::getKey).toList();
  }
}
