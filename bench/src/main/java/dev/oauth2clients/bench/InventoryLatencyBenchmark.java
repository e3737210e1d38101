package dev.oauth2clients.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.Admin;
import dev.oauth2clients.testsupport.Http;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Json;
import dev.oauth2clients.testsupport.TestRealm;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * Item 6, the admin's inventory at scale: the first page of {@code GET
 * /admin/realms/{realm}/oauth2-clients} in the realm of {@code bench.large.clients} (100,000)
 * self-service clients of item 5, called with the token of a realm admin who holds {@code
 * view-clients} and nothing else (a user of the realm, signed in through its test application), one
 * request at a time in alternating rounds after a warm-up:
 *
 * <ul>
 *   <li><b>filtered</b>: {@code ?owner=<username>&never_expires=true&idle_days=0&max=100}, the
 *       measured user's clients (10) whose secret never expires and that were not used today;
 *   <li><b>plain</b>: {@code ?max=100}, the realm's 100 oldest clients.
 * </ul>
 *
 * <p>Before the rounds each answer is checked once: {@code 200} with a JSON array, 100 entries for
 * the plain page, and for the filtered one the measured user's clients only (by {@code
 * owner_username}), so that a filter the server ignored cannot pass for a fast one. A server
 * without the inventory (404) is reported and the item skipped.
 *
 * <p>Settings: {@code bench.inventory.warmup} rounds (30), {@code bench.inventory.rounds} (300).
 */
final class InventoryLatencyBenchmark {

  private static final String INVENTORY_ADMIN = "inventory-admin";
  static final int PAGE = 100;

  private final BenchHttp http = new BenchHttp();
  private final int warmupRounds = Integer.getInteger("bench.inventory.warmup", 30);
  private final int rounds = Integer.getInteger("bench.inventory.rounds", 300);

  /** The result, or null where the server has no inventory (the reason is printed and noted). */
  InventoryLatencyResult run(PopulatedRealm large, String database, List<String> notes)
      throws Exception {
    Text.heading(
        "6. the admin's inventory on %s: first page of %d, realm of %d self-service clients",
        database, PAGE, large.clients());
    TestRealm realm = large.realm();
    String token = viewClientsToken(realm);
    String inventory = realm.url().replace("/realms/", "/admin/realms/") + "/oauth2-clients";
    String owner = PopulatedRealm.MEASURED_USER;
    String filtered = inventory + "?owner=" + owner + "&never_expires=true&idle_days=0&max=" + PAGE;
    String plain = inventory + "?max=" + PAGE;

    HttpResult probe = Http.send("GET", plain, Http.bearer(token), null);
    if (probe.status() == 404) {
      String note =
          "item 6 skipped on "
              + database
              + ": the server has no admin inventory (GET …/oauth2-clients answered 404)";
      System.out.println("  " + note);
      notes.add(note);
      return null;
    }
    check(plain, token, PAGE, null);
    int owned = check(filtered, token, -1, owner);

    LatencyComparison latency =
        LatencyComparison.measure(
            new LatencyComparison.Named<>(
                Text.format("owner=%s&never_expires=true&idle_days=0 (%d clients)", owner, owned),
                get(filtered, token)),
            new LatencyComparison.Named<>(
                Text.format("first page, max=%d", PAGE), get(plain, token)),
            warmupRounds,
            rounds,
            request -> http.millis(request, 200));
    InventoryLatencyResult result =
        new InventoryLatencyResult(database, large.clients(), owned, latency);
    report(result);
    return result;
  }

  private static HttpRequest get(String url, String token) {
    return BenchHttp.get(url, Map.of("Authorization", "Bearer " + token));
  }

  /**
   * The token of a realm admin who holds {@code view-clients} of the realm and no other role of
   * {@code realm-management}: made once, found again in a kept realm.
   */
  private static String viewClientsToken(TestRealm realm) {
    Admin admin = realm.admin();
    String path = "/" + realm.name();
    if (!admin.userExists(realm.name(), INVENTORY_ADMIN)) {
      String userId = realm.addUser(INVENTORY_ADMIN);
      JsonNode management = admin.findClient(realm.name(), "realm-management");
      String managementId = management.get("id").asText();
      JsonNode role =
          Admin.expect(
                  200,
                  admin.call(
                      "GET", path + "/clients/" + managementId + "/roles/view-clients", null))
              .json();
      Admin.expect(
          204,
          admin.call(
              "POST",
              path + "/users/" + userId + "/role-mappings/clients/" + managementId,
              Json.MAPPER.createArrayNode().add(role)));
    }
    return realm.userToken(INVENTORY_ADMIN);
  }

  /**
   * Checks one answer: 200, a JSON array, {@code size} entries where not -1, every one {@code
   * owner}'s where not null; the number of entries.
   */
  private int check(String url, String token, int size, String owner) throws Exception {
    JsonNode page = Json.parse(http.send(get(url, token), 200).body());
    if (!page.isArray()) {
      throw new IllegalStateException(url + " answered no JSON array: " + page);
    }
    if (size >= 0 && page.size() != size) {
      throw new IllegalStateException(url + " listed " + page.size() + " clients, not " + size);
    }
    if (owner != null) {
      if (page.isEmpty()) {
        throw new IllegalStateException(url + " listed none of " + owner + "'s clients");
      }
      for (JsonNode client : page) {
        if (!owner.equals(client.path("owner_username").asText())) {
          throw new IllegalStateException(url + " listed a client of another owner: " + client);
        }
      }
    }
    System.out.println(
        Text.format(
            "  checked: %s lists %d clients", url.substring(url.indexOf('?')), page.size()));
    return page.size();
  }

  private void report(InventoryLatencyResult result) {
    System.out.printf(
        "  %d requests of each, one at a time (after %d warm-up rounds):%n", rounds, warmupRounds);
    for (LatencySummary summary : List.of(result.plain(), result.filtered())) {
      System.out.println("  " + summary);
    }
    for (LatencySummary summary : List.of(result.plain(), result.filtered())) {
      summary.printP95Against(InventoryLatencyResult.GOAL_P95_MILLIS);
    }
  }
}
