package dev.oauth2clients.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChosenRolesTest {

  @Test
  void theCanonicalFormIsSortedWithoutDuplicatesOrEmptyClients() {
    ChosenRoles roles =
        new ChosenRoles(
            List.of("writer", "reader", "writer"),
            Map.of("zeta", List.of("b", "a", "b"), "alpha", List.of("x"), "empty", List.of()));
    assertEquals(List.of("reader", "writer"), roles.realmRoles());
    assertEquals(List.of("alpha", "zeta"), List.copyOf(roles.clientRoles().keySet()));
    assertEquals(List.of("a", "b"), roles.clientRoles().get("zeta"));
    assertEquals(3, roles.clientRoleCount());
    assertEquals(
        new ChosenRoles(
            List.of("reader", "writer"), Map.of("alpha", List.of("x"), "zeta", List.of("a", "b"))),
        roles);
  }

  @Test
  void addedSinceNamesOnlyWhatTheEarlierChoiceLacked() {
    ChosenRoles before = new ChosenRoles(List.of("reader"), Map.of("api", List.of("read")));
    ChosenRoles after =
        new ChosenRoles(
            List.of("reader", "writer"),
            Map.of("api", List.of("read", "write"), "other", List.of("x")));
    assertEquals(
        new ChosenRoles(List.of("writer"), Map.of("api", List.of("write"), "other", List.of("x"))),
        after.addedSince(before));
    assertTrue(before.addedSince(after).isEmpty(), "dropping roles adds none");
    assertTrue(after.addedSince(after).isEmpty());
  }

  @Test
  void theMappersTextReadsBackTheSameChoice() {
    ChosenRoles roles =
        new ChosenRoles(
            List.of("ré\"👍", "reader"), Map.of("billing-api", List.of("invoices:read")));
    assertEquals(roles, ChosenRoles.fromJson(roles.realmRolesJson(), roles.clientRolesJson()));
    assertEquals(
        "{\"realm_roles\":[\"reader\",\"ré\\\"👍\"],\"client_roles\":{\"billing-api\":[\"invoices:read\"]}}",
        roles.toJson());
  }

  /** An admin may have typed anything into the mapper; a grant must not fail on it. */
  @Test
  void textThatIsNotTheMappersJsonReadsAsNoRolesAndDoesNotParse() {
    for (String[] broken :
        new String[][] {
          {"reader, writer", null},
          {"[\"reader\", null]", null},
          {"{\"reader\": 1}", null},
          {null, "[\"api\"]"},
          {null, "{\"api\": \"read\"}"},
          {null, "{\"api\": [null]}"}
        }) {
      assertTrue(
          ChosenRoles.fromJson(broken[0], broken[1]).isEmpty(),
          String.join("|", String.valueOf(broken[0]), String.valueOf(broken[1])));
      assertFalse(ChosenRoles.parses(broken[0], broken[1]));
    }
    assertTrue(ChosenRoles.parses(null, " "));
    assertTrue(ChosenRoles.parses("[]", "{}"));
  }
}
