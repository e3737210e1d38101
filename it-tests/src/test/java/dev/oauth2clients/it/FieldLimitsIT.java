package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.ClientFields.Field;
import dev.oauth2clients.client.ClientFields.Kind;
import dev.oauth2clients.client.ClientFields.Limit;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated from the provider's field table: every field at its maximum, with é, emoji and quotes
 * wherever its rule lets them in, is accepted and read back exactly (on this pass's database); one
 * past the maximum gets the contract's 400 and changes nothing.
 */
class FieldLimitsIT {

  /** Prose and names: two-unit emoji enough to overflow Keycloak's 255 UTF-16 units. */
  private static final String[] TEXT = {"é", "😀", "\"", "'", "😀", "a"};

  private static final String[] PROSE = {"é", "😀", "\"", "\n", "😀", "a"};
  private static final String[] CONTACT = {"\"", "\"", "é", "😀", "a"};

  /** URIs are ASCII: é, 😀 and a quote as a URI spells them. */
  private static final String[] URI_PATH = {"%C3%A9", "%F0%9F%98%80", "'", "a"};

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("fiona");
  private static ClientsApi api;
  private static String replacedId;
  private static String untouchedId;

  @BeforeAll
  static void createRealm() {
    api = realm.api("fiona");
    replacedId = api.createNamed("replaced at every maximum").get("client_id").asText();
    untouchedId = api.createNamed("untouched").get("client_id").asText();
  }

  private static final Set<Kind> ELSEWHERE =
      Set.of(Kind.REALM_ROLES, Kind.CLIENT_ROLES, Kind.JWK_SET, Kind.HTTPS_URL);

  /**
   * Roles are left to {@link LeastPrivilegeIT}: a role name is accepted only when the owner holds
   * it and it is grantable, and more than 50 names are refused only where each alone would do. Keys
   * are left to {@link ClientKindsIT}: only a key-holding client takes them.
   */
  static Stream<Field<?>> limitedFields() {
    return ClientFields.ALL.stream()
        .filter(field -> field.limit().unit() != Limit.Unit.NONE)
        .filter(field -> !ELSEWHERE.contains(field.kind()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("limitedFields")
  void aFieldAtItsMaximumIsStoredWholeAndReadBackExactly(Field<?> field) {
    JsonNode longest = atMaximum(field);
    HttpResult created = api.create(body(field, longest));
    assertEquals(201, created.status(), () -> field.name() + ": " + created);
    String clientId = created.json().get("client_id").asText();
    assertSame(field, longest, created.json());
    assertSame(field, longest, api.read(clientId).json());
    assertSame(field, longest, api.list("client_id=" + clientId).json().get(0));

    HttpResult replaced = api.replace(replacedId, body(field, longest));
    assertEquals(200, replaced.status(), () -> field.name() + ": " + replaced);
    assertSame(field, longest, api.read(replacedId).json());
  }

  static Stream<Arguments> onePastTheMaximum() {
    return limitedFields().flatMap(FieldLimitsIT::pastMaximum);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("onePastTheMaximum")
  void onePastTheMaximumIsRefusedAndChangesNothing(Field<?> field, String what, JsonNode value) {
    String before = api.list("").body();
    String expected =
        field.kind() == Kind.REDIRECT_URIS ? "invalid_redirect_uri" : "invalid_client_metadata";

    HttpResult created = api.create(body(field, value));
    assertEquals(400, created.status(), created::toString);
    assertEquals(expected, created.error(), created::toString);
    HttpResult replaced = api.replace(untouchedId, body(field, value));
    assertEquals(400, replaced.status(), replaced::toString);
    assertEquals(expected, replaced.error(), replaced::toString);
    assertEquals(Json.parse(before), Json.parse(api.list("").body()), "nothing changed");
  }

  // ------------------------------------------------------------------ values from the table

  private static JsonNode atMaximum(Field<?> field) {
    Limit limit = field.limit();
    return switch (field.kind()) {
      case NAME -> text(TEXT, limit.length());
      case PROSE -> text(PROSE, limit.length());
      case REDIRECT_URIS, WEB_URL, ORIGINS -> values(field, i -> uri(field, i, limit.length()));
      case CONTACTS -> values(field, i -> "c" + i + text(CONTACT, limit.length() - 2).asText());
      case JSON_OBJECT -> metadataOfBytes(limit.length());
      case SWITCH, LIFESPAN, REALM_ROLES, CLIENT_ROLES, JWK_SET, HTTPS_URL ->
          throw new IllegalArgumentException(field.name() + " is not generated here");
    };
  }

  private static Stream<Arguments> pastMaximum(Field<?> field) {
    Limit limit = field.limit();
    List<Arguments> cases = new ArrayList<>();
    switch (field.kind()) {
      case NAME -> cases.add(past(field, "one character more", text(TEXT, limit.length() + 1)));
      case PROSE -> cases.add(past(field, "one character more", text(PROSE, limit.length() + 1)));
      case REDIRECT_URIS, WEB_URL, ORIGINS -> {
        cases.add(
            past(
                field,
                "one character more",
                values(field, i -> uri(field, i, limit.length() + 1))));
        if (limit.entries() > 1) {
          cases.add(
              past(field, "one entry more", entries(limit.entries() + 1, i -> uri(field, i, 40))));
        }
      }
      case CONTACTS -> {
        cases.add(
            past(field, "one character more", entries(1, i -> "x".repeat(limit.length() + 1))));
        cases.add(past(field, "one entry more", entries(limit.entries() + 1, i -> "c" + i)));
      }
      case JSON_OBJECT ->
          cases.add(past(field, "one byte more", metadataOfBytes(limit.length() + 1)));
      case SWITCH, LIFESPAN, REALM_ROLES, CLIENT_ROLES, JWK_SET, HTTPS_URL -> {}
    }
    return cases.stream();
  }

  private static Arguments past(Field<?> field, String what, JsonNode value) {
    return Arguments.of(field, what, value);
  }

  /** The maximum number of values for a list field, one value for the others. */
  private static JsonNode values(Field<?> field, IntFunction<String> value) {
    return field.limit().entries() > 1
        ? entries(field.limit().entries(), value)
        : TextNode.valueOf(value.apply(0));
  }

  private static ArrayNode entries(int count, IntFunction<String> value) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (int i = 0; i < count; i++) {
      array.add(value.apply(i));
    }
    return array;
  }

  /** {@code length} characters, going round {@code pieces}. */
  private static JsonNode text(String[] pieces, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(pieces[i % pieces.length]);
    }
    return TextNode.valueOf(text.toString());
  }

  /** The i-th distinct valid URI of the field's kind, exactly {@code length} characters long. */
  private static String uri(Field<?> field, int i, int length) {
    if (field.kind() == Kind.ORIGINS) {
      String start = "https://o" + i + ".xn--caf-dma.";
      String end = ".example";
      return start + hostLabels(length - start.length() - end.length()) + end;
    }
    String start =
        field.kind() == Kind.WEB_URL
            ? "https://app.example.com/"
            : "https://app.example.com/cb" + i + "/";
    return start + pathOfLength(length - start.length());
  }

  private static String pathOfLength(int length) {
    StringBuilder path = new StringBuilder();
    for (int i = 0; path.length() + URI_PATH[i % URI_PATH.length].length() <= length; i++) {
      path.append(URI_PATH[i % URI_PATH.length]);
    }
    return path + "a".repeat(length - path.length());
  }

  /** Host labels of 'b' that take exactly {@code length} characters, dots included. */
  private static String hostLabels(int length) {
    StringBuilder labels = new StringBuilder();
    for (int i = 0; i < length; i++) {
      labels.append((i + 1) % 61 == 0 && i != length - 1 ? '.' : 'b');
    }
    return labels.toString();
  }

  /** {"text": "..."} of exactly {@code bytes} bytes as compact UTF-8 JSON, quotes escaped. */
  private static JsonNode metadataOfBytes(int bytes) {
    String[] pieces = {"\"", "é", "😀", "a"};
    int[] sizes = {2, 2, 4, 1};
    int budget = bytes - "{\"text\":\"\"}".length();
    StringBuilder text = new StringBuilder();
    for (int i = 0; budget >= sizes[i % pieces.length]; i++) {
      text.append(pieces[i % pieces.length]);
      budget -= sizes[i % pieces.length];
    }
    ObjectNode metadata = Json.object().put("text", text.toString());
    int actual = Json.write(metadata).getBytes(StandardCharsets.UTF_8).length;
    assertEquals(bytes, actual, "the generator's own arithmetic");
    return metadata;
  }

  // ------------------------------------------------------------------ sending and comparing

  private static ObjectNode body(Field<?> field, JsonNode value) {
    ObjectNode body = Json.object();
    body.put("client_name", "limits of " + field.name());
    body.set(field.name(), value);
    return body;
  }

  /** Sets come back sorted (Keycloak keeps redirect URIs and origins as sets). */
  private static void assertSame(Field<?> field, JsonNode sent, JsonNode client) {
    JsonNode shown = client.get(field.name());
    assertEquals(sortedIfArray(sent), sortedIfArray(shown), () -> field.name() + " read back");
  }

  private static JsonNode sortedIfArray(JsonNode node) {
    if (node == null || !node.isArray()) {
      return node;
    }
    ArrayNode sorted = Json.MAPPER.createArrayNode();
    List<String> values = new ArrayList<>();
    node.forEach(value -> values.add(value.asText()));
    values.stream().sorted().forEach(sorted::add);
    return sorted;
  }
}
