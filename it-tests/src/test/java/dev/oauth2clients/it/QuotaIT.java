package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oauth2clients.policy.PolicySetting;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The realm's per-owner quota, also when one owner creates many clients at the same moment. */
class QuotaIT {

  private static final int QUOTA = 10;

  @RegisterExtension
  static final TestRealm realm =
      TestRealm.perClass(
          Policy.enabled()
              .with(PolicySetting.MAX_CLIENTS_PER_USER, Integer.toString(QUOTA))
              .attributes(),
          "sequential",
          "racer",
          "other");

  @Test
  void theQuotaStopsCreationAndDeletingMakesRoom() {
    ClientsApi api = realm.api("sequential");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < QUOTA; i++) {
      ids.add(api.createNamed("client " + i).get("client_id").asText());
    }

    HttpResult overQuota = api.create(Map.of("client_name", "one too many"));
    assertEquals(409, overQuota.status(), overQuota::toString);
    assertEquals("quota_exceeded", overQuota.error());
    assertEquals(QUOTA, api.list("").json().size());
    assertEquals(
        201,
        realm.api("other").create(Map.of("client_name", "mine")).status(),
        "the quota is per owner");

    assertEquals(204, api.delete(ids.get(0)).status());
    assertEquals(201, api.create(Map.of("client_name", "fits again")).status());
  }

  @Test
  void twentyParallelCreatesFiveBelowTheQuotaEndExactlyAtTheQuota() throws Exception {
    ClientsApi api = realm.api("racer");
    for (int i = 0; i < QUOTA - 5; i++) {
      api.createNamed("before the race " + i);
    }

    int parallel = 20;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<Future<HttpResult>> results = new ArrayList<>();
    try {
      for (int i = 0; i < parallel; i++) {
        String name = "racer " + i;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return api.create(Map.of("client_name", name));
                }));
      }
      start.countDown();
      int created = 0;
      int refused = 0;
      for (Future<HttpResult> result : results) {
        HttpResult response = result.get();
        if (response.status() == 201) {
          created++;
        } else {
          assertEquals(409, response.status(), response::toString);
          assertEquals("quota_exceeded", response.error());
          refused++;
        }
      }
      assertEquals(5, created);
      assertEquals(15, refused);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(QUOTA, api.list("").json().size());
  }
}
