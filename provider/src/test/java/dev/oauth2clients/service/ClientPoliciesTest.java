package dev.oauth2clients.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oauth2clients.representation.ApiError;
import dev.oauth2clients.representation.ApiException;
import dev.oauth2clients.representation.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an executor may do to the client it is shown: add attributes, and nothing else. */
class ClientPoliciesTest {

  private static final String CLIENT =
      """
      {"clientId":"ssc-1","consentRequired":true,"redirectUris":["https://a.example/cb"],
       "attributes":{"oauth2-clients.owner":"u1","access.token.lifespan":"3600"}}
      """;

  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  @Test
  void anUntouchedClientHasNothingToApply() {
    assertEquals(Map.of(), ClientPolicies.addedAttributes(json(CLIENT), json(CLIENT)));
  }

  @Test
  void attributesAnExecutorAddsAreApplied() {
    ObjectNode after = json(CLIENT);
    after.with("attributes").put("pkce.code.challenge.method", "S256");

    assertEquals(
        Map.of("pkce.code.challenge.method", "S256"),
        ClientPolicies.addedAttributes(json(CLIENT), after));
  }

  @Test
  void anExecutorThatChangesAnAttributeIsRefused() {
    ObjectNode after = json(CLIENT);
    after.with("attributes").put("access.token.lifespan", "60");

    assertRefused(after, "attributes.access.token.lifespan");
  }

  @Test
  void anExecutorThatRemovesAnAttributeIsRefused() {
    ObjectNode after = json(CLIENT);
    after.with("attributes").remove("oauth2-clients.owner");

    assertRefused(after, "attributes.oauth2-clients.owner");
  }

  @Test
  void anExecutorThatRewritesAFixedSettingIsRefused() {
    ObjectNode after = json(CLIENT);
    after.put("clientAuthenticatorType", "client-jwt");
    after.putArray("redirectUris").add("https://b.example/cb");

    ApiException refused = assertRefused(after, "clientAuthenticatorType");
    assertTrue(refused.description().contains("redirectUris"), refused.description());
  }

  private static ApiException assertRefused(ObjectNode after, String named) {
    ApiException refused =
        assertThrows(ApiException.class, () -> ClientPolicies.addedAttributes(json(CLIENT), after));
    assertEquals(ApiError.INVALID_CLIENT_METADATA, refused.error());
    assertTrue(refused.description().contains(named), refused.description());
    return refused;
  }
}
