package dev.oauth2clients.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.privilege.RolesOnClient;
import dev.oauth2clients.signin.SignInTargets;
import dev.oauth2clients.store.ClientAttributes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.keycloak.models.ClientModel;
import org.keycloak.protocol.oidc.OIDCConfigAttributes;
import org.keycloak.util.JsonSerialization;

/**
 * The contract's owner-set fields against Keycloak's client, in the spirit of Keycloak's {@code
 * DescriptionConverter}: for each field, where it lives, how much it may hold, how it is written
 * ({@link #toInternal}) and how it is read ({@link #toExternal}), side by side. The validator takes
 * its limits from this table, so no limit can outgrow the place its value is stored.
 */
public final class ClientFields {

  /**
   * Keycloak's {@code CLIENT.NAME}, {@code DESCRIPTION} and {@code BASE_URL}, and the values of
   * {@code REDIRECT_URIS} and {@code WEB_ORIGINS}, are VARCHAR(255): H2 counts UTF-16 units there,
   * PostgreSQL code points. A value that longer fails the whole transaction at commit.
   */
  public static final int KEYCLOAK_COLUMN_UNITS = 255;

  /**
   * URIs are ASCII (RFC 3986; other characters are percent-encoded), so one character is one unit
   * on every database and the columns' 255 is the limit for every URI, wherever it is kept.
   */
  public static final int MAX_URI_LENGTH = KEYCLOAK_COLUMN_UNITS;

  /** Separator of Keycloak's multi-valued client attributes; URIs never contain '#' twice. */
  private static final String ATTRIBUTE_SEPARATOR = "##";

  /** The rule family a field's values follow; the validator applies it with the field's limit. */
  public enum Kind {
    NAME,
    PROSE,
    REDIRECT_URIS,
    ORIGINS,
    WEB_URL,
    /** A URL the server itself fetches: https only. */
    HTTPS_URL,
    /** A JWK set of public keys. */
    JWK_SET,
    CONTACTS,
    JSON_OBJECT,
    REALM_ROLES,
    CLIENT_ROLES,
    LIFESPAN,
    SWITCH
  }

  /**
   * Where a value lives. Keycloak's columns hold {@link #KEYCLOAK_COLUMN_UNITS}; client attributes
   * (Keycloak's CLOB) and the provider's table (NCLOB) hold any length.
   */
  public enum Place {
    KEYCLOAK_COLUMN,
    CLIENT_ATTRIBUTE,
    PROVIDER_TABLE,
    /** The configuration of a protocol mapper on the client (CLOB), where admins see it. */
    PROTOCOL_MAPPER
  }

  /**
   * At most {@code entries} values (1 for a single value) of at most {@code length} each, counted
   * in characters as people count them (code points) or, for JSON, in UTF-8 bytes.
   */
  public record Limit(int entries, int length, Unit unit) {

    public enum Unit {
      CHARACTERS,
      UTF8_BYTES,
      NONE
    }

    static final Limit NONE = new Limit(1, 0, Unit.NONE);

    static Limit characters(int length) {
      return new Limit(1, length, Unit.CHARACTERS);
    }

    static Limit entries(int entries, int length) {
      return new Limit(entries, length, Unit.CHARACTERS);
    }

    static Limit utf8Bytes(int length) {
      return new Limit(1, length, Unit.UTF8_BYTES);
    }
  }

  /**
   * One field of the client object: its JSON name, rule, limit and storage ({@code location} names
   * the column or attribute), the getter of its value in {@link ClientMetadata}, and both
   * directions of the mapping.
   */
  public record Field<T>(
      String name,
      Kind kind,
      Limit limit,
      Place place,
      String location,
      Function<ClientMetadata, T> value,
      BiConsumer<SelfServiceClient, T> write,
      Function<SelfServiceClient, T> read) {

    void writeFrom(ClientMetadata metadata, SelfServiceClient client) {
      write.accept(client, value.apply(metadata));
    }

    T readFrom(SelfServiceClient client) {
      return read.apply(client);
    }
  }

  public static final Field<String> CLIENT_NAME =
      new Field<>(
          "client_name",
          Kind.NAME,
          Limit.characters(200),
          Place.PROVIDER_TABLE,
          "OAUTH2_SELF_SERVICE_CLIENT.CLIENT_NAME; CLIENT.NAME holds what fits of it",
          ClientMetadata::clientName,
          (client, name) -> {
            client.model().setName(KeycloakColumnText.fit(name));
            client.entity().setClientName(name);
          },
          client ->
              KeycloakColumnText.whole(client.model().getName(), client.entity().getClientName()));

  public static final Field<String> DESCRIPTION =
      new Field<>(
          "description",
          Kind.PROSE,
          Limit.characters(1000),
          Place.PROVIDER_TABLE,
          "OAUTH2_SELF_SERVICE_CLIENT.DESCRIPTION; CLIENT.DESCRIPTION holds what fits of it",
          ClientMetadata::description,
          (client, description) -> {
            client.model().setDescription(KeycloakColumnText.fit(description));
            client.entity().setDescription(description);
          },
          client ->
              KeycloakColumnText.whole(
                  client.model().getDescription(), client.entity().getDescription()));

  /**
   * Keycloak checks {@code redirect_uri} against them, so they stay in its own table, except while
   * the client could get no tokens ({@link SignInTargets}).
   */
  public static final Field<List<String>> REDIRECT_URIS =
      new Field<>(
          "redirect_uris",
          Kind.REDIRECT_URIS,
          Limit.entries(20, MAX_URI_LENGTH),
          Place.KEYCLOAK_COLUMN,
          "REDIRECT_URIS.VALUE (" + ClientAttributes.WITHHELD_SIGN_IN_TARGETS + " while withheld)",
          ClientMetadata::redirectUris,
          (client, uris) -> SignInTargets.setRedirectUris(client.model(), uris),
          client -> sorted(SignInTargets.redirectUris(client.model())));

  public static final Field<List<String>> POST_LOGOUT_REDIRECT_URIS =
      new Field<>(
          "post_logout_redirect_uris",
          Kind.REDIRECT_URIS,
          Limit.entries(20, MAX_URI_LENGTH),
          Place.CLIENT_ATTRIBUTE,
          OIDCConfigAttributes.POST_LOGOUT_REDIRECT_URIS
              + ", joined by "
              + ATTRIBUTE_SEPARATOR
              + " ("
              + ClientAttributes.WITHHELD_SIGN_IN_TARGETS
              + " while withheld); Keycloak's \"+\" reads as the redirect URIs",
          ClientMetadata::postLogoutRedirectUris,
          (client, uris) -> {
            // An admin's "+" stays while the owner sends what it reads as (a PATCH leaving it
            // alone).
            if (SignInTargets.postLogoutFollowsRedirectUris(client.model())
                && sorted(uris).equals(sorted(SignInTargets.redirectUris(client.model())))) {
              return;
            }
            SignInTargets.setPostLogoutAttribute(
                client.model(), uris.isEmpty() ? null : String.join(ATTRIBUTE_SEPARATOR, uris));
          },
          client ->
              SignInTargets.postLogoutFollowsRedirectUris(client.model())
                  ? sorted(SignInTargets.redirectUris(client.model()))
                  : split(SignInTargets.postLogoutAttribute(client.model())));

  /** Keycloak's CORS checks read the client's web origins, so they stay in its own table. */
  public static final Field<List<String>> ALLOWED_CORS_ORIGINS =
      new Field<>(
          "allowed_cors_origins",
          Kind.ORIGINS,
          Limit.entries(20, MAX_URI_LENGTH),
          Place.KEYCLOAK_COLUMN,
          "WEB_ORIGINS.VALUE",
          ClientMetadata::allowedCorsOrigins,
          (client, origins) -> client.model().setWebOrigins(new HashSet<>(origins)),
          client -> sorted(client.model().getWebOrigins()));

  /** Keycloak's "Home URL" of the client. */
  public static final Field<String> CLIENT_URI =
      new Field<>(
          "client_uri",
          Kind.WEB_URL,
          Limit.characters(MAX_URI_LENGTH),
          Place.KEYCLOAK_COLUMN,
          "CLIENT.BASE_URL (" + ClientAttributes.WITHHELD_SIGN_IN_TARGETS + " while withheld)",
          ClientMetadata::clientUri,
          (client, uri) -> SignInTargets.setClientUri(client.model(), uri),
          client -> SignInTargets.clientUri(client.model()));

  // The attributes Keycloak's consent screen shows.
  public static final Field<String> LOGO_URI =
      consentScreenUrl("logo_uri", "logoUri", ClientMetadata::logoUri);

  public static final Field<String> POLICY_URI =
      consentScreenUrl("policy_uri", "policyUri", ClientMetadata::policyUri);

  public static final Field<String> TOS_URI =
      consentScreenUrl("tos_uri", "tosUri", ClientMetadata::tosUri);

  /**
   * Keycloak loads it in a hidden frame of its logout page, so that the client ends its own
   * session. Keycloak takes a client as front- or back-channel, not both: its front-channel switch
   * is on while this is set and no back-channel URI is, as a server-to-server call does not depend
   * on the user's browser.
   */
  public static final Field<String> FRONTCHANNEL_LOGOUT_URI =
      new Field<>(
          "frontchannel_logout_uri",
          Kind.WEB_URL,
          Limit.characters(MAX_URI_LENGTH),
          Place.CLIENT_ATTRIBUTE,
          OIDCConfigAttributes.FRONT_CHANNEL_LOGOUT_URI
              + " (and CLIENT.FRONTCHANNEL_LOGOUT while set without a back-channel URI)",
          ClientMetadata::frontchannelLogoutUri,
          (client, uri) -> {
            setOrRemove(client.model(), OIDCConfigAttributes.FRONT_CHANNEL_LOGOUT_URI, uri);
            chooseLogoutChannel(client.model());
          },
          client -> client.model().getAttribute(OIDCConfigAttributes.FRONT_CHANNEL_LOGOUT_URI));

  /** Keycloak posts a logout token there when a user's session with the client ends. */
  public static final Field<String> BACKCHANNEL_LOGOUT_URI =
      new Field<>(
          "backchannel_logout_uri",
          Kind.WEB_URL,
          Limit.characters(MAX_URI_LENGTH),
          Place.CLIENT_ATTRIBUTE,
          OIDCConfigAttributes.BACKCHANNEL_LOGOUT_URL,
          ClientMetadata::backchannelLogoutUri,
          (client, uri) -> {
            setOrRemove(client.model(), OIDCConfigAttributes.BACKCHANNEL_LOGOUT_URL, uri);
            chooseLogoutChannel(client.model());
          },
          client -> client.model().getAttribute(OIDCConfigAttributes.BACKCHANNEL_LOGOUT_URL));

  /**
   * The public keys of a key-holding client, which Keycloak's signed-JWT authenticator checks its
   * assertions with. An attribute, as Keycloak keeps it; {@code use.jwks.string} tells Keycloak to
   * read it.
   */
  public static final Field<ObjectNode> JWKS =
      new Field<>(
          "jwks",
          Kind.JWK_SET,
          Limit.utf8Bytes(8192),
          Place.CLIENT_ATTRIBUTE,
          OIDCConfigAttributes.JWKS_STRING
              + " (and "
              + OIDCConfigAttributes.USE_JWKS_STRING
              + " while set)",
          ClientMetadata::jwks,
          (client, jwks) -> {
            setOrRemove(
                client.model(),
                OIDCConfigAttributes.JWKS_STRING,
                jwks == null ? null : jwks.toString());
            setOrRemove(
                client.model(), OIDCConfigAttributes.USE_JWKS_STRING, jwks == null ? null : "true");
          },
          client -> object(client.model().getAttribute(OIDCConfigAttributes.JWKS_STRING)));

  /** Where Keycloak fetches a key-holding client's public keys instead. */
  public static final Field<String> JWKS_URI =
      new Field<>(
          "jwks_uri",
          Kind.HTTPS_URL,
          Limit.characters(MAX_URI_LENGTH),
          Place.CLIENT_ATTRIBUTE,
          OIDCConfigAttributes.JWKS_URL
              + " (and "
              + OIDCConfigAttributes.USE_JWKS_URL
              + " while set)",
          ClientMetadata::jwksUri,
          (client, uri) -> {
            setOrRemove(client.model(), OIDCConfigAttributes.JWKS_URL, uri);
            setOrRemove(
                client.model(), OIDCConfigAttributes.USE_JWKS_URL, uri == null ? null : "true");
          },
          client -> client.model().getAttribute(OIDCConfigAttributes.JWKS_URL));

  public static final Field<List<String>> CONTACTS =
      new Field<>(
          "contacts",
          Kind.CONTACTS,
          Limit.entries(10, 254),
          Place.PROVIDER_TABLE,
          "OAUTH2_SELF_SERVICE_CLIENT.CONTACTS, a JSON array",
          ClientMetadata::contacts,
          (client, contacts) ->
              client.entity().setContacts(contacts.isEmpty() ? null : toJson(contacts)),
          client -> strings(client.entity().getContacts()));

  public static final Field<ObjectNode> METADATA =
      new Field<>(
          "metadata",
          Kind.JSON_OBJECT,
          Limit.utf8Bytes(4096),
          Place.PROVIDER_TABLE,
          "OAUTH2_SELF_SERVICE_CLIENT.METADATA, JSON text",
          ClientMetadata::metadata,
          (client, metadata) ->
              client.entity().setMetadata(metadata == null ? null : metadata.toString()),
          client -> object(client.entity().getMetadata()));

  /**
   * Keycloak's {@code KEYCLOAK_ROLE.NAME} and {@code CLIENT.CLIENT_ID} are VARCHAR(255): no role or
   * client has a longer name, so a longer one is refused before any lookup.
   */
  public static final Field<List<String>> REALM_ROLES =
      new Field<>(
          "realm_roles",
          Kind.REALM_ROLES,
          Limit.entries(50, KEYCLOAK_COLUMN_UNITS),
          Place.PROTOCOL_MAPPER,
          RolesOnClient.location(),
          ClientMetadata::realmRoles,
          (client, roles) -> RolesOnClient.setRealmRoles(client.model(), roles),
          client -> RolesOnClient.of(client.model()).realmRoles());

  /** At most 50 role names in all, over every client named; each client's id as its key. */
  public static final Field<Map<String, List<String>>> CLIENT_ROLES =
      new Field<>(
          "client_roles",
          Kind.CLIENT_ROLES,
          Limit.entries(50, KEYCLOAK_COLUMN_UNITS),
          Place.PROTOCOL_MAPPER,
          RolesOnClient.location(),
          ClientMetadata::clientRoles,
          (client, roles) -> RolesOnClient.setClientRoles(client.model(), roles),
          client -> RolesOnClient.of(client.model()).clientRoles());

  /** The shortest access token lifespan an owner may choose, in seconds. */
  public static final int MIN_ACCESS_TOKEN_LIFESPAN = 60;

  /**
   * The owner's choice, at most the realm's lifespan (which the validator is given); reads show the
   * one that applies. Keycloak's {@code access.token.lifespan} is kept at that one.
   */
  public static final Field<Integer> ACCESS_TOKEN_LIFESPAN =
      new Field<>(
          "access_token_lifespan",
          Kind.LIFESPAN,
          Limit.NONE,
          Place.CLIENT_ATTRIBUTE,
          ClientAttributes.CHOSEN_ACCESS_TOKEN_LIFESPAN
              + " (absent: the realm's); "
              + OIDCConfigAttributes.ACCESS_TOKEN_LIFESPAN
              + " holds the one that applies",
          ClientMetadata::accessTokenLifespan,
          (client, lifespan) ->
              setOrRemove(
                  client.model(),
                  ClientAttributes.CHOSEN_ACCESS_TOKEN_LIFESPAN,
                  lifespan == null ? null : lifespan.toString()),
          client -> ClientAttributes.chosenAccessTokenLifespan(client.model()));

  /**
   * The owner's switch. Keycloak's own enabled flag is the admins': a client runs only while both
   * are on, and nothing the owner sends touches the admins' flag.
   */
  public static final Field<Boolean> ENABLED =
      new Field<>(
          "enabled",
          Kind.SWITCH,
          Limit.NONE,
          Place.CLIENT_ATTRIBUTE,
          ClientAttributes.PAUSED + " (\"true\" while paused)",
          ClientMetadata::enabled,
          (client, enabled) -> {
            if (enabled != null) {
              setOrRemove(client.model(), ClientAttributes.PAUSED, enabled ? null : "true");
            }
          },
          client -> !client.disabledByAdmin() && !client.paused());

  public static final List<Field<?>> ALL =
      List.of(
          CLIENT_NAME,
          DESCRIPTION,
          REDIRECT_URIS,
          POST_LOGOUT_REDIRECT_URIS,
          ALLOWED_CORS_ORIGINS,
          CLIENT_URI,
          LOGO_URI,
          POLICY_URI,
          TOS_URI,
          FRONTCHANNEL_LOGOUT_URI,
          BACKCHANNEL_LOGOUT_URI,
          JWKS,
          JWKS_URI,
          CONTACTS,
          METADATA,
          REALM_ROLES,
          CLIENT_ROLES,
          ACCESS_TOKEN_LIFESPAN,
          ENABLED);

  /**
   * The fields the server sets, in the order reads show them, each with what it is: the contract's
   * fixed settings and the client's identity and state. A request may send them only with the value
   * the server shows (or will give a new client).
   */
  public static final Map<String, ServerSet> SET_BY_SERVER = serverSet();

  /** What a field the server sets stands for. */
  public enum ServerSet {
    /** Part of the client's fixed settings; GraphQL's input takes it, as REST does. */
    SETTING,
    /** The client's identity or state, which only reads show. */
    STATE
  }

  /**
   * Fields the server shows that move on their own (a grant, the end of an overlap, a leak report),
   * so an object read a moment ago may echo a stale value; each with the JSON type it has when not
   * null.
   */
  public static final Map<String, JsonNodeType> MOVING =
      Map.of(
          "previous_secret_expires_at", JsonNodeType.NUMBER,
          "last_used_at", JsonNodeType.STRING,
          "secret_last_used_at", JsonNodeType.STRING,
          "previous_secret_last_used_at", JsonNodeType.STRING,
          "secret_revoked_at", JsonNodeType.STRING);

  /** Shown once, in the answers that make a secret; never stored, never read back. */
  public static final String CLIENT_SECRET = "client_secret";

  private ClientFields() {}

  private static Map<String, ServerSet> serverSet() {
    Map<String, ServerSet> fields = new LinkedHashMap<>();
    fields.put("client_id", ServerSet.STATE);
    fields.put("client_id_issued_at", ServerSet.STATE);
    fields.put("client_secret_expires_at", ServerSet.STATE);
    fields.put("disabled_by_admin", ServerSet.STATE);
    fields.put("grant_types", ServerSet.SETTING);
    fields.put("response_types", ServerSet.SETTING);
    fields.put("scope", ServerSet.SETTING);
    fields.put("audience", ServerSet.SETTING);
    fields.put("token_endpoint_auth_method", ServerSet.SETTING);
    fields.put("owner", ServerSet.STATE);
    fields.put("created_at", ServerSet.STATE);
    fields.put("updated_at", ServerSet.STATE);
    return Collections.unmodifiableMap(fields);
  }

  /** Every member a read of the client object may show, the one-time secret included. */
  public static Set<String> shownNames() {
    Set<String> names = new LinkedHashSet<>();
    ALL.forEach(field -> names.add(field.name()));
    names.addAll(SET_BY_SERVER.keySet());
    names.addAll(MOVING.keySet());
    names.add(CLIENT_SECRET);
    return names;
  }

  /** Writes every field of {@code metadata} where the table says it lives. */
  public static void toInternal(ClientMetadata metadata, SelfServiceClient client) {
    ALL.forEach(field -> field.writeFrom(metadata, client));
  }

  /** Reads every field back from where it lives. */
  public static ClientMetadata toExternal(SelfServiceClient client) {
    return new ClientMetadata(
        CLIENT_NAME.readFrom(client),
        DESCRIPTION.readFrom(client),
        REDIRECT_URIS.readFrom(client),
        POST_LOGOUT_REDIRECT_URIS.readFrom(client),
        ALLOWED_CORS_ORIGINS.readFrom(client),
        CLIENT_URI.readFrom(client),
        LOGO_URI.readFrom(client),
        POLICY_URI.readFrom(client),
        TOS_URI.readFrom(client),
        FRONTCHANNEL_LOGOUT_URI.readFrom(client),
        BACKCHANNEL_LOGOUT_URI.readFrom(client),
        JWKS.readFrom(client),
        JWKS_URI.readFrom(client),
        CONTACTS.readFrom(client),
        METADATA.readFrom(client),
        REALM_ROLES.readFrom(client),
        CLIENT_ROLES.readFrom(client),
        ACCESS_TOKEN_LIFESPAN.readFrom(client),
        ENABLED.readFrom(client));
  }

  private static Field<String> consentScreenUrl(
      String name, String attribute, Function<ClientMetadata, String> value) {
    return new Field<>(
        name,
        Kind.WEB_URL,
        Limit.characters(MAX_URI_LENGTH),
        Place.CLIENT_ATTRIBUTE,
        attribute,
        value,
        (client, uri) -> setOrRemove(client.model(), attribute, uri),
        client -> client.model().getAttribute(attribute));
  }

  /** Keycloak skips the back-channel logout of a client whose front-channel switch is on. */
  private static void chooseLogoutChannel(ClientModel model) {
    model.setFrontchannelLogout(
        model.getAttribute(OIDCConfigAttributes.FRONT_CHANNEL_LOGOUT_URI) != null
            && model.getAttribute(OIDCConfigAttributes.BACKCHANNEL_LOGOUT_URL) == null);
  }

  private static void setOrRemove(ClientModel model, String name, String value) {
    if (value == null) {
      model.removeAttribute(name);
    } else {
      model.setAttribute(name, value);
    }
  }

  // Keycloak keeps redirect URIs and web origins as sets; sorting makes reads repeatable.
  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty()
        ? List.of()
        : Arrays.asList(joined.split(ATTRIBUTE_SEPARATOR));
  }

  private static String toJson(List<String> values) {
    try {
      return JsonSerialization.writeValueAsString(values);
    } catch (IOException e) {
      throw new IllegalStateException("a list of strings always serializes", e);
    }
  }

  private static List<String> strings(String jsonArray) {
    List<String> values = new ArrayList<>();
    if (jsonArray != null) {
      readStored(jsonArray).forEach(node -> values.add(node.textValue()));
    }
    return values;
  }

  private static ObjectNode object(String jsonObject) {
    return jsonObject == null ? null : (ObjectNode) readStored(jsonObject);
  }

  /** Text this class stored; it was valid JSON when it was written. */
  private static JsonNode readStored(String text) {
    try {
      return JsonSerialization.mapper.readTree(text);
    } catch (IOException e) {
      throw new IllegalStateException("stored JSON is corrupt", e);
    }
  }
}
