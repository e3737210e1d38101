package dev.oauth2clients.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Keycloak's admin REST API, as the master realm's admin, for setting up what tests need. */
public final class Admin {

  private final String baseUrl;
  private String token;
  private Instant tokenFetchedAt = Instant.EPOCH;

  public Admin(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public HttpResult call(String method, String path, Object body) {
    Map<String, String> headers = new HashMap<>(Http.bearer(token()));
    byte[] bytes = null;
    if (body != null) {
      headers.put("Content-Type", "application/json");
      bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    }
    return Http.send(method, baseUrl + "/admin/realms" + path, headers, bytes);
  }

  /**
   * Whether the server under test is Keycloak {@code major.minor} or later, for the few behaviours
   * that the provider documents per Keycloak line.
   */
  public boolean serverIsAtLeast(int major, int minor) {
    HttpResult info =
        expect(200, Http.send("GET", baseUrl + "/admin/serverinfo", Http.bearer(token()), null));
    String[] version = info.json().at("/systemInfo/version").asText().split("[.-]");
    int serverMajor = Integer.parseInt(version[0]);
    return serverMajor > major || (serverMajor == major && Integer.parseInt(version[1]) >= minor);
  }

  /** Turns on the realm's stored user events, which the admin console's Events page lists. */
  public void enableEvents(String realm) {
    ObjectNode events =
        (ObjectNode) expect(200, call("GET", "/" + realm + "/events/config", null)).json();
    events.put("eventsEnabled", true);
    expect(204, call("PUT", "/" + realm + "/events/config", events));
  }

  public void createRealm(ObjectNode representation) {
    expect(201, call("POST", "", representation));
  }

  public void deleteRealm(String realm) {
    call("DELETE", "/" + realm, null);
  }

  public JsonNode realm(String realm) {
    return expect(200, call("GET", "/" + realm, null)).json();
  }

  /** Merges attributes into the realm's, the way an admin edits them in the console or API. */
  public void setRealmAttributes(String realm, Map<String, String> attributes) {
    ObjectNode representation = (ObjectNode) realm(realm);
    ObjectNode merged = representation.with("attributes");
    attributes.forEach(merged::put);
    expect(204, call("PUT", "/" + realm, representation));
  }

  public String createUser(String realm, String username, String password) {
    ObjectNode user = Json.object();
    user.put("username", username);
    user.put("enabled", true);
    user.put("email", username + "@example.com");
    user.put("emailVerified", true);
    user.put("firstName", username);
    user.put("lastName", "Tester");
    ObjectNode credential = user.putArray("credentials").addObject();
    credential.put("type", "password");
    credential.put("value", password);
    credential.put("temporary", false);
    HttpResult created = expect(201, call("POST", "/" + realm + "/users", user));
    String location = created.header("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  public void setUserEnabled(String realm, String userId, boolean enabled) {
    ObjectNode user =
        (ObjectNode) expect(200, call("GET", "/" + realm + "/users/" + userId, null)).json();
    user.put("enabled", enabled);
    expect(204, call("PUT", "/" + realm + "/users/" + userId, user));
  }

  public void deleteUser(String realm, String userId) {
    expect(204, call("DELETE", "/" + realm + "/users/" + userId, null));
  }

  /** The client's admin representation, or null when the realm has no such client. */
  public JsonNode findClient(String realm, String clientId) {
    JsonNode found =
        expect(200, call("GET", "/" + realm + "/clients?clientId=" + Http.encode(clientId), null))
            .json();
    return found.isEmpty() ? null : found.get(0);
  }

  public void createClient(String realm, ObjectNode representation) {
    expect(201, call("POST", "/" + realm + "/clients", representation));
  }

  /**
   * The user sessions Keycloak holds for the client, as the admin console's Sessions tab counts.
   */
  public int sessionCount(String realm, String clientId) {
    String id = findClient(realm, clientId).get("id").asText();
    return expect(200, call("GET", "/" + realm + "/clients/" + id + "/session-count", null))
        .json()
        .get("count")
        .asInt();
  }

  public void createRealmRole(String realm, String role) {
    expect(201, call("POST", "/" + realm + "/roles", Map.of("name", role)));
  }

  /** Gives the user the realm role ({@code granted}) or takes it away. */
  public void setRealmRoleMapping(String realm, String userId, String role, boolean granted) {
    JsonNode representation = expect(200, call("GET", "/" + realm + "/roles/" + role, null)).json();
    expect(
        204,
        call(
            granted ? "POST" : "DELETE",
            "/" + realm + "/users/" + userId + "/role-mappings/realm",
            Json.MAPPER.createArrayNode().add(representation)));
  }

  /** What a GET of the admin API answers at {@code path} (below {@code /admin/realms}). */
  public JsonNode get(String path) {
    return expect(200, call("GET", path, null)).json();
  }

  /** Gives the user a role of one of the realm's clients, e.g. realm-management's view-clients. */
  public void grantClientRole(String realm, String userId, String clientId, String role) {
    String id = findClient(realm, clientId).get("id").asText();
    JsonNode representation = get("/" + realm + "/clients/" + id + "/roles/" + role);
    expect(
        204,
        call(
            "POST",
            "/" + realm + "/users/" + userId + "/role-mappings/clients/" + id,
            Json.MAPPER.createArrayNode().add(representation)));
  }

  /**
   * Changes a client the way an admin saves it in the console: the whole representation, edited.
   */
  public void updateClient(String realm, String clientId, Consumer<ObjectNode> change) {
    ObjectNode representation = (ObjectNode) findClient(realm, clientId);
    change.accept(representation);
    expect(
        204,
        call("PUT", "/" + realm + "/clients/" + representation.get("id").asText(), representation));
  }

  /** The newest user event of the given type for the client (events must be enabled). */
  public JsonNode lastEvent(String realm, String clientId, String type) {
    JsonNode events =
        expect(
                200,
                call(
                    "GET",
                    "/"
                        + realm
                        + "/events?client="
                        + Http.encode(clientId)
                        + "&type="
                        + type
                        + "&max=1",
                    null))
            .json();
    if (events.isEmpty()) {
      throw new AssertionError("no " + type + " event for " + clientId);
    }
    return events.get(0);
  }

  /** Keycloak's own enabled switch of a client, as an admin flips it. */
  public void setClientEnabled(String realm, String clientId, boolean enabled) {
    updateClient(realm, clientId, representation -> representation.put("enabled", enabled));
  }

  /**
   * An initial access token for Keycloak's dynamic client registration: good for {@code count}
   * registrations within {@code expirationSeconds}.
   */
  public String createInitialAccessToken(String realm, int count, int expirationSeconds) {
    ObjectNode request = Json.object();
    request.put("count", count);
    request.put("expiration", expirationSeconds);
    return expect(201, call("POST", "/" + realm + "/clients-initial-access", request))
        .json()
        .get("token")
        .asText();
  }

  public static HttpResult expect(int status, HttpResult result) {
    assertEquals(status, result.status(), () -> "admin API: " + result);
    return result;
  }

  // The master realm's admin tokens live for a minute; fetch a new one well before that. Shared by
  // the threads of a benchmark that fill a realm.
  private synchronized String token() {
    if (token == null || Instant.now().isAfter(tokenFetchedAt.plus(Duration.ofSeconds(30)))) {
      HttpResult response =
          Http.postForm(
              baseUrl + "/realms/master/protocol/openid-connect/token",
              Map.of(
                  "grant_type",
                  "password",
                  "client_id",
                  "admin-cli",
                  "username",
                  KeycloakServer.ADMIN_USER,
                  "password",
                  KeycloakServer.ADMIN_PASSWORD),
              Map.of());
      token = expect(200, response).json().get("access_token").asText();
      tokenFetchedAt = Instant.now();
    }
    return token;
  }
}
