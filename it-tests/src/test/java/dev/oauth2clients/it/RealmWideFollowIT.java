package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.BrowserLogin;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.Pause;
import dev.oauth2clients.testsupport.TestRealm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A change that reaches every self-service client of a realm, such as its feature switch, is
 * followed page by page (200 clients a transaction, in Keycloak's id order), so that neither the
 * admin's request nor Keycloak's start waits for a realm of 100,000 clients: the first page before
 * the admin's request answers, the rest in the background right after. This realm has a page and
 * seven clients more.
 */
@LineIndependent
class RealmWideFollowIT {

  private static final String REDIRECT = "https://app.example.com/cb";
  private static final int OWNERS = 9;
  private static final int PER_OWNER = 23;
  private static final int FIRST_PAGE = 200;
  private static final Duration BACKGROUND = Duration.ofSeconds(60);

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          IntStream.rangeClosed(1, OWNERS).mapToObj(i -> "owner" + i).toArray(String[]::new));

  private static final List<String> clientIds = Collections.synchronizedList(new ArrayList<>());

  /** Three owners at a time, as a busy realm would: this is most of the test's time. */
  @BeforeAll
  static void clientsOfNineOwners() throws Exception {
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int owner = 1; owner <= OWNERS; owner++) {
        String username = "owner" + owner;
        done.add(callers.submit(() -> createClientsOf(username)));
      }
      for (Future<?> each : done) {
        each.get();
      }
    } finally {
      callers.shutdownNow();
    }
  }

  private static void createClientsOf(String username) {
    for (int i = 0; i < PER_OWNER; i++) {
      HttpResult created =
          realm
              .api(username)
              .create(Map.of("client_name", "App " + i, "redirect_uris", List.of(REDIRECT)));
      assertEquals(201, created.status(), created::toString);
      clientIds.add(created.json().get("client_id").asText());
    }
  }

  @Test
  void theFirstPageFollowsTheSwitchAtOnceAndTheRestSoonAfter() {
    try {
      realm.setAttributes(Map.of(PolicySetting.ENABLED.attribute, "false"));
      List<JsonNode> byId = clientsInIdOrder();
      assertEquals(OWNERS * PER_OWNER, byId.size());
      byId.subList(0, FIRST_PAGE).forEach(client -> assertTrue(withheld(client), client::toString));
      awaitEvery(RealmWideFollowIT::withheld);
      String last = byId.get(byId.size() - 1).get("clientId").asText();
      assertEquals(400, authorize(last).status(), "the last page's client redirects nowhere");
    } finally {
      realm.setAttributes(Map.of(PolicySetting.ENABLED.attribute, "true"));
    }
    awaitEvery(client -> !withheld(client));
    String last = clientsInIdOrder().get(OWNERS * PER_OWNER - 1).get("clientId").asText();
    HttpResult authorized = authorize(last);
    assertEquals(302, authorized.status(), authorized::toString);
    assertTrue(authorized.header("Location").startsWith(REDIRECT), authorized::toString);
  }

  /** Keycloak's representations of the clients made here, by internal id as the pages go. */
  private static List<JsonNode> clientsInIdOrder() {
    Set<String> made = Set.copyOf(clientIds);
    List<JsonNode> clients = new ArrayList<>();
    realm
        .admin()
        .get("/" + realm.name() + "/clients?max=1000")
        .forEach(
            client -> {
              if (made.contains(client.get("clientId").asText())) {
                clients.add(client);
              }
            });
    clients.sort(Comparator.comparing(client -> client.get("id").asText()));
    return clients;
  }

  private static boolean withheld(JsonNode client) {
    return client.get("redirectUris").isEmpty();
  }

  private static void awaitEvery(Predicate<JsonNode> state) {
    assertTrue(
        Pause.until(BACKGROUND, () -> clientsInIdOrder().stream().allMatch(state)),
        "the background pages did not follow in time");
  }

  private static HttpResult authorize(String clientId) {
    return BrowserLogin.authorizeWithoutPrompt(realm, clientId, REDIRECT);
  }
}
