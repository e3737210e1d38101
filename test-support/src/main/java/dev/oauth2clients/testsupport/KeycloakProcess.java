package dev.oauth2clients.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One {@code kc.sh} process of the distribution under test: started, awaited, and ended. */
final class KeycloakProcess {

  static final String ADMIN_USER = "admin";
  static final String ADMIN_PASSWORD = "admin";

  /**
   * How often the test servers look for secrets that expire soon; the provider's default is 15m.
   */
  static final Duration EXPIRY_NOTICE_INTERVAL = Duration.ofSeconds(3);

  /** The server option that sets it, on every test server. */
  static final String EXPIRY_NOTICE_INTERVAL_OPTION =
      "--spi-realm-restapi-extension--oauth2-clients--expiry-notice-interval="
          + EXPIRY_NOTICE_INTERVAL.toSeconds()
          + "s";

  /**
   * The test servers' notice window, the provider's default is 1m: short, so that a test sees a
   * digest within seconds, and long enough for ten creates in a row to fall into one window.
   */
  static final Duration NOTICE_WINDOW = Duration.ofSeconds(6);

  /** The server option that sets it, on every test server. */
  static final String NOTICE_WINDOW_OPTION =
      "--spi-realm-restapi-extension--oauth2-clients--notice-window="
          + NOTICE_WINDOW.toSeconds()
          + "s";

  // About a minute on a quiet 2-core machine; a start that re-augments under heavy load (seen:
  // load 12 on 2 cores) took over five.
  private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

  private final Process process;
  private final List<String> command;
  private final Path log;
  private final String baseUrl;
  private final String managementUrl;

  private KeycloakProcess(
      Process process, List<String> command, Path log, String baseUrl, String managementUrl) {
    this.process = process;
    this.command = command;
    this.log = log;
    this.baseUrl = baseUrl;
    this.managementUrl = managementUrl;
  }

  /**
   * Runs {@code kc.sh <arguments>} on free HTTP and management ports and waits until it serves
   * requests.
   */
  static KeycloakProcess start(Path home, List<String> arguments, Path log) {
    int port = freePort();
    int managementPort = freePort();
    List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
    command.addAll(arguments);
    command.add("--http-port=" + port);
    command.add("--http-management-port=" + managementPort);
    return launch(
        List.copyOf(command),
        log,
        ProcessBuilder.Redirect.to(log.toFile()),
        "http://localhost:" + port,
        "http://localhost:" + managementPort);
  }

  private static KeycloakProcess launch(
      List<String> command,
      Path log,
      ProcessBuilder.Redirect output,
      String baseUrl,
      String managementUrl) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
    builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
    builder.redirectErrorStream(true).redirectOutput(output);
    try {
      KeycloakProcess started =
          new KeycloakProcess(builder.start(), command, log, baseUrl, managementUrl);
      started.awaitReady();
      return started;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start Keycloak: " + command, e);
    }
  }

  /**
   * Kills kc.sh and its JVM with SIGKILL, as a power cut or the OOM killer would: no shutdown hook,
   * no last flush. Then starts the same command again, on the same ports and database, appending to
   * the same log, and waits until it serves requests.
   */
  KeycloakProcess crashAndRestart() {
    List<ProcessHandle> tree = processTree();
    tree.forEach(ProcessHandle::destroyForcibly);
    tree.forEach(handle -> handle.onExit().join());
    try {
      Files.writeString(
          log, "\n===== SIGKILL by the test; restarting =====\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write to " + log, e);
    }
    return launch(
        command, log, ProcessBuilder.Redirect.appendTo(log.toFile()), baseUrl, managementUrl);
  }

  /** Runs {@code kc.sh <arguments>} to its end, e.g. {@code build}. */
  static void run(Path home, List<String> arguments, Path log) {
    List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
    command.addAll(arguments);
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("kc.sh " + arguments + " failed:\n" + tail(log));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run kc.sh " + arguments, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String baseUrl() {
    return baseUrl;
  }

  /** The management interface: {@code /metrics} and {@code /health} where they are enabled. */
  String managementUrl() {
    return managementUrl;
  }

  Path log() {
    return log;
  }

  /**
   * Stops this server and starts the distribution at {@code home} with the same options, ports and
   * database, so that its URL, and the issuer of every token it made, stay what they were.
   */
  KeycloakProcess restartAs(Path home, Path newLog) {
    stop();
    List<String> upgraded = new ArrayList<>(command);
    upgraded.set(1, home.resolve("bin/kc.sh").toString());
    return launch(
        List.copyOf(upgraded),
        newLog,
        ProcessBuilder.Redirect.to(newLog.toFile()),
        baseUrl,
        managementUrl);
  }

  private void awaitReady() {
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
      Pause.sleep(Duration.ofSeconds(1));
    }
    stop();
    throw new IllegalStateException(
        "Keycloak was not ready after " + START_TIMEOUT + ":\n" + tail(log));
  }

  /** Ends kc.sh and the JVM it starts, forcibly where they do not end within 20 seconds. */
  void stop() {
    List<ProcessHandle> tree = processTree();
    tree.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : tree) {
      try {
        handle.onExit().get(20, TimeUnit.SECONDS);
      } catch (Exception stillRunning) {
        handle.destroyForcibly();
      }
    }
  }

  /**
   * kc.sh and the JVM it starts, taken before anything is signalled: once kc.sh has gone, its Java
   * child is re-parented and would no longer count as a descendant.
   */
  private List<ProcessHandle> processTree() {
    return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
  }

  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException e) {
      return "(no log at " + log + ")";
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(
          "system property " + name + " is not set (run through Maven)");
    }
    return value;
  }
}
