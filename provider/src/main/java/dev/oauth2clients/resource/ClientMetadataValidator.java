package dev.oauth2clients.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.ClientMetadata;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every rule of the contract's client object, in one place. It reads a JSON object as sent (or as
 * produced by a merge patch) and returns the owner's fields, or throws the contract's 400.
 */
final class ClientMetadataValidator {

  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 1000;
  static final int MAX_URIS = 20;
  static final int MAX_CONTACTS = 10;
  static final int MAX_CONTACT_LENGTH = 254;
  static final int MAX_METADATA_BYTES = 4096;

  /** Fields the server sets; they may be echoed back only with the value it shows. */
  static final Set<String> FIXED_FIELDS =
      Set.of(
          "client_id",
          "grant_types",
          "response_types",
          "scope",
          "audience",
          "token_endpoint_auth_method",
          "owner",
          "access_token_lifespan",
          "created_at",
          "updated_at",
          "client_id_issued_at",
          "client_secret_expires_at");

  static final Set<String> USER_FIELDS =
      Set.of(
          "client_name",
          "description",
          "redirect_uris",
          "post_logout_redirect_uris",
          "allowed_cors_origins",
          "client_uri",
          "logo_uri",
          "policy_uri",
          "tos_uri",
          "contacts",
          "metadata",
          "enabled");

  private ClientMetadataValidator() {}

  /**
   * @param body the object sent
   * @param accepted the value each fixed field may carry: what the server shows for the client,
   *     plus alternatives such as the realm's configured lifespan; a fixed field missing here may
   *     not be sent at all (e.g. {@code client_id} on create)
   */
  static ClientMetadata validate(ObjectNode body, AcceptedFixedValues accepted) {
    body.fieldNames().forEachRemaining(ClientMetadataValidator::requireKnownField);
    FIXED_FIELDS.forEach(name -> requireFixedValue(name, body.get(name), accepted));
    return new ClientMetadata(
        clientName(body.get("client_name")),
        optionalText(body.get("description"), "description", MAX_DESCRIPTION),
        uriList(body.get("redirect_uris"), "redirect_uris", ClientMetadataValidator::redirectUri),
        uriList(
            body.get("post_logout_redirect_uris"),
            "post_logout_redirect_uris",
            ClientMetadataValidator::redirectUri),
        uriList(
            body.get("allowed_cors_origins"),
            "allowed_cors_origins",
            v -> metadataRule("allowed_cors_origins", v, UriRules.originProblem(v))),
        webUrl(body.get("client_uri"), "client_uri"),
        webUrl(body.get("logo_uri"), "logo_uri"),
        webUrl(body.get("policy_uri"), "policy_uri"),
        webUrl(body.get("tos_uri"), "tos_uri"),
        contacts(body.get("contacts")),
        metadata(body.get("metadata")),
        enabled(body.get("enabled")));
  }

  private static void requireKnownField(String name) {
    if (USER_FIELDS.contains(name) || FIXED_FIELDS.contains(name)) {
      return;
    }
    if (name.equals("client_secret")) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "client_secret cannot be set; rotate it with POST {client_id}/secret.");
    }
    throw ApiError.INVALID_CLIENT_METADATA.because("Unknown field '" + name + "'.");
  }

  private static void requireFixedValue(String name, JsonNode sent, AcceptedFixedValues accepted) {
    if (isAbsent(sent) || accepted.accepts(name, sent)) {
      return;
    }
    throw ApiError.INVALID_CLIENT_METADATA.because(
        name + " is set by the server and cannot be changed.");
  }

  private static String clientName(JsonNode node) {
    if (isAbsent(node)) {
      throw ApiError.INVALID_CLIENT_METADATA.because("client_name is required.");
    }
    String name = stripSpaces(text(node, "client_name"));
    if (name.isEmpty()) {
      throw ApiError.INVALID_CLIENT_METADATA.because("client_name must not be empty.");
    }
    if (characters(name) > MAX_NAME) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "client_name must be at most " + MAX_NAME + " characters.");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "client_name must not contain control characters.");
    }
    return name;
  }

  private static String optionalText(JsonNode node, String field, int maxLength) {
    if (isAbsent(node)) {
      return null;
    }
    String value = text(node, field);
    if (characters(value) > maxLength) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field + " must be at most " + maxLength + " characters.");
    }
    // Line breaks and tabs are fine in prose; other control characters only hide text.
    if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && "\t\n\r".indexOf(c) < 0)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field + " must not contain control characters.");
    }
    return value;
  }

  /** Duplicates collapse before counting: the limit is on what is stored. */
  private static List<String> uriList(JsonNode node, String field, Function<String, String> rule) {
    Set<String> values = new LinkedHashSet<>(stringList(node, field));
    if (values.size() > MAX_URIS) {
      ApiError error =
          field.equals("allowed_cors_origins")
              ? ApiError.INVALID_CLIENT_METADATA
              : ApiError.INVALID_REDIRECT_URI;
      throw error.because(field + " may hold at most " + MAX_URIS + " entries.");
    }
    return values.stream().map(rule).toList();
  }

  private static String redirectUri(String value) {
    UriRules.redirectUriProblem(value)
        .ifPresent(
            problem -> {
              throw ApiError.INVALID_REDIRECT_URI.because(
                  "Redirect URI '" + shorten(value) + "' " + problem + ".");
            });
    return value;
  }

  private static String metadataRule(String field, String value, Optional<String> problem) {
    problem.ifPresent(
        p -> {
          throw ApiError.INVALID_CLIENT_METADATA.because(
              field + " entry '" + shorten(value) + "' " + p + ".");
        });
    return value;
  }

  private static String webUrl(JsonNode node, String field) {
    if (isAbsent(node)) {
      return null;
    }
    String value = text(node, field);
    return metadataRule(field, value, UriRules.webUrlProblem(value));
  }

  private static List<String> contacts(JsonNode node) {
    List<String> contacts = stringList(node, "contacts");
    if (contacts.size() > MAX_CONTACTS) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "contacts may hold at most " + MAX_CONTACTS + " entries.");
    }
    for (String contact : contacts) {
      if (contact.isBlank()
          || characters(contact) > MAX_CONTACT_LENGTH
          || contact.codePoints().anyMatch(Character::isISOControl)) {
        throw ApiError.INVALID_CLIENT_METADATA.because(
            "Each contact must be 1 to "
                + MAX_CONTACT_LENGTH
                + " characters without control characters.");
      }
    }
    return contacts;
  }

  private static ObjectNode metadata(JsonNode node) {
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiError.INVALID_CLIENT_METADATA.because("metadata must be a JSON object.");
    }
    if (Json.utf8Length(node) > MAX_METADATA_BYTES) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "metadata must serialize to at most " + MAX_METADATA_BYTES + " bytes.");
    }
    return (ObjectNode) node;
  }

  private static boolean enabled(JsonNode node) {
    if (isAbsent(node)) {
      return true;
    }
    if (!node.isBoolean()) {
      throw ApiError.INVALID_CLIENT_METADATA.because("enabled must be true or false.");
    }
    return node.booleanValue();
  }

  private static List<String> stringList(JsonNode node, String field) {
    if (isAbsent(node)) {
      return List.of();
    }
    if (!node.isArray()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(field + " must be an array of strings.");
    }
    List<String> values = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw ApiError.INVALID_CLIENT_METADATA.because(field + " must be an array of strings.");
      }
      values.add(element.textValue());
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    if (!node.isTextual()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(field + " must be a string.");
    }
    return node.textValue();
  }

  /** Like {@link String#strip()}, but no-break spaces count as spaces too. */
  private static String stripSpaces(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isSpace(value.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isSpace(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /** Characters as people count them: a code point, not a UTF-16 unit. */
  private static int characters(String value) {
    return value.codePointCount(0, value.length());
  }

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }

  // Echoing a whole oversized value back would make the error as large as the request.
  private static String shorten(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }

  /** The value each fixed field may be sent with. */
  record AcceptedFixedValues(ObjectNode shown, ObjectNode alternatives) {

    boolean accepts(String name, JsonNode sent) {
      return sameValue(name, sent, shown.get(name))
          || sameValue(name, sent, alternatives.get(name));
    }

    private static boolean sameValue(String name, JsonNode sent, JsonNode expected) {
      if (expected == null) {
        return false;
      }
      if (sent.isArray() && expected.isArray()) {
        return elements(sent).equals(elements(expected)) && sent.size() == expected.size();
      }
      if (name.equals("scope") && sent.isTextual() && expected.isTextual()) {
        return words(sent.textValue()).equals(words(expected.textValue()));
      }
      if (sent.isIntegralNumber() && expected.isIntegralNumber()) {
        return sent.bigIntegerValue().equals(expected.bigIntegerValue());
      }
      return sent.equals(expected);
    }

    private static Set<JsonNode> elements(JsonNode array) {
      Set<JsonNode> elements = new HashSet<>();
      array.forEach(elements::add);
      return elements;
    }

    private static Set<String> words(String text) {
      return new HashSet<>(Arrays.asList(text.trim().split("\\s+")));
    }
  }
}
