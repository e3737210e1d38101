package dev.oauth2clients.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oauth2clients.testsupport.ClientsApi;
import dev.oauth2clients.testsupport.HttpResult;
import dev.oauth2clients.testsupport.TestRealm;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Owners creating clients at the same time, one thread each, until they have made their share or
 * the server stops answering. It records what the server said: the creates it acknowledged (with
 * their one-time secrets), other answers, and the requests that got no answer at all.
 */
final class CreateBurst implements AutoCloseable {

  /** A create answered {@code 201}. */
  record Acknowledged(String owner, String clientId, String secret) {}

  private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
  private final Queue<String> otherAnswers = new ConcurrentLinkedQueue<>();
  private final Queue<String> ownersCutOffInFlight = new ConcurrentLinkedQueue<>();
  private final Queue<String> ownersRefusedConnection = new ConcurrentLinkedQueue<>();
  private final CountDownLatch awaited;
  private final ExecutorService pool;
  private final List<Future<?>> owners = new ArrayList<>();

  private CreateBurst(int owners, int acknowledgementsAwaited) {
    this.awaited = new CountDownLatch(acknowledgementsAwaited);
    this.pool = Executors.newFixedThreadPool(owners);
  }

  /**
   * Signs every owner in, then lets them all create {@code createsEach} clients at once; {@link
   * #awaitAcknowledged} waits for the first {@code acknowledgementsAwaited} of them.
   */
  static CreateBurst start(
      TestRealm realm, List<String> owners, int createsEach, int acknowledgementsAwaited) {
    CreateBurst burst = new CreateBurst(owners.size(), acknowledgementsAwaited);
    CountDownLatch go = new CountDownLatch(1);
    for (String owner : owners) {
      ClientsApi api = realm.api(owner);
      burst.owners.add(
          burst.pool.submit(
              () -> {
                go.await();
                burst.create(owner, api, createsEach);
                return null;
              }));
    }
    go.countDown();
    return burst;
  }

  private void create(String owner, ClientsApi api, int count) {
    for (int i = 0; i < count; i++) {
      HttpResult answer;
      try {
        answer = api.create(Map.of("client_name", owner + " " + i));
      } catch (IllegalStateException noAnswer) {
        recordNoAnswer(owner, noAnswer);
        return;
      }
      record(owner, answer);
    }
  }

  private void record(String owner, HttpResult answer) {
    if (answer.status() == 201) {
      JsonNode client = answer.json();
      acknowledged.add(
          new Acknowledged(
              owner, client.get("client_id").asText(), client.get("client_secret").asText()));
      awaited.countDown();
    } else {
      otherAnswers.add(owner + ": " + answer);
    }
  }

  /**
   * A refused connection never reached the server; any other broken exchange was sent and may or
   * may not have been carried out.
   */
  private void recordNoAnswer(String owner, IllegalStateException noAnswer) {
    if (noAnswer.getCause() instanceof ConnectException) {
      ownersRefusedConnection.add(owner);
    } else if (noAnswer.getCause() instanceof IOException) {
      ownersCutOffInFlight.add(owner);
    } else {
      throw noAnswer;
    }
  }

  void awaitAcknowledged(Duration timeout) throws InterruptedException {
    assertTrue(
        awaited.await(timeout.toMillis(), TimeUnit.MILLISECONDS),
        () -> "only " + acknowledged.size() + " creates were answered 201 within " + timeout);
  }

  /**
   * Waits until every owner has stopped, which they do at the first request without an answer, and
   * passes on what broke an owner's thread otherwise.
   */
  void awaitEnd(Duration timeout) throws Exception {
    pool.shutdown();
    assertTrue(pool.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS));
    for (Future<?> owner : owners) {
      owner.get();
    }
  }

  List<Acknowledged> acknowledged() {
    return List.copyOf(acknowledged);
  }

  List<Acknowledged> acknowledgedFor(String owner) {
    return acknowledged.stream().filter(created -> created.owner().equals(owner)).toList();
  }

  List<String> otherAnswers() {
    return List.copyOf(otherAnswers);
  }

  /** Owners whose last create was sent but never answered: each one may or may not exist. */
  List<String> ownersCutOffInFlight() {
    return List.copyOf(ownersCutOffInFlight);
  }

  int refusedConnections() {
    return ownersRefusedConnection.size();
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
