package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Create, read, list, update, rotate and delete, with tokens from Keycloak's token endpoint. */
class ClientLifecycleIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice", "lister");

  private static ObjectNode fullClient() {
    ObjectNode body = Json.object();
    body.put("client_name", "  Billing exporter  ");
    body.put("description", "Exports invoices\nnightly");
    body.putArray("redirect_uris")
        .add("https://app.example.com/cb")
        .add("http://127.0.0.1:8765/cb");
    body.putArray("post_logout_redirect_uris").add("com.example.app:/logout");
    body.putArray("allowed_cors_origins").add("https://app.example.com");
    body.put("client_uri", "https://app.example.com");
    body.put("logo_uri", "https://app.example.com/logo.png");
    body.put("policy_uri", "https://app.example.com/privacy");
    body.put("tos_uri", "https://app.example.com/tos");
    body.put("frontchannel_logout_uri", "https://app.example.com/logged-out");
    body.put("backchannel_logout_uri", "https://app.example.com/backchannel-logout");
    body.putArray("contacts").add("ops@example.com");
    body.putObject("metadata").put("team", "billing").put("tier", 2);
    return body;
  }

  @Test
  void createReturnsTheSecretOnceAndTheFixedSettings() {
    ClientsApi api = realm.api("alice");
    HttpResult created = api.create(fullClient());

    assertEquals(201, created.status(), created::toString);
    assertTrue(created.header("Content-Type").startsWith("application/json"));
    JsonNode client = created.json();
    String clientId = client.get("client_id").asText();
    assertEquals(api.url() + "/" + clientId, created.header("Location"));
    assertTrue(clientId.matches("[A-Za-z0-9_-]{20,}"), clientId);
    String secret = client.get("client_secret").asText();
    assertTrue(secret.matches("kcoa_[0-9A-Za-z]{49}"), "the default prefix, 43 + 6 base62");
    assertTrue(SecretFormat.isWellFormed(secret, "kcoa_"), "and a checksum that fits: " + secret);
    assertEquals(0, client.get("client_secret_expires_at").asLong());

    String owner = realm.userId("alice");
    assertEquals(
        List.of("authorization_code", "refresh_token", "client_credentials"),
        strings(client.get("grant_types")));
    assertEquals(List.of("code"), strings(client.get("response_types")));
    assertTrue(client.get("scope").asText().startsWith("openid offline_access "), client::toString);
    assertEquals(List.of(owner), strings(client.get("audience")));
    assertEquals("client_secret_post", client.get("token_endpoint_auth_method").asText());
    assertEquals(owner, client.get("owner").asText());
    assertEquals(3600, client.get("access_token_lifespan").asInt());
    Instant createdAt = Instant.parse(client.get("created_at").asText());
    assertEquals(createdAt.getEpochSecond(), client.get("client_id_issued_at").asLong());

    assertEquals("Billing exporter", client.get("client_name").asText(), "name is trimmed");
    assertEquals("Exports invoices\nnightly", client.get("description").asText());
    assertEquals(
        List.of("http://127.0.0.1:8765/cb", "https://app.example.com/cb"),
        strings(client.get("redirect_uris")));
    assertEquals(
        List.of("com.example.app:/logout"), strings(client.get("post_logout_redirect_uris")));
    assertEquals(List.of("https://app.example.com"), strings(client.get("allowed_cors_origins")));
    assertEquals("billing", client.at("/metadata/team").asText());
    assertEquals(List.of("ops@example.com"), strings(client.get("contacts")));
    assertTrue(client.get("enabled").asBoolean());

    JsonNode read = api.read(clientId).json();
    assertFalse(read.has("client_secret"), "GET must never show the secret");
    assertEquals(0, read.get("client_secret_expires_at").asLong(), "the secret never expires");
    ObjectNode withoutSecret = ((ObjectNode) client.deepCopy());
    withoutSecret.remove("client_secret");
    assertEquals(withoutSecret, read, "GET shows what create showed, minus the secret");

    HttpResult listed = api.list("client_id=" + clientId);
    assertEquals(200, listed.status());
    assertEquals(1, listed.json().size());
    assertFalse(listed.body().contains(secret), "list must never show the secret");

    HttpResult replaced = api.replace(clientId, Map.of("client_name", "Renamed"));
    assertEquals(200, replaced.status(), replaced::toString);
    assertFalse(replaced.body().contains(secret));
    assertFalse(replaced.json().has("client_secret"));
  }

  @Test
  void clientCredentialsGivesAccessAndRefreshTokensForTheOwnerAudience() {
    JsonNode client = realm.api("alice").createNamed("Token maker");
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();

    HttpResult granted = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(200, granted.status(), granted::toString);
    JsonNode tokens = granted.json();
    assertEquals("Bearer", tokens.get("token_type").asText());
    assertTrue(
        tokens.hasNonNull("refresh_token"), "client_credentials must return a refresh token");
    JsonNode claims = Json.claims(tokens.get("access_token").asText());
    assertEquals(3600, claims.get("exp").asLong() - claims.get("iat").asLong(), "token lifetime");
    // Keycloak answers exp minus the current second, so a second may tick over in between.
    int expiresIn = tokens.get("expires_in").asInt();
    assertTrue(expiresIn == 3600 || expiresIn == 3599, "expires_in " + expiresIn);
    assertTrue(audience(claims).contains(realm.userId("alice")), claims::toString);
    assertEquals(clientId, claims.get("azp").asText());

    HttpResult refreshed =
        realm.tokens().refresh(clientId, secret, tokens.get("refresh_token").asText());
    assertEquals(200, refreshed.status(), refreshed::toString);
    String newAccessToken = refreshed.json().get("access_token").asText();
    assertNotEquals(tokens.get("access_token").asText(), newAccessToken);
    assertTrue(audience(Json.claims(newAccessToken)).contains(realm.userId("alice")));
  }

  @Test
  void rotationMakesTheNewSecretWorkAndTheOldOneFailAtOnce() {
    ClientsApi api = realm.api("alice");
    JsonNode client = api.createNamed("Rotating");
    String clientId = client.get("client_id").asText();
    String oldSecret = client.get("client_secret").asText();

    HttpResult rotated = api.rotate(clientId);
    assertEquals(200, rotated.status(), rotated::toString);
    String newSecret = rotated.json().get("client_secret").asText();
    assertNotEquals(oldSecret, newSecret);
    assertEquals(clientId, rotated.json().get("client_id").asText());

    assertEquals(200, realm.tokens().clientCredentials(clientId, newSecret).status());
    HttpResult old = realm.tokens().clientCredentials(clientId, oldSecret);
    assertEquals(401, old.status(), old::toString);
    assertEquals("invalid_client", old.error());
    assertFalse(old.body().contains(oldSecret), "errors never carry a secret");
    assertFalse(api.read(clientId).body().contains(newSecret));
  }

  @Test
  void deleteEndsTheClientItsRefreshTokensAndItsId() {
    ClientsApi api = realm.api("alice");
    Granted granted = granted(api, "Short-lived");
    String clientId = granted.clientId();
    String secret = granted.secret();
    String refreshToken = granted.refreshToken();

    HttpResult deleted = api.delete(clientId);
    assertEquals(204, deleted.status(), deleted::toString);
    assertEquals("", deleted.body());

    HttpResult refresh = realm.tokens().refresh(clientId, secret, refreshToken);
    assertTrue(refresh.status() == 400 || refresh.status() == 401, refresh::toString);
    assertEquals(401, realm.tokens().clientCredentials(clientId, secret).status());
    HttpResult read = api.read(clientId);
    assertEquals(404, read.status());
    assertEquals("not_found", read.error());
    assertEquals(404, api.delete(clientId).status());
    assertEquals(null, realm.admin().findClient(realm.name(), clientId), "Keycloak client gone");
  }

  @Test
  void putReplacesAndClearsWhilePatchMerges() {
    ClientsApi api = realm.api("alice");
    String clientId = api.create(fullClient()).json().get("client_id").asText();

    ObjectNode patch = Json.object();
    patch.put("description", "Only the description changes");
    patch.putNull("logo_uri");
    patch.putObject("metadata").put("tier", 3).putNull("team");
    HttpResult patched = api.patch(clientId, patch);
    assertEquals(200, patched.status(), patched::toString);
    JsonNode afterPatch = patched.json();
    assertEquals("Only the description changes", afterPatch.get("description").asText());
    assertEquals("Billing exporter", afterPatch.get("client_name").asText());
    assertFalse(afterPatch.has("logo_uri"), "null in a merge patch removes the member");
    assertEquals(Json.parse("{\"tier\":3}"), afterPatch.get("metadata"));
    assertEquals(2, afterPatch.get("redirect_uris").size());

    HttpResult put = api.replace(clientId, Map.of("client_name", "Bare", "enabled", false));
    assertEquals(200, put.status(), put::toString);
    JsonNode afterPut = put.json();
    assertEquals("Bare", afterPut.get("client_name").asText());
    assertFalse(afterPut.get("enabled").asBoolean());
    assertFalse(afterPut.has("description"), "absent fields are cleared by PUT");
    assertEquals(0, afterPut.get("redirect_uris").size());
    assertFalse(afterPut.has("metadata"));
    assertEquals(afterPut, api.read(clientId).json());

    JsonNode reEnabled = api.replace(clientId, Map.of("client_name", "Bare")).json();
    assertTrue(reEnabled.get("enabled").asBoolean(), "absent enabled means true");
  }

  @Test
  void putAcceptsFixedFieldsEchoedBackUnchanged() {
    ClientsApi api = realm.api("alice");
    String clientId = api.createNamed("Echo").get("client_id").asText();
    ObjectNode read = (ObjectNode) api.read(clientId).json();
    read.put("client_name", "Echoed");

    HttpResult put = api.replace(clientId, read);
    assertEquals(200, put.status(), put::toString);
    assertEquals("Echoed", put.json().get("client_name").asText());
  }

  @Test
  void pausedClientGetsNoTokensUntilEnabledAgain() {
    ClientsApi api = realm.api("alice");
    Granted granted = granted(api, "Pausable");
    String clientId = granted.clientId();
    String secret = granted.secret();
    String refreshToken = granted.refreshToken();

    assertEquals(200, api.patch(clientId, Map.of("enabled", false)).status());
    assertEquals(401, realm.tokens().clientCredentials(clientId, secret).status());
    HttpResult refresh = realm.tokens().refresh(clientId, secret, refreshToken);
    assertTrue(refresh.status() == 400 || refresh.status() == 401, refresh::toString);

    assertEquals(200, api.patch(clientId, Map.of("enabled", true)).status());
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
    assertEquals(200, realm.tokens().refresh(clientId, secret, refreshToken).status());
  }

  @Test
  void listIsOldestFirstPagesAndFilters() {
    ClientsApi api = realm.api("lister");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(api.createNamed("client " + i).get("client_id").asText());
    }

    assertEquals(ids, clientIds(api.list("")));
    assertEquals(ids.subList(1, 3), clientIds(api.list("first=1&max=2")));
    assertEquals(List.of(), clientIds(api.list("first=10")));
    assertEquals(
        List.of(ids.get(0), ids.get(3)),
        clientIds(api.list("client_id=" + ids.get(3) + "&client_id=" + ids.get(0))));
    assertEquals(List.of(), clientIds(api.list("client_id=ssc-unknown")));
  }

  /** A new client and the refresh token of its first client_credentials grant. */
  private record Granted(String clientId, String secret, String refreshToken) {}

  private static Granted granted(ClientsApi api, String name) {
    JsonNode client = api.createNamed(name);
    String clientId = client.get("client_id").asText();
    String secret = client.get("client_secret").asText();
    HttpResult tokens = realm.tokens().clientCredentials(clientId, secret);
    assertEquals(200, tokens.status(), tokens::toString);
    return new Granted(clientId, secret, tokens.json().get("refresh_token").asText());
  }

  private static List<String> clientIds(HttpResult list) {
    assertEquals(200, list.status(), list::toString);
    List<String> ids = new ArrayList<>();
    list.json().forEach(client -> ids.add(client.get("client_id").asText()));
    return ids;
  }

  private static List<String> audience(JsonNode claims) {
    JsonNode aud = claims.get("aud");
    return aud.isArray() ? strings(aud) : List.of(aud.asText());
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
