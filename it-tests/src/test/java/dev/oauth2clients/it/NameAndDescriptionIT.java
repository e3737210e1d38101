package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole name and description live in the provider's table; Keycloak's VARCHAR(255) columns,
 * which admins see, hold what fits. Keycloak's columns win where they say something else: an
 * admin's edit, or a row from before the provider kept its own copy.
 */
class NameAndDescriptionIT {

  private static final String ELLIPSIS = "…";

  @RegisterExtension static final TestRealm realm = TestRealm.perClass("nadia");
  private static ClientsApi api;

  @BeforeAll
  static void createRealm() {
    api = realm.api("nadia");
  }

  @Test
  void adminsSeeWhatFitsOfALongNameAndTheApiReadsItWhole() {
    String name = "🚀".repeat(150) + " \"launcher\" é";
    String description = "Décollage 🚀 ".repeat(80);
    ObjectNode body = Json.object().put("client_name", name).put("description", description);
    String clientId = api.create(body).json().get("client_id").asText();

    JsonNode shown = api.read(clientId).json();
    assertEquals(name, shown.get("client_name").asText());
    assertEquals(description, shown.get("description").asText());
    JsonNode admin = realm.admin().findClient(realm.name(), clientId);
    assertFitsAndStartsTheWhole(name, admin.get("name").asText());
    assertFitsAndStartsTheWhole(description, admin.get("description").asText());
  }

  @Test
  void anAdminsEditInTheConsoleIsWhatTheApiShows() {
    String clientId = api.createNamed("Owner's name").get("client_id").asText();
    realm
        .admin()
        .updateClient(
            realm.name(),
            clientId,
            admin ->
                admin.put("name", "Renamed by an admin").put("description", "Flagged for review"));

    JsonNode shown = api.read(clientId).json();
    assertEquals("Renamed by an admin", shown.get("client_name").asText());
    assertEquals("Flagged for review", shown.get("description").asText());
  }

  /** What the changeset leaves in rows made before it: no copy of their own, Keycloak's columns. */
  @Test
  void rowsFromBeforeTheWholeValueColumnsReadKeycloaksColumns() throws Exception {
    Database database = KeycloakServer.get().database();
    assumeTrue(database != null, "needs the database of the server the build started");
    ObjectNode body =
        Json.object().put("client_name", "Made before the upgrade").put("description", "old é");
    ObjectNode created = (ObjectNode) api.create(body).json();
    created.remove("client_secret");
    try (Connection db = database.connect();
        PreparedStatement clear =
            db.prepareStatement(
                "update OAUTH2_SELF_SERVICE_CLIENT set CLIENT_NAME = null, DESCRIPTION = null"
                    + " where CLIENT_ID = ?")) {
      clear.setString(1, created.get("client_id").asText());
      assertEquals(1, clear.executeUpdate());
    }
    assertEquals(created, api.read(created.get("client_id").asText()).json());
  }

  @Test
  void invisibleCharactersThatDisguiseANameAreRefusedEverywhere() {
    String clientId = api.createNamed("Plain").get("client_id").asText();
    String before = api.list("").body();
    for (HttpResult refused :
        new HttpResult[] {
          api.create(Map.of("client_name", "gro\u202Eknab")),
          api.patch(clientId, Map.of("client_name", "Bank\u200B")),
          api.patch(clientId, Map.of("description", "line one\n\u2066hidden\u2069")),
        }) {
      assertEquals(400, refused.status(), refused::toString);
      assertEquals("invalid_client_metadata", refused.error());
      assertTrue(refused.json().get("error_description").asText().contains("invisible"));
    }
    assertEquals(Json.parse(before), Json.parse(api.list("").body()));
  }

  @Test
  void aNameThatKeycloaksPagesWouldReplaceWithTheirOwnWordsIsRefused() {
    String before = api.list("").body();

    HttpResult refused = api.create(Map.of("client_name", "${client_account-console}"));

    assertEquals(400, refused.status(), refused::toString);
    assertEquals("invalid_client_metadata", refused.error());
    assertTrue(refused.json().get("error_description").asText().contains("${"));
    assertEquals(Json.parse(before), Json.parse(api.list("").body()));
  }

  @Test
  void emojiJoinedIntoOneAndLineBreaksInTheDescriptionAreFine() {
    ObjectNode body =
        Json.object()
            .put("client_name", "👩‍💻 Dev tools")
            .put("description", "Line one\nLine two");
    HttpResult created = api.create(body);
    assertEquals(201, created.status(), created::toString);
    assertEquals("👩‍💻 Dev tools", created.json().get("client_name").asText());
    assertEquals("Line one\nLine two", created.json().get("description").asText());
  }

  private static void assertFitsAndStartsTheWhole(String whole, String column) {
    assertTrue(column.length() <= 255, () -> column.length() + " UTF-16 units: " + column);
    assertTrue(column.endsWith(ELLIPSIS), column);
    String start = column.substring(0, column.length() - ELLIPSIS.length());
    assertTrue(whole.startsWith(start), column);
    assertTrue(start.length() >= 250, "as much as fits: " + start.length());
  }
}
