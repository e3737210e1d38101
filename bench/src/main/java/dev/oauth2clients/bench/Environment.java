package dev.oauth2clients.bench;

import dev.oauth2clients.testsupport.Database;
import dev.oauth2clients.testsupport.KeycloakServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/** What the numbers were measured on, for the report. */
record Environment(String keycloak, int cores, double ramGiB, String java, String os) {

  static Environment ofThisMachine() throws IOException {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return new Environment(
        keycloakVersion(),
        Runtime.getRuntime().availableProcessors(),
        os.getTotalMemorySize() / (1024.0 * 1024 * 1024),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"));
  }

  /** The one-minute load average: above the core count, other work competed for the CPU. */
  static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** The product and version of a server's database, as its JDBC driver reports them. */
  static String databaseVersion(KeycloakServer server) {
    Database database = server.database();
    if (database == null) {
      return "(external server)";
    }
    try (Connection connection = database.connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      return "(unknown: " + e.getMessage() + ")";
    }
  }

  private static String keycloakVersion() throws IOException {
    String home = System.getProperty("keycloak.home");
    Path version = home == null ? null : Path.of(home, "version.txt");
    return version != null && Files.exists(version)
        ? Files.readString(version).trim().replace("Keycloak - Version ", "Keycloak ")
        : "(external server)";
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "%s, %d cores, %.1f GiB RAM, %s, %s", keycloak, cores, ramGiB, java, os);
  }
}
