package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.Sha256;
import dev.oauth2clients.testsupport.TestRealm;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Where a secret is not: in Keycloak's admin API, in its database, in its log. Only a SHA-256 of it
 * is stored, and it still works at the token endpoint.
 */
class SecretsAtRestIT {

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("alice");
  private static String clientId;
  private static String secret;

  @BeforeAll
  static void createClient() {
    JsonNode client = realm.api("alice").createNamed("Kept secret");
    clientId = client.get("client_id").asText();
    secret = client.get("client_secret").asText();
  }

  @Test
  void theAdminApiShowsNoUsableSecret() throws Exception {
    JsonNode client = realm.admin().findClient(realm.name(), clientId);
    assertFalse(client.toString().contains(secret), client::toString);
    assertFalse(
        client.hasNonNull("secret") && !client.get("secret").asText().isEmpty(), client::toString);
    assertEquals("oauth2-clients-hashed-secret", client.get("clientAuthenticatorType").asText());
    assertEquals(realm.userId("alice"), client.at("/attributes/oauth2-clients.owner").asText());
    assertEquals(
        Sha256.hex(secret),
        client.at("/attributes/oauth2-clients.secret-sha256").asText(),
        "admins see the hash, which is no credential");
    assertEquals(401, realm.tokens().clientCredentials(clientId, Sha256.hex(secret)).status());

    HttpResult credentials =
        realm
            .admin()
            .call(
                "GET",
                "/" + realm.name() + "/clients/" + client.get("id").asText() + "/client-secret",
                null);
    assertFalse(credentials.body().contains(secret), credentials::toString);
    assertEquals(200, realm.tokens().clientCredentials(clientId, secret).status());
  }

  @Test
  void noAnswerThatCarriesASecretMayBeCached() {
    ClientsApi api = realm.api("alice");
    HttpResult created = api.create(Map.of("client_name", "Not for caches"));
    String id = created.json().get("client_id").asText();
    HttpResult rotated = api.rotate(id);
    HttpResult mutation =
        api.raw(
            "POST",
            "/graphql",
            "application/json",
            Map.of(
                "query",
                "mutation { createOauth2Client(input: {client_name: \"Nor this\"})"
                    + " { client_secret } }"));
    HttpResult refused = api.rotate("no-such-client");
    for (HttpResult answer : List.of(created, rotated, mutation, api.read(id), refused)) {
      assertEquals("no-store", answer.header("Cache-Control"), answer::toString);
    }
    assertEquals(201, created.status(), created::toString);
    assertEquals(200, rotated.status(), rotated::toString);
    assertTrue(
        mutation.json().at("/data/createOauth2Client/client_secret").isTextual(),
        mutation::toString);
    assertEquals(404, refused.status(), refused::toString);
  }

  @Test
  void theDatabaseHoldsOnlyAHash() throws Exception {
    Database database = KeycloakServer.get().database();
    assumeTrue(database != null, "the database of an external server cannot be opened");
    try (Connection db = database.connect()) {
      assertEquals(Sha256.hex(secret), storedHash(db));
    }
    assertFalse(
        database.columnsContaining(clientId).isEmpty(), "the scan finds the client's own rows");
    assertEquals(
        List.of(),
        database.columnsContaining(secret),
        "the plain secret is nowhere in the database");
  }

  @Test
  void theServerLogNeverShowsTheSecret() throws Exception {
    String log = System.getProperty("keycloak.log");
    assumeTrue(log != null && KeycloakServer.get().database() != null, "log of an external server");
    realm.tokens().clientCredentials(clientId, secret);
    realm.tokens().clientCredentials(clientId, secret + "wrong");
    String text = Files.readString(Path.of(log), StandardCharsets.UTF_8);
    assertFalse(text.isEmpty());
    assertFalse(text.contains(secret), "a secret reached the server log");
  }

  private static String storedHash(Connection db) throws Exception {
    try (PreparedStatement query =
        db.prepareStatement(
            "select a.VALUE from CLIENT_ATTRIBUTES a join CLIENT c on a.CLIENT_ID = c.ID"
                + " where c.CLIENT_ID = ? and a.NAME = 'oauth2-clients.secret-sha256'")) {
      query.setString(1, clientId);
      try (ResultSet row = query.executeQuery()) {
        assertEquals(true, row.next(), "the client has a stored hash");
        return row.getString(1);
      }
    }
  }
}
