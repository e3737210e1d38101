package dev.oauth2clients.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keycloak nodes in production mode on loopback, sharing one fresh PostgreSQL database; they find
 * each other through that database (JDBC_PING, Keycloak 26's default). They run from a copy of the
 * distribution, because {@code kc.sh build} rewrites it while the suite's own dev-mode server may
 * still be running from the original.
 */
public final class KeycloakCluster {

  private static final Pattern CLUSTER_VIEW =
      Pattern.compile("ISPN000094: Received new cluster view.*?\\((\\d+)\\)");
  private static final Duration FORMATION_TIMEOUT = Duration.ofMinutes(2);

  private final List<KeycloakProcess> nodes;
  private final TestDatabase database;

  private KeycloakCluster(List<KeycloakProcess> nodes, TestDatabase database) {
    this.nodes = nodes;
    this.database = database;
  }

  public static KeycloakCluster start(int size) {
    Path original = Path.of(KeycloakProcess.requiredProperty("keycloak.home"));
    Path work = Path.of(KeycloakProcess.requiredProperty("keycloak.log")).getParent();
    Path home = work.resolve("keycloak-cluster");
    TestDatabase.deleteRecursively(home);
    copyTree(original, home);
    TestDatabase database = TestDatabase.freshPostgres();
    List<KeycloakProcess> nodes = new ArrayList<>();
    KeycloakCluster cluster = new KeycloakCluster(nodes, database);
    Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop));
    KeycloakProcess.run(
        home,
        List.of("build", "--db=postgres", "--cache=ispn"),
        work.resolve("keycloak-cluster-build.log"));
    Database db = database.connection();
    for (int i = 1; i <= size; i++) {
      nodes.add(
          KeycloakProcess.start(
              home,
              List.of(
                  "start",
                  "--optimized",
                  "--http-enabled=true",
                  "--hostname-strict=false",
                  KeycloakProcess.EXPIRY_NOTICE_INTERVAL_OPTION,
                  KeycloakProcess.NOTICE_WINDOW_OPTION,
                  "--db-url=" + db.jdbcUrl(),
                  "--db-username=" + db.user(),
                  "--db-password=unused-with-trust-auth",
                  "--cache-embedded-network-bind-address=127.0.0.1",
                  "--cache-embedded-network-bind-port=" + KeycloakProcess.freePort()),
              work.resolve("keycloak-node-" + i + ".log")));
    }
    cluster.awaitView(size);
    return cluster;
  }

  public String baseUrl(int node) {
    return nodes.get(node - 1).baseUrl();
  }

  public synchronized void stop() {
    nodes.forEach(KeycloakProcess::stop);
    nodes.clear();
    database.discard();
  }

  /** Until every node's latest cluster view has all members. */
  private void awaitView(int size) {
    Instant deadline = Instant.now().plus(FORMATION_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (nodes.stream().allMatch(node -> latestViewSize(node.log()) >= size)) {
        return;
      }
      Pause.sleep(Duration.ofSeconds(1));
    }
    throw new IllegalStateException(
        "no cluster of " + size + " formed:\n" + KeycloakProcess.tail(nodes.get(size - 1).log()));
  }

  private static int latestViewSize(Path log) {
    try {
      Matcher view = CLUSTER_VIEW.matcher(Files.readString(log));
      int size = 0;
      while (view.find()) {
        size = Integer.parseInt(view.group(1));
      }
      return size;
    } catch (IOException e) {
      return 0;
    }
  }

  private static void copyTree(Path from, Path to) {
    try (var paths = Files.walk(from)) {
      for (Path source : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(source));
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot copy " + from + " to " + to, e);
    }
  }
}
