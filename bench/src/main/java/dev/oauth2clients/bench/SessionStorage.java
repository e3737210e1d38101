package dev.oauth2clients.bench;

import dev.oauth2clients.testsupport.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How much room the database takes for sessions: H2's whole file (it has no per-table size), or
 * PostgreSQL's {@code pg_total_relation_size} of the tables persistent sessions live in.
 */
final class SessionStorage {

  private static final String H2_PREFIX = "jdbc:h2:file:";
  private static final String POSTGRES_SIZE =
      "select pg_total_relation_size('offline_user_session')"
          + " + pg_total_relation_size('offline_client_session')";

  private final Database database;

  SessionStorage(Database database) {
    this.database = database;
  }

  /** Bytes now, or -1 when the server's database is not known (an external server). */
  long bytes() {
    if (database == null) {
      return -1;
    }
    String url = database.jdbcUrl();
    return url.startsWith(H2_PREFIX) ? h2FileSize(url) : postgresTableSizes();
  }

  private static long h2FileSize(String url) {
    String base = url.substring(H2_PREFIX.length()).split(";", 2)[0];
    try {
      return Files.size(Path.of(base + ".mv.db"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long postgresTableSizes() {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet size = statement.executeQuery(POSTGRES_SIZE)) {
      size.next();
      return size.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the session tables' size", e);
    }
  }
}
