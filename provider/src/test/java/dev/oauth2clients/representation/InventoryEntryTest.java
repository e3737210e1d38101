package dev.oauth2clients.representation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryEntryTest {

  private static OAuth2ClientView view(String secret) {
    return new OAuth2ClientView(
        "ssc-1",
        secret,
        0,
        null,
        1,
        "Name",
        null,
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        null,
        List.of(),
        Map.of(),
        true,
        false,
        List.of("client_credentials"),
        List.of("code"),
        "openid",
        List.of("owner-id"),
        "client_secret_post",
        "owner-id",
        3600,
        "2026-12-07T00:00:00Z",
        "2026-12-07T00:00:00Z",
        null,
        null,
        null,
        null);
  }

  @Test
  void theClientObjectWithTheOwnersUsernameBesideItsFields() {
    JsonNode json = Json.toTree(new InventoryEntry(view(null), "alice", null));
    assertEquals("ssc-1", json.get("client_id").asText());
    assertEquals("owner-id", json.get("owner").asText());
    assertEquals("alice", json.get("owner_username").asText());
    assertTrue(json.has("secret_revoked_at"));
    assertFalse(json.has("client"));
    assertFalse(json.has("matched"));
    assertFalse(json.has("client_secret"));
  }

  @Test
  void anOwnerNotFoundIsNullAndALookupSaysWhatMatched() {
    JsonNode json = Json.toTree(new InventoryEntry(view(null), null, null).matching("previous"));
    assertTrue(json.get("owner_username").isNull());
    assertEquals("previous", json.get("matched").asText());
  }

  @Test
  void neverASecret() {
    assertThrows(IllegalArgumentException.class, () -> new InventoryEntry(view("s"), "a", null));
  }
}
