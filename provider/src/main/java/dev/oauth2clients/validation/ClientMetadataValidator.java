package dev.oauth2clients.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.client.ClientFields;
import dev.oauth2clients.client.ClientFields.Field;
import dev.oauth2clients.client.ClientFields.Kind;
import dev.oauth2clients.client.ClientMetadata;
import dev.oauth2clients.policy.ClientKind;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every rule of the contract's client object, in one place. It reads a JSON object as sent (or as
 * produced by a merge patch) and returns the owner's fields, or throws the contract's 400. The
 * owner's fields and their limits are those of {@link ClientFields}.
 */
public final class ClientMetadataValidator {

  /** Fields the server sets; they may be echoed back only with the value it shows. */
  static final Set<String> FIXED_FIELDS = ClientFields.SET_BY_SERVER.keySet();

  /**
   * Fields the server shows that move on their own (a grant, the end of an overlap), so an object
   * read a moment ago may echo a stale value: they are accepted with any value of their JSON type
   * and ignored.
   */
  static final Map<String, JsonNodeType> MOVING_FIELDS = ClientFields.MOVING;

  static final Set<String> USER_FIELDS =
      ClientFields.ALL.stream().map(Field::name).collect(Collectors.toUnmodifiableSet());

  private static final String PROSE_CONTROLS = "\t\n\r";

  private static final String AUTH_METHOD = "token_endpoint_auth_method";

  private ClientMetadataValidator() {}

  /**
   * @param body the object sent
   * @param accepted the value each fixed field may carry, as the server shows it; a fixed field
   *     missing here may not be sent at all (e.g. {@code client_id} on create)
   * @param maxAccessTokenLifespan the realm's access token lifespan, the most an owner may choose
   * @return the owner's fields; {@code enabled} is null where the body does not name it
   */
  public static ClientMetadata validate(
      ObjectNode body, AcceptedFixedValues accepted, int maxAccessTokenLifespan) {
    body.fieldNames().forEachRemaining(ClientMetadataValidator::requireKnownField);
    MOVING_FIELDS.keySet().stream()
        .filter(body::has)
        .forEach(name -> requireMovingFieldType(name, body.get(name)));
    FIXED_FIELDS.forEach(name -> requireFixedValue(name, body.get(name), accepted));
    ClientMetadata metadata =
        new ClientMetadata(
            clientName(body, ClientFields.CLIENT_NAME),
            prose(body, ClientFields.DESCRIPTION),
            uriList(body, ClientFields.REDIRECT_URIS),
            uriList(body, ClientFields.POST_LOGOUT_REDIRECT_URIS),
            uriList(body, ClientFields.ALLOWED_CORS_ORIGINS),
            webUrl(body, ClientFields.CLIENT_URI),
            webUrl(body, ClientFields.LOGO_URI),
            webUrl(body, ClientFields.POLICY_URI),
            webUrl(body, ClientFields.TOS_URI),
            webUrl(body, ClientFields.FRONTCHANNEL_LOGOUT_URI, UriRules::logoutUrlProblem),
            webUrl(body, ClientFields.BACKCHANNEL_LOGOUT_URI, UriRules::logoutUrlProblem),
            jwks(body, ClientFields.JWKS),
            webUrl(body, ClientFields.JWKS_URI, UriRules::httpsUrlProblem),
            contacts(body, ClientFields.CONTACTS),
            metadata(body, ClientFields.METADATA),
            roleNames(body.get(ClientFields.REALM_ROLES.name()), ClientFields.REALM_ROLES),
            clientRoles(body, ClientFields.CLIENT_ROLES),
            lifespan(body, ClientFields.ACCESS_TOKEN_LIFESPAN, maxAccessTokenLifespan, accepted),
            enabled(body, ClientFields.ENABLED));
    requireWhatTheKindNeeds(accepted.kind(), metadata);
    return metadata;
  }

  /**
   * The kind a create asks for: {@code token_endpoint_auth_method} as sent, {@code
   * client_secret_post} where it is not; refused unless the realm allows it.
   */
  public static ClientKind kindOnCreate(ObjectNode body, Set<ClientKind> allowed) {
    JsonNode sent = body.get(AUTH_METHOD);
    if (isAbsent(sent)) {
      return requireAllowed(ClientKind.CONFIDENTIAL, allowed);
    }
    String methods =
        Arrays.stream(ClientKind.values())
            .map(kind -> kind.authMethod)
            .collect(Collectors.joining(", "));
    ClientKind kind =
        ClientKind.byAuthMethod(sent.isTextual() ? sent.textValue() : "")
            .orElseThrow(
                () ->
                    ApiError.INVALID_CLIENT_METADATA.because(
                        AUTH_METHOD + " must be one of " + methods + "."));
    return requireAllowed(kind, allowed);
  }

  private static ClientKind requireAllowed(ClientKind kind, Set<ClientKind> allowed) {
    if (allowed.contains(kind)) {
      return kind;
    }
    throw ApiError.INVALID_CLIENT_METADATA.because(
        "This realm does not allow clients with "
            + AUTH_METHOD
            + " "
            + kind.authMethod
            + "; it allows "
            + allowed.stream().map(k -> k.authMethod).collect(Collectors.joining(", "))
            + ".");
  }

  /**
   * A public client is reached only through its redirect URIs; a key-holding client needs exactly
   * one place for its keys, and no other client has keys.
   */
  private static void requireWhatTheKindNeeds(ClientKind kind, ClientMetadata metadata) {
    boolean hasKeys = metadata.jwks() != null || metadata.jwksUri() != null;
    switch (kind) {
      case PUBLIC -> {
        if (metadata.redirectUris().isEmpty()) {
          throw ApiError.INVALID_REDIRECT_URI.because(
              "A public client (token_endpoint_auth_method none) needs at least one redirect URI.");
        }
      }
      case PRIVATE_KEY_JWT -> {
        if (!hasKeys || (metadata.jwks() != null && metadata.jwksUri() != null)) {
          throw ApiError.INVALID_CLIENT_METADATA.because(
              "A private_key_jwt client needs its public keys in exactly one of jwks and"
                  + " jwks_uri.");
        }
      }
      case CONFIDENTIAL -> {}
    }
    if (hasKeys && kind != ClientKind.PRIVATE_KEY_JWT) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "jwks and jwks_uri are for clients with token_endpoint_auth_method private_key_jwt;"
              + " this client's is "
              + kind.authMethod
              + ".");
    }
  }

  private static ObjectNode jwks(ObjectNode body, Field<ObjectNode> field) {
    JsonNode node = body.get(field.name());
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " must be a JWK set, a JSON object with a \"keys\" array.");
    }
    if (Json.utf8Length(node) > field.limit().length()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " must serialize to at most " + field.limit().length() + " bytes.");
    }
    JwkSetRules.problem(node)
        .ifPresent(
            problem -> {
              throw ApiError.INVALID_CLIENT_METADATA.because(field.name() + " " + problem + ".");
            });
    return (ObjectNode) node;
  }

  private static void requireMovingFieldType(String name, JsonNode sent) {
    JsonNodeType type = MOVING_FIELDS.get(name);
    if (type != null && !sent.isNull() && sent.getNodeType() != type) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          name
              + " is shown by the server; if sent, it must be a "
              + type.name().toLowerCase(Locale.ROOT)
              + " or null.");
    }
  }

  private static void requireKnownField(String name) {
    if (USER_FIELDS.contains(name)
        || FIXED_FIELDS.contains(name)
        || MOVING_FIELDS.containsKey(name)) {
      return;
    }
    if (name.equals(SecretRequests.SECRET_EXPIRES_IN)
        || name.equals(SecretRequests.PREVIOUS_SECRET_EXPIRES_IN)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          name + " applies to a new secret; send it when rotating with POST {client_id}/secret.");
    }
    if (name.equals(ClientFields.CLIENT_SECRET)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          "client_secret cannot be set; rotate it with POST {client_id}/secret.");
    }
    throw ApiError.INVALID_CLIENT_METADATA.because("Unknown field '" + name + "'.");
  }

  private static void requireFixedValue(String name, JsonNode sent, AcceptedFixedValues accepted) {
    if (isAbsent(sent) || accepted.accepts(name, sent)) {
      return;
    }
    if (name.equals(AUTH_METHOD)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          AUTH_METHOD
              + " is chosen when a client is made and cannot be changed; make a new client of the"
              + " other kind.");
    }
    throw ApiError.INVALID_CLIENT_METADATA.because(
        name + " is set by the server and cannot be changed.");
  }

  private static String clientName(ObjectNode body, Field<String> field) {
    JsonNode node = body.get(field.name());
    if (isAbsent(node)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(field.name() + " is required.");
    }
    String name = TextRules.stripSpaces(text(node, field.name()));
    if (name.isEmpty()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(field.name() + " must not be empty.");
    }
    // Keycloak's login pages (the consent page among them) read ${...} in a client's name as one
    // of their own messages, so a name could pass itself off as Keycloak's own wording.
    if (name.contains("${")) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " must not contain '${', which Keycloak's pages read as a message key.");
    }
    return readable(field, name, "");
  }

  private static String prose(ObjectNode body, Field<String> field) {
    JsonNode node = body.get(field.name());
    return isAbsent(node) ? null : readable(field, text(node, field.name()), PROSE_CONTROLS);
  }

  /** Text people read: within the limit, and nothing in it that hides or disguises text. */
  private static String readable(Field<String> field, String value, String allowedControls) {
    if (TextRules.characters(value) > field.limit().length()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " must be at most " + field.limit().length() + " characters.");
    }
    if (TextRules.hasControlCharacter(value, allowedControls)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " must not contain control characters.");
    }
    if (TextRules.hasInvisibleFormatCharacter(value)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name()
              + " must not contain invisible formatting characters, such as bidirectional"
              + " controls (U+202E) or zero-width spaces (U+200B), which can disguise text.");
    }
    return value;
  }

  /** Duplicates collapse before counting: the limit is on what is stored. */
  private static List<String> uriList(ObjectNode body, Field<List<String>> field) {
    Set<String> values = new LinkedHashSet<>(stringList(body.get(field.name()), field.name()));
    if (values.size() > field.limit().entries()) {
      throw uriError(field)
          .because(field.name() + " may hold at most " + field.limit().entries() + " entries.");
    }
    Function<String, Optional<String>> rule =
        field.kind() == Kind.ORIGINS ? UriRules::originProblem : UriRules::redirectUriProblem;
    return values.stream().map(value -> checkedUri(field, value, rule)).toList();
  }

  private static String webUrl(ObjectNode body, Field<String> field) {
    return webUrl(body, field, UriRules::webUrlProblem);
  }

  private static String webUrl(
      ObjectNode body, Field<String> field, Function<String, Optional<String>> rule) {
    JsonNode node = body.get(field.name());
    return isAbsent(node) ? null : checkedUri(field, text(node, field.name()), rule);
  }

  private static String checkedUri(
      Field<?> field, String value, Function<String, Optional<String>> rule) {
    Optional<String> problem =
        TextRules.characters(value) > field.limit().length()
            ? Optional.of("is longer than " + field.limit().length() + " characters")
            : rule.apply(value);
    problem.ifPresent(
        p -> {
          String subject =
              field.kind() == Kind.REDIRECT_URIS
                  ? "Redirect URI"
                  : field.name() + (field.limit().entries() > 1 ? " entry" : "");
          throw uriError(field).because(subject + " '" + shorten(value) + "' " + p + ".");
        });
    return value;
  }

  /** The contract's code: redirect URIs have their own. */
  private static ApiError uriError(Field<?> field) {
    return field.kind() == Kind.REDIRECT_URIS
        ? ApiError.INVALID_REDIRECT_URI
        : ApiError.INVALID_CLIENT_METADATA;
  }

  private static List<String> contacts(ObjectNode body, Field<List<String>> field) {
    List<String> contacts = stringList(body.get(field.name()), field.name());
    if (contacts.size() > field.limit().entries()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " may hold at most " + field.limit().entries() + " entries.");
    }
    for (String contact : contacts) {
      if (contact.isBlank()
          || TextRules.characters(contact) > field.limit().length()
          || TextRules.hasControlCharacter(contact, "")) {
        throw ApiError.INVALID_CLIENT_METADATA.because(
            "Each contact must be 1 to "
                + field.limit().length()
                + " characters without control characters.");
      }
    }
    return contacts;
  }

  private static ObjectNode metadata(ObjectNode body, Field<ObjectNode> field) {
    JsonNode node = body.get(field.name());
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(field.name() + " must be a JSON object.");
    }
    if (Json.utf8Length(node) > field.limit().length()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " must serialize to at most " + field.limit().length() + " bytes.");
    }
    return (ObjectNode) node;
  }

  /**
   * Role names as sent; whether the owner may choose them is the service's question. A name no role
   * can have (too long for Keycloak's column, or holding what PostgreSQL refuses in text) is
   * refused here, before any lookup.
   */
  private static List<String> roleNames(JsonNode node, Field<?> field) {
    Set<String> names = new LinkedHashSet<>(stringList(node, field.name()));
    if (names.size() > field.limit().entries()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " may hold at most " + field.limit().entries() + " roles.");
    }
    names.forEach(name -> requireName(field, "role", name));
    return List.copyOf(names);
  }

  private static Map<String, List<String>> clientRoles(ObjectNode body, Field<?> field) {
    JsonNode node = body.get(field.name());
    if (isAbsent(node)) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " must be an object from client id to an array of role names.");
    }
    Map<String, List<String>> roles = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            entry -> {
              requireName(field, "client id", entry.getKey());
              if (!entry.getValue().isArray()) {
                throw ApiError.INVALID_CLIENT_METADATA.because(
                    field.name() + " must map each client id to an array of role names.");
              }
              List<String> names =
                  new ArrayList<>(new LinkedHashSet<>(stringList(entry.getValue(), field.name())));
              names.forEach(name -> requireName(field, "role", name));
              roles.put(entry.getKey(), names);
            });
    if (roles.values().stream().mapToInt(List::size).sum() > field.limit().entries()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + " may hold at most " + field.limit().entries() + " roles in all.");
    }
    return roles;
  }

  private static void requireName(Field<?> field, String what, String name) {
    if (name.isEmpty()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name() + ": a " + what + " name must not be empty.");
    }
    if (TextRules.characters(name) > field.limit().length() || !ClientIds.isStorableText(name)) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name()
              + ": '"
              + shorten(name)
              + "' is not a "
              + what
              + " name (at most "
              + field.limit().length()
              + " characters of text).");
    }
  }

  /**
   * From 60 to the realm's lifespan; or the client's own earlier choice, sent back as it is, which
   * a realm that lowered its lifespan since only overrides (see {@code accepted}).
   */
  private static Integer lifespan(
      ObjectNode body, Field<Integer> field, int max, AcceptedFixedValues accepted) {
    JsonNode node = body.get(field.name());
    if (isAbsent(node)) {
      return null;
    }
    if (accepted.accepts(field.name(), node)) {
      return node.intValue();
    }
    int min = ClientFields.MIN_ACCESS_TOKEN_LIFESPAN;
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.intValue() < min
        || node.intValue() > max) {
      throw ApiError.INVALID_CLIENT_METADATA.because(
          field.name()
              + " must be a whole number of seconds from "
              + min
              + " to "
              + max
              + ", the realm's lifespan.");
    }
    return node.intValue();
  }

  private static Boolean enabled(ObjectNode body, Field<Boolean> field) {
    JsonNode node = body.get(field.name());
    if (isAbsent(node)) {
      return null;
    }
    if (!node.isBoolean()) {
      throw ApiError.INVALID_CLIENT_METADATA.because(field.name() + " must be true or false.");
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

  private static boolean isAbsent(JsonNode node) {
    return node == null || node.isNull();
  }

  // Echoing a whole oversized value back would make the error as large as the request.
  private static String shorten(String value) {
    return value.length() <= 100 ? value : value.substring(0, 100) + "…";
  }

  /** The value each fixed field may be sent with: the one the server shows. */
  public record AcceptedFixedValues(ObjectNode shown) {

    /** The kind of client the body is for: the one it has, or the one a create asked for. */
    ClientKind kind() {
      return ClientKind.byAuthMethod(shown.path(AUTH_METHOD).asText())
          .orElse(ClientKind.CONFIDENTIAL);
    }

    boolean accepts(String name, JsonNode sent) {
      JsonNode expected = shown.get(name);
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
