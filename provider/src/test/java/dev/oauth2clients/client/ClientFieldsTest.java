package dev.oauth2clients.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.oauth2clients.client.ClientFields.Field;
import dev.oauth2clients.client.ClientFields.Kind;
import dev.oauth2clients.client.ClientFields.Limit;
import dev.oauth2clients.client.ClientFields.Place;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClientFieldsTest {

  private static final Set<Kind> URI_KINDS =
      Set.of(Kind.REDIRECT_URIS, Kind.ORIGINS, Kind.WEB_URL, Kind.HTTPS_URL);

  @Test
  void theTableHasEveryOwnerFieldOfTheContractOnce() {
    assertEquals(
        List.of(
            "client_name",
            "description",
            "redirect_uris",
            "post_logout_redirect_uris",
            "allowed_cors_origins",
            "client_uri",
            "logo_uri",
            "policy_uri",
            "tos_uri",
            "frontchannel_logout_uri",
            "backchannel_logout_uri",
            "jwks",
            "jwks_uri",
            "contacts",
            "metadata",
            "realm_roles",
            "client_roles",
            "access_token_lifespan",
            "enabled"),
        ClientFields.ALL.stream().map(Field::name).toList());
  }

  @Test
  void theLimitsAreTheContracts() {
    Map<String, Limit> limits =
        ClientFields.ALL.stream().collect(Collectors.toMap(Field::name, Field::limit));
    assertEquals(new Limit(1, 200, Limit.Unit.CHARACTERS), limits.get("client_name"));
    assertEquals(new Limit(1, 1000, Limit.Unit.CHARACTERS), limits.get("description"));
    assertEquals(new Limit(20, 255, Limit.Unit.CHARACTERS), limits.get("redirect_uris"));
    assertEquals(new Limit(20, 255, Limit.Unit.CHARACTERS), limits.get("allowed_cors_origins"));
    assertEquals(new Limit(1, 255, Limit.Unit.CHARACTERS), limits.get("tos_uri"));
    assertEquals(new Limit(10, 254, Limit.Unit.CHARACTERS), limits.get("contacts"));
    assertEquals(new Limit(1, 4096, Limit.Unit.UTF8_BYTES), limits.get("metadata"));
  }

  /**
   * Keycloak's own columns count UTF-16 units on H2; only ASCII values (URIs) are as long there as
   * people count them, so nothing else may live in one, and no URI may be longer than one holds.
   */
  @Test
  void whatLivesInAKeycloakColumnFitsIt() {
    for (Field<?> field : ClientFields.ALL) {
      if (field.place() == Place.KEYCLOAK_COLUMN) {
        assertTrue(URI_KINDS.contains(field.kind()), field.name());
        assertTrue(field.limit().length() <= ClientFields.KEYCLOAK_COLUMN_UNITS, field.name());
      }
    }
  }

  @Test
  void everyUriIsLimitedTo255() {
    ClientFields.ALL.stream()
        .filter(field -> URI_KINDS.contains(field.kind()))
        .forEach(field -> assertEquals(255, field.limit().length(), field.name()));
  }

  /** The table is in the record's order, and each getter reads its own component. */
  @Test
  void eachGetterReadsItsOwnField() throws Exception {
    ClientMetadata metadata =
        new ClientMetadata(
            "name",
            "description",
            List.of("redirect"),
            List.of("post-logout"),
            List.of("origin"),
            "client",
            "logo",
            "policy",
            "tos",
            "frontchannel",
            "backchannel",
            JsonNodeFactory.instance.objectNode().put("keys", "jwks"),
            "jwks uri",
            List.of("contact"),
            null,
            List.of("realm role"),
            Map.of("client", List.of("client role")),
            600,
            false);
    RecordComponent[] components = ClientMetadata.class.getRecordComponents();
    assertEquals(components.length, ClientFields.ALL.size());
    for (int i = 0; i < components.length; i++) {
      assertEquals(
          components[i].getAccessor().invoke(metadata),
          ClientFields.ALL.get(i).value().apply(metadata),
          components[i].getName());
    }
  }
}
