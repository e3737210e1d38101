package dev.oauth2clients.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The fresh database one test run gives its Keycloak: an H2 file of its own, or a PostgreSQL
 * database of its own on the machine's server ({@code -Dkeycloak.db=postgres}), dropped after.
 */
abstract class TestDatabase {

  static final String POSTGRES_SERVER =
      System.getProperty("keycloak.db.postgres", "jdbc:postgresql://127.0.0.1:5432/");
  static final String POSTGRES_USER = System.getProperty("keycloak.db.postgres.user", "postgres");

  abstract List<String> keycloakOptions();

  abstract Database connection();

  abstract void discard();

  /** A fresh PostgreSQL database; skips the calling test, saying why, without a server. */
  static TestDatabase freshPostgres() {
    return Postgres.create();
  }

  static TestDatabase of(String kind, Path directory) {
    return switch (kind) {
      case "h2" -> new H2(directory.resolve("keycloak-db-" + ProcessHandle.current().pid()));
      case "postgres" -> Postgres.create();
      default -> throw new IllegalArgumentException("keycloak.db must be h2 or postgres: " + kind);
    };
  }

  /** Why the PostgreSQL server cannot be used, or empty when it can. */
  static Optional<String> postgresUnavailable() {
    try (Connection server =
        DriverManager.getConnection(POSTGRES_SERVER + "test", POSTGRES_USER, "")) {
      return Optional.empty();
    } catch (SQLException unreachable) {
      return Optional.of(unreachableReason(unreachable));
    }
  }

  private static String unreachableReason(SQLException unreachable) {
    return "PostgreSQL is not reachable at "
        + POSTGRES_SERVER
        + " as "
        + POSTGRES_USER
        + " ("
        + unreachable.getMessage()
        + "): the PostgreSQL pass is skipped";
  }

  /**
   * With AUTO_SERVER the tests can open the file while Keycloak holds it. H2 gives up on a row lock
   * after 2 s by default; twenty creates queued on one owner's lock can take longer on a busy
   * 2-core machine, where PostgreSQL would simply wait. H2 writes a commit to the file up to half a
   * second after it answers by default, so a killed server would lose writes it had acknowledged;
   * WRITE_DELAY=0 writes before the commit returns, as the demo server does too.
   */
  private static final class H2 extends TestDatabase {
    private final Path directory;
    private final Database database;

    H2(Path directory) {
      this.directory = directory;
      deleteRecursively(directory);
      this.database =
          new Database(
              "jdbc:h2:file:"
                  + directory.resolve("keycloakdb")
                  + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000;WRITE_DELAY=0",
              "sa",
              "password");
    }

    @Override
    List<String> keycloakOptions() {
      return List.of(
          "--db=dev-file",
          "--db-url=" + database.jdbcUrl(),
          "--db-username=" + database.user(),
          "--db-password=" + database.password());
    }

    @Override
    Database connection() {
      return database;
    }

    @Override
    void discard() {
      deleteRecursively(directory);
    }
  }

  private static final class Postgres extends TestDatabase {
    private final String name;
    private final Database database;

    private Postgres(String name) {
      this.name = name;
      this.database = new Database(POSTGRES_SERVER + name, POSTGRES_USER, "");
    }

    /** A new database; the whole run is skipped, saying why, where the server cannot be reached. */
    static Postgres create() {
      String name = "kc_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
      try (Connection server =
              DriverManager.getConnection(POSTGRES_SERVER + "test", POSTGRES_USER, "");
          Statement sql = server.createStatement()) {
        sql.execute("create database " + name);
      } catch (SQLException unreachable) {
        String reason = unreachableReason(unreachable);
        System.out.println(reason);
        Assumptions.abort(reason);
      }
      return new Postgres(name);
    }

    @Override
    List<String> keycloakOptions() {
      return List.of(
          "--db=postgres",
          "--db-url=" + database.jdbcUrl(),
          "--db-username=" + database.user(),
          "--db-password=unused-with-trust-auth");
    }

    @Override
    Database connection() {
      return database;
    }

    @Override
    void discard() {
      try (Connection server =
              DriverManager.getConnection(POSTGRES_SERVER + "test", POSTGRES_USER, "");
          Statement sql = server.createStatement()) {
        sql.execute("drop database if exists " + name + " with (force)");
      } catch (SQLException e) {
        System.out.println("could not drop test database " + name + ": " + e.getMessage());
      }
    }
  }

  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (var paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new IllegalStateException("cannot clear " + directory, e);
    }
  }
}
