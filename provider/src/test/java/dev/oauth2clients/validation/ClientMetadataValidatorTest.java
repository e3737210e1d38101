package dev.oauth2clients.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.ClientMetadata;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.validation.ClientMetadataValidator.AcceptedFixedValues;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientMetadataValidatorTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String OWNER = "8f14e45f-ceea-467f-a8b6-2d5c0f9e6a11";
  private static final String NAME = "My app";
  private static final int REALM_LIFESPAN = 3600;

  // ---------------------------------------------------------------- helpers

  private static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static ArrayNode array(String... values) {
    ArrayNode array = MAPPER.createArrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  private static ArrayNode array(List<String> values) {
    return array(values.toArray(String[]::new));
  }

  /** An https URL of exactly {@code length} characters. */
  private static String httpsUrlOfLength(int length) {
    String prefix = "https://app.example.com/";
    return prefix + "a".repeat(length - prefix.length());
  }

  /** The value of the named field, read through the field table's getter. */
  private static Object fieldValue(ClientMetadata metadata, String field) {
    return ClientFields.ALL.stream()
        .filter(candidate -> candidate.name().equals(field))
        .findFirst()
        .orElseThrow()
        .value()
        .apply(metadata);
  }

  private static List<String> distinctHttpsUris(int count) {
    return IntStream.range(0, count).mapToObj(i -> "https://app.example.com/cb" + i).toList();
  }

  /** A body with only the required client_name. */
  private static ObjectNode named() {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("client_name", NAME);
    return body;
  }

  private static ObjectNode named(String field, JsonNode value) {
    ObjectNode body = named();
    body.set(field, value);
    return body;
  }

  private static ObjectNode named(String field, String value) {
    ObjectNode body = named();
    body.put(field, value);
    return body;
  }

  /** What the server shows for an existing client, as ClientViews.acceptedOnUpdate builds it. */
  private static ObjectNode shownOnUpdate() {
    ObjectNode shown = shownOnCreate();
    shown.put("client_id", "ssc-AbCdEfGhIjKlMnOpQrStUv");
    shown.put("created_at", "2025-01-02T03:04:05Z");
    shown.put("updated_at", "2025-01-03T03:04:05Z");
    shown.put("client_id_issued_at", 1735787045L);
    return shown;
  }

  /** What a new client will get, as ClientViews.acceptedOnCreate builds it. */
  private static ObjectNode shownOnCreate() {
    ObjectNode shown = MAPPER.createObjectNode();
    shown.set("grant_types", array("authorization_code", "refresh_token", "client_credentials"));
    shown.set("response_types", array("code"));
    shown.put("scope", "openid offline_access acr basic email profile roles web-origins");
    shown.set("audience", array(OWNER));
    shown.put("token_endpoint_auth_method", "client_secret_post");
    shown.put("owner", OWNER);
    shown.put("disabled_by_admin", false);
    shown.put("client_secret_expires_at", 0L);
    return shown;
  }

  private static AcceptedFixedValues onUpdate() {
    return new AcceptedFixedValues(shownOnUpdate());
  }

  private static AcceptedFixedValues onCreate() {
    return new AcceptedFixedValues(shownOnCreate());
  }

  private static ClientMetadata valid(ObjectNode body) {
    return ClientMetadataValidator.validate(body, onUpdate(), REALM_LIFESPAN);
  }

  private static ApiException refusal(ObjectNode body) {
    return refusal(body, onUpdate());
  }

  private static ApiException refusal(ObjectNode body, AcceptedFixedValues accepted) {
    return assertThrows(
        ApiException.class, () -> ClientMetadataValidator.validate(body, accepted, REALM_LIFESPAN));
  }

  private static void assertInvalidMetadata(ObjectNode body) {
    assertEquals(ApiError.INVALID_CLIENT_METADATA, refusal(body).error());
  }

  private static void assertInvalidRedirectUri(ObjectNode body) {
    assertEquals(ApiError.INVALID_REDIRECT_URI, refusal(body).error());
  }

  // ---------------------------------------------------------------- the whole object

  @Nested
  class WholeObject {

    @Test
    void nameAloneGivesDefaultsForEverythingElse() {
      assertEquals(
          new ClientMetadata(
              NAME, null, List.of(), List.of(), List.of(), null, null, null, null, null, null, null,
              null, List.of(), null, List.of(), Map.of(), null, null),
          valid(named()));
    }

    @Test
    void everyUserFieldIsReturned() {
      ObjectNode body =
          (ObjectNode)
              json(
                  """
                  {
                    "client_name": "Reporting tool",
                    "description": "Nightly export",
                    "redirect_uris": ["https://app.example.com/cb", "com.example.app:/cb"],
                    "post_logout_redirect_uris": ["http://localhost:8080/bye"],
                    "allowed_cors_origins": ["https://app.example.com"],
                    "client_uri": "https://example.com",
                    "logo_uri": "https://example.com/logo.png",
                    "policy_uri": "https://example.com/privacy",
                    "tos_uri": "https://example.com/tos",
                    "frontchannel_logout_uri": "https://app.example.com/logged-out",
                    "backchannel_logout_uri": "http://127.0.0.1:8081/logout",
                    "contacts": ["ops@example.com"],
                    "metadata": {"team": "data", "tier": 2},
                    "enabled": false
                  }
                  """);
      assertEquals(
          new ClientMetadata(
              "Reporting tool",
              "Nightly export",
              List.of("https://app.example.com/cb", "com.example.app:/cb"),
              List.of("http://localhost:8080/bye"),
              List.of("https://app.example.com"),
              "https://example.com",
              "https://example.com/logo.png",
              "https://example.com/privacy",
              "https://example.com/tos",
              "https://app.example.com/logged-out",
              "http://127.0.0.1:8081/logout",
              null,
              null,
              List.of("ops@example.com"),
              (ObjectNode) json("{\"team\": \"data\", \"tier\": 2}"),
              List.of(),
              Map.of(),
              null,
              false),
          valid(body));
    }

    static Stream<String> optionalFields() {
      return ClientMetadataValidator.USER_FIELDS.stream()
          .filter(name -> !name.equals("client_name"));
    }

    @ParameterizedTest
    @MethodSource("optionalFields")
    void nullMeansAbsentForOptionalFields(String field) {
      assertEquals(valid(named()), valid(named(field, NullNode.getInstance())));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo", "clientName", "redirect_uri", "secret", "CLIENT_NAME"})
    void refusesUnknownFields(String field) {
      ApiException e = refusal(named(field, "x"));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertEquals("Unknown field '" + field + "'.", e.description());
    }

    @Test
    void refusesClientSecret() {
      ApiException e = refusal(named("client_secret", "my-own-secret"));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertTrue(e.description().startsWith("client_secret cannot be set"), e.description());
    }
  }

  // ---------------------------------------------------------------- client_name and description

  @Nested
  class ClientName {

    @Test
    void countsCharactersNotUtf16Units() {
      String emoji = "\uD83D\uDE80".repeat(200);
      assertEquals(emoji, valid(named("client_name", emoji)).clientName());
      assertInvalidMetadata(named("client_name", emoji + "\uD83D\uDE80"));
    }

    @Test
    void refusesANameOfUnicodeSpacesOnly() {
      assertInvalidMetadata(named("client_name", "\u00A0\u2003"));
    }

    @Test
    void stripsUnicodeSpacesAroundTheName() {
      assertEquals("App", valid(named("client_name", "\u2003App\u00A0")).clientName());
    }

    @Test
    void isTrimmed() {
      assertEquals("My app", valid(named("client_name", "  \tMy app \n")).clientName());
    }

    @Test
    void acceptsOneCharacter() {
      assertEquals("x", valid(named("client_name", "x")).clientName());
    }

    @Test
    void accepts200Characters() {
      String name = "n".repeat(200);
      assertEquals(name, valid(named("client_name", name)).clientName());
    }

    @Test
    void accepts200CharactersSurroundedBySpaces() {
      String name = "n".repeat(200);
      assertEquals(name, valid(named("client_name", "   " + name + "   ")).clientName());
    }

    @Test
    void refuses201Characters() {
      assertInvalidMetadata(named("client_name", "n".repeat(201)));
    }

    @Test
    void isRequired() {
      ObjectNode body = MAPPER.createObjectNode();
      body.put("description", "no name");
      assertInvalidMetadata(body);
    }

    @Test
    void refusesNull() {
      assertInvalidMetadata(named("client_name", NullNode.getInstance()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "   \t\n  "})
    void refusesEmptyOrBlank(String name) {
      ApiException e = refusal(named("client_name", name));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertEquals("client_name must not be empty.", e.description());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "My\u0000app",
          "My\napp",
          "My\tapp",
          "My\u001bapp",
          "My\u007fapp",
          "My app\u0085"
        })
    void refusesControlCharacters(String name) {
      ApiException e = refusal(named("client_name", name));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertEquals("client_name must not contain control characters.", e.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "true", "[\"My app\"]", "{\"name\":\"My app\"}"})
    void refusesNonStrings(String value) {
      assertInvalidMetadata(named("client_name", json(value)));
    }

    @Test
    void acceptsNonAsciiLetters() {
      assertEquals("Café ☕", valid(named("client_name", "Café ☕")).clientName());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "Pay\u202Elapyap", // right-to-left override: would display as "Paypal..."
          "Bank\u200B", // zero-width space
          "\u2066Isolated\u2069",
          "\uFEFFApp",
          "soft\u00ADhyphen",
        })
    void refusesInvisibleFormatCharacters(String name) {
      ApiException e = refusal(named("client_name", name));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertTrue(
          e.description().startsWith("client_name must not contain invisible"), e::description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"${client_account-console}", "My ${adminConsole} app"})
    void refusesWhatKeycloaksPagesWouldReadAsTheirOwnMessage(String name) {
      ApiException e = refusal(named("client_name", name));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertTrue(e.description().contains("message key"), e::description);
    }

    @Test
    void acceptsADollarSignOrBracesAlone() {
      assertEquals("$5 {beta}", valid(named("client_name", "$5 {beta}")).clientName());
    }

    @Test
    void acceptsEmojiJoinedIntoOne() {
      String technologist = "\uD83D\uDC69\u200D\uD83D\uDCBB Tools";
      assertEquals(technologist, valid(named("client_name", technologist)).clientName());
    }
  }

  @Nested
  class Description {

    @Test
    void accepts1000Characters() {
      String text = "d".repeat(1000);
      assertEquals(text, valid(named("description", text)).description());
    }

    @Test
    void refuses1001Characters() {
      assertInvalidMetadata(named("description", "d".repeat(1001)));
    }

    @Test
    void keepsLineBreaksAndTabs() {
      String text = "Line one\nLine two\twith a tab\r\n";
      assertEquals(text, valid(named("description", text)).description());
    }

    @Test
    void acceptsEmptyText() {
      assertEquals("", valid(named("description", "")).description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u001b[31mred", "a\u007fb", "a\u0008b"})
    void refusesOtherControlCharacters(String text) {
      assertInvalidMetadata(named("description", text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line\n\u202Eenil", "\u2067hidden\u2069", "zero\u200Bwidth"})
    void refusesInvisibleFormatCharactersButKeepsLineBreaks(String text) {
      ApiException e = refusal(named("description", text));
      assertTrue(
          e.description().startsWith("description must not contain invisible"), e::description);
    }

    @Test
    void refusesNonString() {
      assertInvalidMetadata(named("description", json("[\"text\"]")));
    }
  }

  // ---------------------------------------------------------------- URI lists

  @Nested
  class RedirectUris {

    @Test
    void countsDuplicatesOnceTowardsTheLimit() {
      List<String> copies = java.util.Collections.nCopies(21, "https://app.example.com/cb");
      assertEquals(
          List.of("https://app.example.com/cb"),
          valid(named("redirect_uris", array(copies))).redirectUris());
    }

    @Test
    void keepsTheOrderSent() {
      List<String> uris =
          List.of("https://b.example.com/cb", "http://127.0.0.1:9000/cb", "com.example.app:/cb");
      assertEquals(uris, valid(named("redirect_uris", array(uris))).redirectUris());
    }

    @Test
    void collapsesDuplicatesKeepingTheFirst() {
      ObjectNode body =
          named(
              "redirect_uris",
              array(
                  "https://a.example.com/cb",
                  "https://b.example.com/cb",
                  "https://a.example.com/cb"));
      assertEquals(
          List.of("https://a.example.com/cb", "https://b.example.com/cb"),
          valid(body).redirectUris());
    }

    @Test
    void acceptsAnEmptyList() {
      assertEquals(List.of(), valid(named("redirect_uris", array())).redirectUris());
    }

    @Test
    void accepts20() {
      List<String> uris = distinctHttpsUris(20);
      assertEquals(uris, valid(named("redirect_uris", array(uris))).redirectUris());
    }

    @Test
    void refuses21() {
      assertInvalidRedirectUri(named("redirect_uris", array(distinctHttpsUris(21))));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://*.example.com/cb",
          "https://app.example.com/cb#fragment",
          "http://app.example.com/cb",
          "/cb",
          "myapp:/cb",
          "javascript:alert(1)",
          "https://user:pass@app.example.com/cb",
          "",
        })
    void refusesUrisThatBreakTheRuleWithInvalidRedirectUri(String uri) {
      assertInvalidRedirectUri(named("redirect_uris", array("https://ok.example.com/cb", uri)));
    }

    @Test
    void acceptsAUriOf255CharactersAndRefuses256() {
      assertEquals(
          List.of(httpsUrlOfLength(255)),
          valid(named("redirect_uris", array(httpsUrlOfLength(255)))).redirectUris());
      ApiException e = refusal(named("redirect_uris", array(httpsUrlOfLength(256))));
      assertEquals(ApiError.INVALID_REDIRECT_URI, e.error());
      assertTrue(e.description().endsWith("is longer than 255 characters."), e::description);
    }

    @Test
    void refusesAnOverLongUriWithAShortDescription() {
      String uri = "https://app.example.com/" + "a".repeat(3000);
      ApiException e = refusal(named("redirect_uris", array(uri)));
      assertEquals(ApiError.INVALID_REDIRECT_URI, e.error());
      assertTrue(e.description().length() < 300, e.description());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"\"https://app.example.com/cb\"", "[42]", "[null]", "[[\"x\"]]", "{}", "true"})
    void refusesWrongJsonTypesWithInvalidClientMetadata(String value) {
      assertInvalidMetadata(named("redirect_uris", json(value)));
    }
  }

  @Nested
  class PostLogoutRedirectUris {

    @Test
    void acceptsValidUris() {
      List<String> uris = List.of("https://app.example.com/bye", "com.example.app:/bye");
      assertEquals(
          uris, valid(named("post_logout_redirect_uris", array(uris))).postLogoutRedirectUris());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://*.example.com/bye",
          "https://app.example.com/bye#x",
          "http://app.example.com/bye",
          "bye",
          "myapp:/bye",
        })
    void refusesUrisThatBreakTheRuleWithInvalidRedirectUri(String uri) {
      assertInvalidRedirectUri(named("post_logout_redirect_uris", array(uri)));
    }

    @Test
    void refuses21() {
      assertInvalidRedirectUri(named("post_logout_redirect_uris", array(distinctHttpsUris(21))));
    }

    @Test
    void collapsesDuplicates() {
      ObjectNode body =
          named(
              "post_logout_redirect_uris",
              array("https://app.example.com/bye", "https://app.example.com/bye"));
      assertEquals(List.of("https://app.example.com/bye"), valid(body).postLogoutRedirectUris());
    }
  }

  @Nested
  class AllowedCorsOrigins {

    @Test
    void acceptsAnOriginOf255CharactersAndRefuses256() {
      String longest =
          "https://"
              + "a".repeat(63)
              + "."
              + "b".repeat(63)
              + "."
              + "c".repeat(63)
              + "."
              + "d".repeat(55);
      assertEquals(255, longest.length());
      assertEquals(
          List.of(longest),
          valid(named("allowed_cors_origins", array(longest))).allowedCorsOrigins());
      ApiException e = refusal(named("allowed_cors_origins", array(longest + "d")));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertTrue(e.description().endsWith("is longer than 255 characters."), e::description);
    }

    @Test
    void acceptsOrigins() {
      List<String> origins =
          List.of(
              "https://app.example.com", "https://app.example.com:8443", "http://localhost:3000");
      assertEquals(
          origins, valid(named("allowed_cors_origins", array(origins))).allowedCorsOrigins());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://app.example.com/",
          "https://app.example.com/path",
          "https://app.example.com?q=1",
          "http://app.example.com",
          "*",
          "com.example.app:/cb",
        })
    void refusesNonOriginsWithInvalidClientMetadata(String origin) {
      assertInvalidMetadata(named("allowed_cors_origins", array(origin)));
    }

    @Test
    void refuses21WithInvalidClientMetadata() {
      List<String> origins =
          IntStream.range(0, 21).mapToObj(i -> "https://app" + i + ".example.com").toList();
      assertInvalidMetadata(named("allowed_cors_origins", array(origins)));
    }

    @Test
    void accepts20() {
      List<String> origins =
          IntStream.range(0, 20).mapToObj(i -> "https://app" + i + ".example.com").toList();
      assertEquals(
          origins, valid(named("allowed_cors_origins", array(origins))).allowedCorsOrigins());
    }

    @Test
    void collapsesDuplicates() {
      ObjectNode body =
          named(
              "allowed_cors_origins", array("https://app.example.com", "https://app.example.com"));
      assertEquals(List.of("https://app.example.com"), valid(body).allowedCorsOrigins());
    }
  }

  // ---------------------------------------------------------------- web URLs

  @Nested
  class WebUrls {

    private static ClientMetadata validWith(String field, String url) {
      return valid(named(field, url));
    }

    private static String read(ClientMetadata metadata, String field) {
      return switch (field) {
        case "client_uri" -> metadata.clientUri();
        case "logo_uri" -> metadata.logoUri();
        case "policy_uri" -> metadata.policyUri();
        case "tos_uri" -> metadata.tosUri();
        default -> throw new IllegalArgumentException(field);
      };
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "policy_uri", "tos_uri"})
    void acceptsHttps(String field) {
      assertEquals(
          "https://example.com/page", read(validWith(field, "https://example.com/page"), field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "policy_uri", "tos_uri"})
    void acceptsLoopbackHttp(String field) {
      assertEquals(
          "http://localhost:8080/", read(validWith(field, "http://localhost:8080/"), field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "policy_uri", "tos_uri"})
    void refusesHttpOnOtherHosts(String field) {
      assertInvalidMetadata(named(field, "http://example.com/page"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "policy_uri", "tos_uri"})
    void refusesRelativeUrls(String field) {
      assertInvalidMetadata(named(field, "/page"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "policy_uri", "tos_uri"})
    void refusesPrivateUseSchemes(String field) {
      assertInvalidMetadata(named(field, "com.example.app:/page"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "policy_uri", "tos_uri"})
    void refusesNonStrings(String field) {
      assertInvalidMetadata(named(field, array("https://example.com")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_uri", "logo_uri", "policy_uri", "tos_uri"})
    void accept255CharactersAndRefuse256(String field) {
      assertEquals(
          httpsUrlOfLength(255), fieldValue(valid(named(field, httpsUrlOfLength(255))), field));
      ApiException e = refusal(named(field, httpsUrlOfLength(256)));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertTrue(e.description().startsWith(field + " 'https://"), e::description);
    }
  }

  // ---------------------------------------------------------------- contacts, metadata, enabled

  @Nested
  class Contacts {

    private static List<String> contacts(int count) {
      return IntStream.range(0, count).mapToObj(i -> "person" + i + "@example.com").toList();
    }

    @Test
    void accepts10() {
      List<String> contacts = contacts(10);
      assertEquals(contacts, valid(named("contacts", array(contacts))).contacts());
    }

    @Test
    void refuses11() {
      assertInvalidMetadata(named("contacts", array(contacts(11))));
    }

    @Test
    void accepts254Characters() {
      String contact = "c".repeat(242) + "@example.com";
      assertEquals(254, contact.length());
      assertEquals(List.of(contact), valid(named("contacts", array(contact))).contacts());
    }

    @Test
    void refuses255Characters() {
      assertInvalidMetadata(named("contacts", array("c".repeat(243) + "@example.com")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "ops@example.com\n", "o\u0000ps@example.com"})
    void refusesBlankEntriesAndControlCharacters(String contact) {
      assertInvalidMetadata(named("contacts", array(contact)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"ops@example.com\"", "[1]", "[null]", "{}"})
    void refusesWrongJsonTypes(String value) {
      assertInvalidMetadata(named("contacts", json(value)));
    }
  }

  @Nested
  class Metadata {

    /** An object whose serialized UTF-8 form is 8 bytes plus the value's bytes. */
    private static ObjectNode objectWithValue(String value) {
      ObjectNode object = MAPPER.createObjectNode();
      object.put("k", value);
      return object;
    }

    @Test
    void returnsTheObjectSent() {
      ObjectNode metadata = (ObjectNode) json("{\"a\":{\"b\":[1,2,null]},\"c\":\"d\"}");
      assertEquals(metadata, valid(named("metadata", metadata)).metadata());
    }

    @Test
    void acceptsAnEmptyObject() {
      assertEquals(
          MAPPER.createObjectNode(),
          valid(named("metadata", MAPPER.createObjectNode())).metadata());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"a\":1}]", "\"text\"", "42", "true"})
    void refusesNonObjects(String value) {
      assertInvalidMetadata(named("metadata", json(value)));
    }

    @Test
    void acceptsExactly4096Bytes() {
      ObjectNode metadata = objectWithValue("x".repeat(4096 - 8));
      assertEquals(metadata, valid(named("metadata", metadata)).metadata());
    }

    @Test
    void refuses4097Bytes() {
      assertInvalidMetadata(named("metadata", objectWithValue("x".repeat(4097 - 8))));
    }

    @Test
    void countsUtf8BytesNotCharacters() {
      // 2045 two-byte characters: 2053 characters, 4098 bytes.
      assertInvalidMetadata(named("metadata", objectWithValue("é".repeat(2045))));
    }

    @Test
    void acceptsMultiByteTextUpTo4096Bytes() {
      ObjectNode metadata = objectWithValue("é".repeat(2044));
      assertEquals(metadata, valid(named("metadata", metadata)).metadata());
    }
  }

  @Nested
  class Enabled {

    @Test
    void isNullWhereNotSentSoThatEachMethodDecidesWhatAbsenceMeans() {
      assertEquals(null, valid(named()).enabled());
    }

    @Test
    void falseIsKept() {
      assertEquals(false, valid(named("enabled", json("false"))).enabled());
    }

    @Test
    void trueIsKept() {
      assertEquals(true, valid(named("enabled", json("true"))).enabled());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"false\"", "\"true\"", "0", "1", "[]", "{}"})
    void refusesNonBooleans(String value) {
      assertInvalidMetadata(named("enabled", json(value)));
    }
  }

  // ---------------------------------------------------------------- fixed fields

  @Nested
  class Roles {

    @Test
    void realmRolesAreDistinctAndKeptAsSent() {
      ObjectNode body = named("realm_roles", array("reader", "ré\"👍", "reader"));
      assertEquals(List.of("reader", "ré\"👍"), valid(body).realmRoles());
    }

    @Test
    void fiftyRolesOfTwoHundredFiftyFiveCharactersAreAcceptedAndOneMoreIsNot() {
      List<String> fifty = IntStream.range(0, 50).mapToObj(i -> roleName(i, 255)).toList();
      assertEquals(255, fifty.get(49).codePointCount(0, fifty.get(49).length()));
      assertEquals(fifty, valid(named("realm_roles", array(fifty))).realmRoles());
      List<String> fiftyOne = new ArrayList<>(fifty);
      fiftyOne.add("one more");
      assertEquals(
          "realm_roles may hold at most 50 roles.",
          refusal(named("realm_roles", array(fiftyOne))).description());
      assertInvalidMetadata(named("realm_roles", array(roleName(0, 256))));
    }

    /** A name of {@code length} characters with an emoji, a quote and accents. */
    private static String roleName(int i, int length) {
      String start = i + "👍\"";
      return start + "é".repeat(length - start.codePointCount(0, start.length()));
    }

    @Test
    void clientRolesCountAllNamesTogether() {
      ObjectNode roles = MAPPER.createObjectNode();
      roles.set("api", array(IntStream.range(0, 30).mapToObj(i -> "r" + i).toList()));
      roles.set("billing", array(IntStream.range(0, 20).mapToObj(i -> "r" + i).toList()));
      assertEquals(50, valid(named("client_roles", roles)).roles().clientRoleCount());
      roles.withArray("billing").add("r20");
      assertEquals(
          "client_roles may hold at most 50 roles in all.",
          refusal(named("client_roles", roles)).description());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("wrongShapes")
    void wrongShapesAreRefused(String field, String value) {
      assertInvalidMetadata(named(field, json(value)));
    }

    static Stream<Arguments> wrongShapes() {
      return Stream.of(
          Arguments.of("realm_roles", "\"reader\""),
          Arguments.of("realm_roles", "[1]"),
          Arguments.of("realm_roles", "[\"\"]"),
          Arguments.of("realm_roles", "[\"a\\u0000b\"]"),
          Arguments.of("realm_roles", "{\"reader\": true}"),
          Arguments.of("client_roles", "[\"api\"]"),
          Arguments.of("client_roles", "{\"api\": \"read\"}"),
          Arguments.of("client_roles", "{\"api\": [true]}"),
          Arguments.of("client_roles", "{\"\": [\"read\"]}"),
          Arguments.of("client_roles", "{\"api\": [\"\"]}"));
    }

    @Test
    void nullIsNone() {
      ObjectNode body = named("realm_roles", json("null"));
      body.set("client_roles", json("null"));
      assertEquals(valid(named()), valid(body));
    }
  }

  @Nested
  class AccessTokenLifespan {

    @Test
    void fromSixtyToTheRealmsLifespan() {
      assertEquals(60, valid(named("access_token_lifespan", json("60"))).accessTokenLifespan());
      assertEquals(
          REALM_LIFESPAN,
          valid(named("access_token_lifespan", json(Integer.toString(REALM_LIFESPAN))))
              .accessTokenLifespan());
      assertEquals(
          "access_token_lifespan must be a whole number of seconds from 60 to 3600, the realm's"
              + " lifespan.",
          refusal(named("access_token_lifespan", json("59"))).description());
      assertInvalidMetadata(
          named("access_token_lifespan", json(Integer.toString(REALM_LIFESPAN + 1))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"600\"", "600.5", "true", "[600]", "18446744073709552216"})
    void onlyWholeNumbersAreLifespans(String value) {
      assertInvalidMetadata(named("access_token_lifespan", json(value)));
    }

    /** A realm that lowered its lifespan below the owner's choice does not make the choice void. */
    @Test
    void theClientsOwnChoiceSentBackIsKeptAboveALowerRealmLifespan() {
      ObjectNode shown = shownOnUpdate();
      shown.put("access_token_lifespan", 7200);
      AcceptedFixedValues kept = new AcceptedFixedValues(shown);
      assertEquals(
          7200,
          ClientMetadataValidator.validate(
                  named("access_token_lifespan", json("7200")), kept, REALM_LIFESPAN)
              .accessTokenLifespan());
      assertInvalidMetadata(named("access_token_lifespan", json("7199")));
      assertEquals(
          ApiError.INVALID_CLIENT_METADATA,
          refusal(named("access_token_lifespan", json("7199")), kept).error());
    }

    @Test
    void absentOrNullIsTheRealms() {
      assertEquals(null, valid(named("access_token_lifespan", json("null"))).accessTokenLifespan());
    }
  }

  @Nested
  class FixedFields {

    @Test
    void everyFixedFieldMayBeEchoedWithTheValueShown() {
      ObjectNode body = shownOnUpdate();
      body.put("client_name", NAME);
      assertEquals(valid(named()), valid(body));
    }

    @Test
    void theWholeShownObjectIsEveryFixedField() {
      Set<String> shown = new HashSet<>();
      shownOnUpdate().fieldNames().forEachRemaining(shown::add);
      assertEquals(ClientMetadataValidator.FIXED_FIELDS, shown);
    }

    static Stream<String> fixedFields() {
      return ClientMetadataValidator.FIXED_FIELDS.stream();
    }

    @ParameterizedTest
    @MethodSource("fixedFields")
    void nullMeansAbsent(String field) {
      assertEquals(valid(named()), valid(named(field, NullNode.getInstance())));
    }

    static Stream<Arguments> otherValues() {
      return Stream.of(
          Arguments.of("client_id", "\"ssc-someoneElse\""),
          Arguments.of("client_id", "\"\""),
          Arguments.of(
              "grant_types",
              "[\"authorization_code\",\"refresh_token\",\"client_credentials\",\"password\"]"),
          Arguments.of("grant_types", "[\"client_credentials\"]"),
          Arguments.of("grant_types", "[]"),
          Arguments.of(
              "grant_types",
              "[\"authorization_code\",\"refresh_token\",\"client_credentials\",\"refresh_token\"]"),
          Arguments.of("grant_types", "\"authorization_code refresh_token client_credentials\""),
          Arguments.of("response_types", "[\"code\",\"token\"]"),
          Arguments.of("response_types", "[\"token\"]"),
          Arguments.of("response_types", "\"code\""),
          Arguments.of("scope", "\"openid offline_access\""),
          Arguments.of(
              "scope", "\"openid offline_access acr basic email profile roles web-origins admin\""),
          Arguments.of(
              "scope",
              "[\"openid\",\"offline_access\",\"acr\",\"basic\",\"email\",\"profile\",\"roles\",\"web-origins\"]"),
          Arguments.of("audience", "[\"someone-else\"]"),
          Arguments.of("audience", "[\"" + OWNER + "\",\"someone-else\"]"),
          Arguments.of("audience", "\"" + OWNER + "\""),
          Arguments.of("owner", "\"someone-else\""),
          Arguments.of("disabled_by_admin", "true"),
          Arguments.of("disabled_by_admin", "\"false\""),
          Arguments.of("created_at", "\"2030-01-01T00:00:00Z\""),
          Arguments.of("updated_at", "\"2030-01-01T00:00:00Z\""),
          Arguments.of("client_id_issued_at", "1"),
          Arguments.of("client_secret_expires_at", "1"),
          Arguments.of("client_secret_expires_at", "\"0\""),
          Arguments.of("client_secret_expires_at", "false"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("otherValues")
    void refusesAnyOtherValue(String field, String value) {
      ApiException e = refusal(named(field, json(value)));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertEquals(field + " is set by the server and cannot be changed.", e.description());
    }

    @Test
    void grantTypesAreComparedAsASet() {
      ObjectNode body =
          named("grant_types", array("client_credentials", "authorization_code", "refresh_token"));
      assertEquals(valid(named()), valid(body));
    }

    @Test
    void scopeIsComparedAsASetOfWords() {
      ObjectNode body =
          named("scope", "  web-origins roles profile   email basic acr offline_access\topenid ");
      assertEquals(valid(named()), valid(body));
    }

    @Test
    void integralNumbersAreComparedByValueNotByNodeType() {
      ObjectNode body = named();
      // Shown as a long; sent as an int.
      body.put("client_secret_expires_at", 0);
      body.put("client_id_issued_at", 1735787045);
      assertEquals(valid(named()), valid(body));
    }

    @Test
    void anUnrepresentableIntegerDoesNotWrapAroundToTheShownValue() {
      // 2^64: its low 64 bits are 0, but it is a different number.
      ApiException e = refusal(named("client_secret_expires_at", json("18446744073709551616")));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
    }

    @Test
    void onCreateTheClientIdMayNotBeSent() {
      ApiException e = refusal(named("client_id", "ssc-AbCdEfGhIjKlMnOpQrStUv"), onCreate());
      assertEquals(ApiError.INVALID_CLIENT_METADATA, e.error());
      assertEquals("client_id is set by the server and cannot be changed.", e.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"created_at", "updated_at"})
    void onCreateTimestampsMayNotBeSent(String field) {
      assertEquals(
          ApiError.INVALID_CLIENT_METADATA,
          refusal(named(field, "2025-01-02T03:04:05Z"), onCreate()).error());
    }

    @Test
    void onCreateTheValuesTheClientWillGetMayBeSent() {
      ObjectNode body = shownOnCreate();
      body.put("client_name", NAME);
      assertEquals(
          valid(named()), ClientMetadataValidator.validate(body, onCreate(), REALM_LIFESPAN));
    }

    @Test
    void onCreateAClientIsNotDisabledByAnAdmin() {
      assertEquals(
          ApiError.INVALID_CLIENT_METADATA,
          refusal(named("disabled_by_admin", json("true")), onCreate()).error());
    }
  }

  // ---------------------------------------------------------------- kinds of client

  @Nested
  class ClientKinds {

    private static final Set<ClientKind> ALL_KINDS = EnumSet.allOf(ClientKind.class);

    private AcceptedFixedValues shownFor(ClientKind kind) {
      ObjectNode shown = shownOnUpdate();
      shown.put("token_endpoint_auth_method", kind.authMethod);
      shown.set("grant_types", MAPPER.valueToTree(kind.grantTypes));
      return new AcceptedFixedValues(shown);
    }

    private ObjectNode keys() {
      return (ObjectNode) json(JwkSetRulesTest.rsaSet(2048, "k1"));
    }

    @Test
    void aCreateWithoutAMethodIsASecretClientWhereTheRealmAllowsThose() {
      assertEquals(
          ClientKind.CONFIDENTIAL, ClientMetadataValidator.kindOnCreate(named(), ALL_KINDS));
      ApiException refused =
          assertThrows(
              ApiException.class,
              () -> ClientMetadataValidator.kindOnCreate(named(), Set.of(ClientKind.PUBLIC)));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refused.error());
      assertEquals(
          "This realm does not allow clients with token_endpoint_auth_method client_secret_post;"
              + " it allows none.",
          refused.description());
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void aCreateChoosesAnyKindTheRealmAllowsAndNoOther(ClientKind kind) {
      ObjectNode body = named("token_endpoint_auth_method", kind.authMethod);
      assertEquals(kind, ClientMetadataValidator.kindOnCreate(body, ALL_KINDS));
      Set<ClientKind> others = EnumSet.complementOf(EnumSet.of(kind));
      ApiException refused =
          assertThrows(
              ApiException.class, () -> ClientMetadataValidator.kindOnCreate(body, others));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refused.error());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"\"client_secret_basic\"", "\"tls_client_auth\"", "\"\"", "1", "[\"none\"]"})
    void anUnknownMethodIsRefused(String value) {
      ApiException refused =
          assertThrows(
              ApiException.class,
              () ->
                  ClientMetadataValidator.kindOnCreate(
                      named("token_endpoint_auth_method", json(value)), ALL_KINDS));
      assertEquals(
          "token_endpoint_auth_method must be one of client_secret_post, none, private_key_jwt.",
          refused.description());
    }

    @Test
    void theKindCannotChangeAfterCreation() {
      ApiException refused = refusal(named("token_endpoint_auth_method", "none"));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refused.error());
      assertTrue(refused.description().contains("cannot be changed"), refused::description);
      ApiException back =
          refusal(
              named("token_endpoint_auth_method", "client_secret_post"),
              shownFor(ClientKind.PRIVATE_KEY_JWT));
      assertTrue(back.description().contains("cannot be changed"), back::description);
    }

    @Test
    void aPublicClientNeedsARedirectUriAndHasNoClientCredentialsGrant() {
      ApiException refused = refusal(named(), shownFor(ClientKind.PUBLIC));
      assertEquals(ApiError.INVALID_REDIRECT_URI, refused.error());
      ObjectNode body = named("redirect_uris", array("https://app.example.com/cb"));
      assertEquals(
          List.of("https://app.example.com/cb"),
          ClientMetadataValidator.validate(body, shownFor(ClientKind.PUBLIC), REALM_LIFESPAN)
              .redirectUris());
      body.set("grant_types", array("authorization_code", "refresh_token", "client_credentials"));
      assertEquals(
          "grant_types is set by the server and cannot be changed.",
          refusal(body, shownFor(ClientKind.PUBLIC)).description());
    }

    @Test
    void aKeyClientNeedsItsKeysInExactlyOnePlace() {
      AcceptedFixedValues keyClient = shownFor(ClientKind.PRIVATE_KEY_JWT);
      ObjectNode keys = keys();
      assertEquals(
          keys,
          ClientMetadataValidator.validate(named("jwks", keys), keyClient, REALM_LIFESPAN).jwks());
      assertEquals(
          "https://keys.example.com/jwks.json",
          ClientMetadataValidator.validate(
                  named("jwks_uri", "https://keys.example.com/jwks.json"),
                  keyClient,
                  REALM_LIFESPAN)
              .jwksUri());
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refusal(named(), keyClient).error());
      ObjectNode both = named("jwks", keys());
      both.put("jwks_uri", "https://keys.example.com/jwks.json");
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refusal(both, keyClient).error());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONFIDENTIAL", "PUBLIC"})
    void onlyAKeyClientHasKeys(ClientKind kind) {
      ObjectNode body = named("jwks", keys());
      body.set("redirect_uris", array("https://app.example.com/cb"));
      ApiException refused = refusal(body, shownFor(kind));
      assertTrue(
          refused.description().startsWith("jwks and jwks_uri are for"), refused::description);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "http://keys.example.com/jwks.json",
          "http://127.0.0.1:8443/jwks.json",
          "https://keys.example.com/jwks.json#k1",
          "ftp://keys.example.com/jwks.json",
          "keys.example.com/jwks.json"
        })
    void jwksUriIsHttpsWithoutAFragment(String uri) {
      ApiException refused = refusal(named("jwks_uri", uri), shownFor(ClientKind.PRIVATE_KEY_JWT));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refused.error());
      assertTrue(refused.description().startsWith("jwks_uri '"), refused::description);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"{}\"", "{}", "{\"keys\": []}", "{\"keys\": {}}"})
    void jwksThatIsNoJwkSetIsRefused(String value) {
      ApiException refused =
          refusal(named("jwks", json(value)), shownFor(ClientKind.PRIVATE_KEY_JWT));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refused.error());
      assertTrue(refused.description().startsWith("jwks must be"), refused::description);
    }

    @Test
    void jwksIsAtMost8KiBSerialized() {
      AcceptedFixedValues keyClient = shownFor(ClientKind.PRIVATE_KEY_JWT);
      ObjectNode atMost = JwkSetRulesTest.paddedTo(8192);
      assertEquals(
          atMost,
          ClientMetadataValidator.validate(named("jwks", atMost), keyClient, REALM_LIFESPAN)
              .jwks());
      ApiException refused = refusal(named("jwks", JwkSetRulesTest.paddedTo(8193)), keyClient);
      assertEquals("jwks must serialize to at most 8192 bytes.", refused.description());
    }

    @ParameterizedTest
    @ValueSource(strings = {"frontchannel_logout_uri", "backchannel_logout_uri"})
    void aLogoutUriHasNoFragment(String field) {
      ApiException refused = refusal(named(field, "https://app.example.com/logout#now"));
      assertEquals(ApiError.INVALID_CLIENT_METADATA, refused.error());
      assertTrue(refused.description().contains("fragment"), refused::description);
    }
  }
}
