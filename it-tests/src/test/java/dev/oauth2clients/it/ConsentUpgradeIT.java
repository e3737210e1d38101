package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.KeycloakServer;
import dev.oauth2clients.testsupport.TestRealm;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/**
 * Clients made before consent was required get it when the server starts with this release: the
 * test takes a client back to how the previous release stored it, in the database, and restarts.
 */
class ConsentUpgradeIT {

  /** One restart for both cases: each start of the suite's server costs a minute. */
  @Test
  void earlierClientsGetConsentAtStartUpAndAnAdminsChoiceStands() throws Exception {
    Database database = KeycloakServer.get().database();
    assumeTrue(database != null, "the database of an external server cannot be opened");
    try (TestRealm realm = TestRealm.create("alice")) {
      String earlier =
          realm.api("alice").createNamed("From the previous release").get("client_id").asText();
      asMadeByThePreviousRelease(
          database, realm.admin().findClient(realm.name(), earlier).get("id").asText());
      String trusted =
          realm.api("alice").createNamed("Trusted by the admin").get("client_id").asText();
      realm
          .admin()
          .updateClient(realm.name(), trusted, client -> client.put("consentRequired", false));

      KeycloakServer.get().crashAndRestart();

      JsonNode upgraded = realm.admin().findClient(realm.name(), earlier);
      assertTrue(upgraded.get("consentRequired").asBoolean(), upgraded::toString);
      JsonNode attributes = upgraded.get("attributes");
      assertEquals("true", attributes.get("display.on.consent.screen").asText());
      assertTrue(attributes.get("consent.screen.text").asText().contains("alice"));
      assertFalse(
          realm.admin().findClient(realm.name(), trusted).get("consentRequired").asBoolean(),
          "an admin who switched consent off is not overruled");
    }
  }

  private static void asMadeByThePreviousRelease(Database database, String id) throws Exception {
    try (Connection db = database.connect();
        PreparedStatement attributes =
            db.prepareStatement(
                "delete from CLIENT_ATTRIBUTES where CLIENT_ID = ? and NAME in"
                    + " ('display.on.consent.screen', 'consent.screen.text')");
        PreparedStatement consent =
            db.prepareStatement("update CLIENT set CONSENT_REQUIRED = false where ID = ?")) {
      attributes.setString(1, id);
      assertEquals(2, attributes.executeUpdate());
      consent.setString(1, id);
      assertEquals(1, consent.executeUpdate());
    }
  }
}
