package dev.oauth2clients.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.ClientFields.Field;
import dev.oauth2clients.client.ClientFields.Limit;
import dev.oauth2clients.client.ClientFields.ServerSet;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.Json;
import dev.oauth2clients.representation.OAuth2ClientView;
import dev.oauth2clients.validation.SecretRequests;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ClientFields} is the one list of the client object's fields and limits: the JSON record
 * the API writes, the OpenAPI document and the GraphQL schema are held to it here, so that a field
 * or limit changed in the table and forgotten in a document fails the build.
 */
class FieldTableDocumentsTest {

  private static final JsonNode OPENAPI = read("/dev/oauth2clients/openapi.json");
  private static final String SDL = text("/dev/oauth2clients/transport/graphql/schema.graphql");

  @Test
  void theRecordReadsWriteHasExactlyTheTablesFields() {
    Set<String> written =
        Stream.of(OAuth2ClientView.class.getRecordComponents())
            .map(component -> component.getAccessor().getAnnotation(JsonProperty.class).value())
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(new TreeSet<>(ClientFields.shownNames()), written);
  }

  @Test
  void theOpenApiClientObjectHasExactlyTheTablesFields() {
    assertEquals(
        new TreeSet<>(ClientFields.shownNames()), names(schema("Client").path("properties")));
  }

  @Test
  void theOpenApiInputHasExactlyTheOwnersFields() {
    assertEquals(ownerFields(), names(schema("ClientFields").path("properties")));
  }

  @ParameterizedTest
  @MethodSource("ownerFieldsWithLimits")
  void eachOwnerFieldsLimitIsTheTablesInTheOpenApiDocument(Field<?> field) {
    JsonNode property = resolve(schema("ClientFields").path("properties").path(field.name()));
    Limit limit = field.limit();
    switch (field.kind()) {
      case NAME, PROSE, WEB_URL, HTTPS_URL ->
          assertEquals(limit.length(), property.path("maxLength").asInt(), field.name());
      case REDIRECT_URIS, ORIGINS, CONTACTS, REALM_ROLES -> {
        assertEquals(limit.entries(), property.path("maxItems").asInt(), field.name());
        assertEquals(
            limit.length(),
            resolve(property.path("items")).path("maxLength").asInt(),
            field.name() + " items");
      }
      // At most so many names in all, over every client: the document says it in words.
      case CLIENT_ROLES -> {
        assertTrue(
            property.path("description").asText().contains("at most " + limit.entries() + " names"),
            field.name());
        assertEquals(
            limit.length(),
            property.path("additionalProperties").path("items").path("maxLength").asInt(),
            field.name() + " items");
      }
      default -> throw new AssertionError("no limit to compare for " + field.name());
    }
  }

  static Stream<Field<?>> ownerFieldsWithLimits() {
    return ClientFields.ALL.stream().filter(field -> field.limit().unit() == Limit.Unit.CHARACTERS);
  }

  @Test
  void theOpenApiErrorCodesAreTheApisCodes() {
    Set<String> codes = new TreeSet<>();
    Stream.of(ApiError.values())
        .map(ApiError::code)
        // 405 and 406 carry invalid_request in the body; the document lists each code once.
        .forEach(codes::add);
    Set<String> documented = new TreeSet<>();
    schema("Error")
        .path("properties")
        .path("error")
        .path("enum")
        .forEach(code -> documented.add(code.asText()));

    assertEquals(codes, documented);
  }

  @Test
  void theGraphqlClientTypeHasExactlyTheTablesFields() {
    assertEquals(new TreeSet<>(ClientFields.shownNames()), graphqlFields("type Oauth2Client"));
  }

  /** GraphQL's input takes what REST's create and PUT take: owner fields, settings, a lifetime. */
  @Test
  void theGraphqlInputHasTheOwnersFieldsTheSettingsAndASecretLifetime() {
    Set<String> expected = new TreeSet<>(ownerFields());
    ClientFields.SET_BY_SERVER.forEach(
        (name, kind) -> {
          if (kind == ServerSet.SETTING) {
            expected.add(name);
          }
        });
    expected.add(SecretRequests.SECRET_EXPIRES_IN);

    assertEquals(expected, graphqlFields("input Oauth2ClientInput"));
  }

  private static Set<String> ownerFields() {
    return ClientFields.ALL.stream()
        .map(Field::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> graphqlFields(String declaration) {
    Matcher block = Pattern.compile(Pattern.quote(declaration) + "\\s*\\{([^}]*)}").matcher(SDL);
    assertTrue(block.find(), () -> declaration + " in the schema");
    Set<String> fields = new TreeSet<>();
    Matcher field = Pattern.compile("(?m)^\\s*([a-z_]+)\\s*[:(]").matcher(block.group(1));
    while (field.find()) {
      fields.add(field.group(1));
    }
    return fields;
  }

  private static JsonNode schema(String name) {
    JsonNode schema = OPENAPI.path("components").path("schemas").path(name);
    assertTrue(schema.isObject(), () -> "schema " + name + " in the OpenAPI document");
    return schema;
  }

  /** The schema a {@code $ref} points to (an input's non-null choice), or the node itself. */
  private static JsonNode resolve(JsonNode node) {
    for (JsonNode choice : node.path("anyOf")) {
      if (!choice.path("type").asText().equals("null")) {
        return resolve(choice);
      }
    }
    String ref = node.path("$ref").asText(null);
    if (ref == null) {
      return node;
    }
    JsonNode target = OPENAPI;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return resolve(target);
  }

  private static Set<String> names(JsonNode object) {
    Set<String> names = new TreeSet<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }

  private static JsonNode read(String resource) {
    try {
      return Json.MAPPER.readTree(text(resource));
    } catch (IOException e) {
      throw new IllegalStateException(resource, e);
    }
  }

  private static String text(String resource) {
    try (InputStream in = FieldTableDocumentsTest.class.getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("no " + resource + " on the class path", e);
    }
  }
}
