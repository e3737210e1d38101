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
    return of(kind, directory, "");
  }

  /**
   * A fresh database whose H2 file's name ends in {@code suffix}, so that two servers of one run
   * can each have their own at the same time.
   */
  static TestDatabase of(String kind, Path directory, String suffix) {
    return switch (kind) {
      case "h2" ->
          new H2(directory.resolve("keycloak-db-" + ProcessHandle.current().pid() + suffix), true);
      case "postgres" -> Postgres.create();
      default -> throw new IllegalArgumentException("keycloak.db must be h2 or postgres: " + kind);
    };
  }

  /**
   * A database that outlives its server, for a benchmark whose data take long to make: the H2 file
   * {@code directory/name} or the PostgreSQL database {@code name}, made where missing and reused
   * where present; {@code fresh} first throws away what is there. Never discarded by a stop.
   */
  static TestDatabase kept(String kind, String name, Path directory, boolean fresh) {
    return switch (kind) {
      case "h2" -> {
        if (fresh) {
          deleteRecursively(directory.resolve(name));
        }
        yield new H2(directory.resolve(name), false);
      }
      case "postgres" -> Postgres.kept(name, fresh);
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
    private final boolean discardable;

    H2(Path directory, boolean discardable) {
      this.directory = directory;
      this.discardable = discardable;
      if (discardable) {
        deleteRecursively(directory);
      }
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
      if (discardable) {
        deleteRecursively(directory);
      }
    }
  }

  private static final class Postgres extends TestDatabase {
    private final String name;
    private final Database database;
    private final boolean discardable;

    private Postgres(String name, boolean discardable) {
      this.name = name;
      this.discardable = discardable;
      this.database = new Database(POSTGRES_SERVER + name, POSTGRES_USER, "");
    }

    /** The database {@code name}, made where missing (after dropping it, with {@code fresh}). */
    static Postgres kept(String name, boolean fresh) {
      try (Connection server =
              DriverManager.getConnection(POSTGRES_SERVER + "test", POSTGRES_USER, "");
          Statement sql = server.createStatement()) {
        if (fresh) {
          sql.execute("drop database if exists " + name + " with (force)");
        }
        boolean exists;
        try (var found =
            sql.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
          exists = found.next();
        }
        if (!exists) {
          sql.execute("create database " + name);
        }
      } catch (SQLException unreachable) {
        throw new IllegalStateException(unreachableReason(unreachable), unreachable);
      }
      return new Postgres(name, false);
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
      return new Postgres(name, true);
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
      if (!discardable) {
        return;
      }
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
