package dev.oauth2clients.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One real Keycloak for the whole test run: the distribution unpacked by the build, with the
 * provider in providers/, started in dev mode on free ports with a fresh database that tests may
 * open too, to see what Keycloak really stores: an H2 file by default, PostgreSQL with {@code
 * -Dkeycloak.db=postgres}. Setting {@code -Dkeycloak.url=http://localhost:8080} runs the tests
 * against a server that is already up instead (handy while developing).
 */
public final class KeycloakServer {

  public static final String ADMIN_USER = "admin";
  public static final String ADMIN_PASSWORD = "admin";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);

  private static KeycloakServer instance;

  private final String baseUrl;
  private final Process process;
  private final TestDatabase database;

  private KeycloakServer(String baseUrl, Process process, TestDatabase database) {
    this.baseUrl = baseUrl;
    this.process = process;
    this.database = database;
  }

  public static synchronized KeycloakServer get() {
    if (instance == null) {
      String external = System.getProperty("keycloak.url");
      instance = external != null ? new KeycloakServer(external, null, null) : start();
    }
    return instance;
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** The server's database, or null for an external server. */
  public Database database() {
    return database == null ? null : database.connection();
  }

  private static KeycloakServer start() {
    Path home = Path.of(requiredProperty("keycloak.home"));
    Path log = Path.of(requiredProperty("keycloak.log"));
    TestDatabase database = TestDatabase.forThisRun(log.getParent());
    int port = freePort();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-port=" + port,
                "--http-management-port=" + freePort()));
    command.addAll(database.keycloakOptions());
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    try {
      Process process = builder.start();
      KeycloakServer server = new KeycloakServer("http://localhost:" + port, process, database);
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      server.awaitReady(log);
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Keycloak from " + home, e);
    }
  }

  private void awaitReady(Path log) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest probe =
        HttpRequest.newBuilder(
                URI.create(baseUrl + "/realms/master/.well-known/openid-configuration"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Keycloak exited during start-up:\n" + tail(log));
      }
      try {
        if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // keep polling
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(Duration.ofSeconds(1));
    }
    stop();
    throw new IllegalStateException(
        "Keycloak was not ready after " + START_TIMEOUT + ":\n" + tail(log));
  }

  /**
   * Ends kc.sh and the JVM it starts. The tree is taken before anything is signalled: once kc.sh
   * has gone, its Java child is re-parented and would no longer count as a descendant. Tests rely
   * on the shutdown hook; a program run inside Maven (exec:java) must call this itself, as its
   * class loader is gone by the time the hooks run.
   */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> tree =
        Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
    database.discard();
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  private static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven)");
    }
    return value;
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
