package dev.oauth2clients.testsupport;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One real Keycloak for the whole test run: the distribution unpacked by the build, with the
 * provider in providers/, started in dev mode on free ports with a fresh database that tests may
 * open too, to see what Keycloak really stores: an H2 file by default, PostgreSQL with {@code
 * -Dkeycloak.db=postgres}. Setting {@code -Dkeycloak.url=http://localhost:8080} runs the tests
 * against a server that is already up instead (handy while developing); its management interface is
 * then {@code -Dkeycloak.management.url}, by default port 9000 of the same host.
 */
public final class KeycloakServer {

  public static final String ADMIN_USER = KeycloakProcess.ADMIN_USER;
  public static final String ADMIN_PASSWORD = KeycloakProcess.ADMIN_PASSWORD;

  /** How often the provider's expiry notice task runs on the servers the tests start. */
  public static final Duration EXPIRY_NOTICE_INTERVAL = KeycloakProcess.EXPIRY_NOTICE_INTERVAL;

  /** The test servers' notice window: at most one mail per owner within it. */
  public static final Duration NOTICE_WINDOW = KeycloakProcess.NOTICE_WINDOW;

  private static KeycloakServer instance;

  private final String baseUrl;
  private final String managementUrl;
  private KeycloakProcess process;
  private final TestDatabase database;
  private boolean stopped;

  private KeycloakServer(
      String baseUrl, String managementUrl, KeycloakProcess process, TestDatabase database) {
    this.baseUrl = baseUrl;
    this.managementUrl = managementUrl;
    this.process = process;
    this.database = database;
  }

  public static synchronized KeycloakServer get() {
    if (instance == null) {
      String external = System.getProperty("keycloak.url");
      instance =
          external != null
              ? new KeycloakServer(external, externalManagementUrl(external), null, null)
              : start(
                  System.getProperty("keycloak.db", "h2"),
                  Path.of(KeycloakProcess.requiredProperty("keycloak.log")));
    }
    return instance;
  }

  /**
   * A server of its own with the given database ({@code h2} or {@code postgres}), apart from the
   * shared one: for a program that compares databases, one server at a time. Its log is {@code
   * keycloak.log} with the database in the name; the caller stops it.
   */
  public static KeycloakServer startWith(String databaseKind) {
    String log = KeycloakProcess.requiredProperty("keycloak.log");
    return start(
        databaseKind, Path.of(log.replaceFirst("(\\.log)?$", "-" + databaseKind + ".log")));
  }

  /**
   * A server of its own on a database kept between runs (see {@code TestDatabase.kept}): the H2
   * file {@code name} beside {@code keycloak.log}, or the PostgreSQL database {@code name}; reused
   * where it exists, emptied first with {@code fresh}. Its log is {@code keycloak.log} with the
   * database and name in it; the caller stops it, which keeps the database.
   */
  public static KeycloakServer startKept(String databaseKind, String name, boolean fresh) {
    Path log = logOf(databaseKind + "-" + name);
    return start(
        Path.of(KeycloakProcess.requiredProperty("keycloak.home")),
        TestDatabase.kept(databaseKind, name, log.getParent(), fresh),
        log,
        List.of());
  }

  /**
   * A server of its own, apart from the shared one, of the distribution at {@code home} with {@code
   * options} added to the test servers' (e.g. {@code --metrics-enabled=true}), on a fresh database
   * of its own: for a program that compares two configurations side by side. A start-dev server
   * rebuilds its distribution when the build options change, so two servers with different ones
   * need a distribution each. Its log is {@code keycloak.log} with {@code name} in it; the caller
   * stops it.
   */
  public static KeycloakServer startWith(
      String databaseKind, String name, Path home, List<String> options) {
    Path log = logOf(databaseKind + "-" + name);
    return start(home, TestDatabase.of(databaseKind, log.getParent(), "-" + name), log, options);
  }

  private static Path logOf(String part) {
    String log = KeycloakProcess.requiredProperty("keycloak.log");
    return Path.of(log.replaceFirst("(\\.log)?$", "-" + part + ".log"));
  }

  /** Why a PostgreSQL database cannot be had on this machine, or empty when it can. */
  public static Optional<String> postgresUnavailable() {
    return TestDatabase.postgresUnavailable();
  }

  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The management interface, where the test servers (run with {@code --metrics-enabled=true})
   * serve {@code /metrics}.
   */
  public String managementUrl() {
    return managementUrl;
  }

  private static String externalManagementUrl(String external) {
    URI base = URI.create(external);
    return System.getProperty(
        "keycloak.management.url", base.getScheme() + "://" + base.getHost() + ":9000");
  }

  /** The server's database, or null for an external server. */
  public Database database() {
    return database == null ? null : database.connection();
  }

  /**
   * A server of the distribution at {@code home}, apart from the shared one, on a fresh H2 file in
   * the directory of {@code log}; {@link #upgradeTo} takes it to another release of Keycloak.
   */
  public static KeycloakServer startOfRelease(Path home, Path log) {
    return start(home, TestDatabase.of("h2", log.getParent()), log, List.of());
  }

  /**
   * Keycloak upgraded in place, as an admin does it: this server stops, and the distribution at
   * {@code home} (with the provider in it) starts on the same database and port, logging to {@code
   * upgradeLog}. Returns the new server; this one is gone.
   */
  public synchronized KeycloakServer upgradeTo(Path home, Path upgradeLog) {
    if (process == null || stopped) {
      throw new IllegalStateException("only a running server started by the tests can be upgraded");
    }
    stopped = true;
    KeycloakProcess upgraded = process.restartAs(home, upgradeLog);
    KeycloakServer server =
        new KeycloakServer(upgraded.baseUrl(), upgraded.managementUrl(), upgraded, database);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  private static KeycloakServer start(String databaseKind, Path log) {
    Path home = Path.of(KeycloakProcess.requiredProperty("keycloak.home"));
    return start(home, TestDatabase.of(databaseKind, log.getParent()), log, List.of());
  }

  private static KeycloakServer start(
      Path home, TestDatabase database, Path log, List<String> options) {
    // declarative-ui shows the provider's admin console tab (an experimental Keycloak feature);
    // with metrics on, every test runs the provider's counters as production servers do.
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "start-dev",
                "--features=declarative-ui",
                "--metrics-enabled=true",
                KeycloakProcess.EXPIRY_NOTICE_INTERVAL_OPTION,
                KeycloakProcess.NOTICE_WINDOW_OPTION));
    arguments.addAll(database.keycloakOptions());
    // An option given here replaces the test servers' own of that name (kc.sh takes each once).
    for (String option : options) {
      String name = option.contains("=") ? option.substring(0, option.indexOf('=') + 1) : option;
      arguments.removeIf(argument -> argument.startsWith(name));
    }
    arguments.addAll(options);
    KeycloakProcess process;
    try {
      process = KeycloakProcess.start(home, arguments, log);
    } catch (RuntimeException failed) {
      database.discard();
      throw failed;
    }
    KeycloakServer server =
        new KeycloakServer(process.baseUrl(), process.managementUrl(), process, database);
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    return server;
  }

  /**
   * Kills the server with SIGKILL, as a crash would, and starts it again on the same database and
   * the same port, so that tests that run afterwards find it where it was. Returns once it serves
   * requests again.
   */
  public synchronized void crashAndRestart() {
    if (process == null || stopped) {
      throw new IllegalStateException("only a running server started by the tests can be crashed");
    }
    process = process.crashAndRestart();
  }

  /**
   * Ends the server and discards its database. Tests rely on the shutdown hook; a program run
   * inside Maven (exec:java) must call this itself, as its class loader is gone by the time the
   * hooks run.
   */
  public synchronized void stop() {
    if (process != null && !stopped) {
      stopped = true;
      process.stop();
      database.discard();
    }
  }
}
