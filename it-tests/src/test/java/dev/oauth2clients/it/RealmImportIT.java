package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Sha256;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A realm export carries self-service clients as clients with attributes; importing it gives the
 * owner their clients back, and their secrets keep working.
 */
class RealmImportIT {

  private static final String CLIENT_ID = "ssc-ImportedFromAnExport01";
  private static final String SECRET = "imported-secret-of-at-least-forty-three-chars-x";

  @Test
  void importedSelfServiceClientsBelongToTheirOwnersAndKeepTheirSecrets() throws Exception {
    String ownerId = UUID.randomUUID().toString();
    try (TestRealm realm =
        TestRealm.create(
            Policy.enabled().attributes(),
            representation -> addExportedClient(representation, ownerId))) {

      List<String> listed = new ArrayList<>();
      realm.api("importer").list("").json().forEach(c -> listed.add(c.get("client_id").asText()));
      assertEquals(List.of(CLIENT_ID), listed);
      JsonNode client = realm.api("importer").read(CLIENT_ID).json();
      assertEquals(ownerId, client.get("owner").asText());
      assertEquals("Imported", client.get("client_name").asText());

      HttpResult token = realm.tokens().clientCredentials(CLIENT_ID, SECRET);
      assertEquals(200, token.status(), token::toString);
      assertEquals(401, realm.tokens().clientCredentials(CLIENT_ID, SECRET + "x").status());
    }
  }

  /** What a realm export holds for one self-service client, its owner and its service account. */
  private static void addExportedClient(ObjectNode realm, String ownerId) {
    ArrayNode users = realm.putArray("users");
    ObjectNode owner = users.addObject();
    owner.put("id", ownerId);
    owner.put("username", "importer");
    owner.put("enabled", true);
    owner.put("email", "importer@example.com");
    owner.put("emailVerified", true);
    owner.put("firstName", "Im");
    owner.put("lastName", "Porter");
    // An export lists each user's realm roles; the default ones carry the account roles.
    owner.putArray("realmRoles").add("default-roles-" + realm.get("realm").asText());
    ObjectNode credential = owner.putArray("credentials").addObject();
    credential.put("type", "password");
    credential.put("value", TestRealm.PASSWORD);
    credential.put("temporary", false);
    ObjectNode serviceAccount = users.addObject();
    serviceAccount.put("username", "service-account-" + CLIENT_ID.toLowerCase());
    serviceAccount.put("enabled", true);
    serviceAccount.put("serviceAccountClientId", CLIENT_ID);

    ObjectNode client = ((ArrayNode) realm.get("clients")).addObject();
    client.put("clientId", CLIENT_ID);
    client.put("name", "Imported");
    client.put("publicClient", false);
    client.put("serviceAccountsEnabled", true);
    client.put("fullScopeAllowed", false);
    client.put("clientAuthenticatorType", "oauth2-clients-hashed-secret");
    ObjectNode attributes = client.putObject("attributes");
    attributes.put("oauth2-clients.owner", ownerId);
    attributes.put("oauth2-clients.secret-sha256", Sha256.hex(SECRET));
    attributes.put("client_credentials.use_refresh_token", "true");
  }
}
