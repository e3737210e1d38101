package dev.oauth2clients.bench;

import dev.oauth2clients.secret.ClientSecrets;
import dev.oauth2clients.secret.SecretFormat;
import dev.oauth2clients.testsupport.Database;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Copies self-service clients that were made through the API, row for row, in the database: every
 * row Keycloak and the provider store for such a client, with new ids, a new client ID and a new
 * secret of its own, so that a copy is a client like its original (it gets tokens with its secret,
 * its owner reads it through the API, the admin console lists it). This fills a realm of 100,000
 * clients in minutes where the API takes hours on a busy 2-core machine (9 to 20 creates per second
 * measured while other work ran).
 *
 * <p>What a client made through the API consists of, found by searching every text column of a
 * database for its ids (Keycloak 26.7.3): its row in {@code CLIENT}, 8 {@code CLIENT_ATTRIBUTES}
 * (owner, owner's username, secret hash, consent text, …), 8 {@code CLIENT_SCOPE_CLIENT}, its
 * redirect URI, its client role ({@code KEYCLOAK_ROLE}), its audience mapper ({@code
 * PROTOCOL_MAPPER} with 4 of config), its service account ({@code USER_ENTITY}) with that account's
 * consent ({@code USER_CONSENT} with 5 scopes), and the provider's row in {@code
 * OAUTH2_SELF_SERVICE_CLIENT}: 32 rows. The tables a client's role, mapper or service account could
 * reach further (role attributes and composites, the account's roles, attributes and credentials)
 * are copied too, whatever they hold.
 *
 * <p>Every id of the original is replaced wherever it appears in a copied row (its client id also
 * in lower case, as in the service account's username); the unique e-mail constraint of the service
 * account gets a new value. The copy keeps its original's owner, names, settings and times.
 */
final class ClientCopies {

  /** What to copy, in an order that inserts a row after the rows it refers to. */
  private record Part(String table, String keyColumn, String keysFrom) {}

  private static final List<Part> PARTS =
      List.of(
          new Part("CLIENT", "ID", "client"),
          new Part("CLIENT_ATTRIBUTES", "CLIENT_ID", "client"),
          new Part("CLIENT_SCOPE_CLIENT", "CLIENT_ID", "client"),
          new Part("REDIRECT_URIS", "CLIENT_ID", "client"),
          new Part("WEB_ORIGINS", "CLIENT_ID", "client"),
          new Part("KEYCLOAK_ROLE", "CLIENT", "client"),
          new Part("ROLE_ATTRIBUTE", "ROLE_ID", "KEYCLOAK_ROLE"),
          new Part("COMPOSITE_ROLE", "COMPOSITE", "KEYCLOAK_ROLE"),
          new Part("PROTOCOL_MAPPER", "CLIENT_ID", "client"),
          new Part("PROTOCOL_MAPPER_CONFIG", "PROTOCOL_MAPPER_ID", "PROTOCOL_MAPPER"),
          new Part("USER_ENTITY", "SERVICE_ACCOUNT_CLIENT_LINK", "client"),
          new Part("USER_ATTRIBUTE", "USER_ID", "USER_ENTITY"),
          new Part("USER_ROLE_MAPPING", "USER_ID", "USER_ENTITY"),
          new Part("CREDENTIAL", "USER_ID", "USER_ENTITY"),
          new Part("USER_CONSENT", "CLIENT_ID", "client"),
          new Part("USER_CONSENT_CLIENT_SCOPE", "USER_CONSENT_ID", "USER_CONSENT"),
          new Part("OAUTH2_SELF_SERVICE_CLIENT", "ID", "client"));

  /** Tables whose rows have an {@code ID} that is renamed in each copy. */
  private static final List<String> WITH_OWN_ID =
      List.of("KEYCLOAK_ROLE", "PROTOCOL_MAPPER", "USER_ENTITY", "USER_CONSENT", "CREDENTIAL");

  private static final int BATCH = 500;

  /** One original's rows, per part: column names and values. */
  private record Original(
      String id, String clientId, String secretHash, Map<Part, List<Map<String, Object>>> rows) {}

  /** A copy made, with the secret it answers to. */
  record Copy(String clientId, String secret) {}

  private ClientCopies() {}

  /**
   * Makes {@code count} copies of the realm's self-service clients that {@code originals} names
   * (client ids), round-robin, and returns the first copy made, to be checked by the caller.
   */
  static Copy copy(Database database, String realmName, List<String> originals, int count)
      throws SQLException {
    try (Connection db = batching(database).connect()) {
      db.setAutoCommit(false);
      String realmId = realmId(db, realmName);
      List<Original> read = new ArrayList<>();
      for (String clientId : originals) {
        read.add(read(db, realmId, clientId));
      }
      db.commit();
      Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
      Copy first = null;
      FillProgress progress = new FillProgress(count);
      try {
        for (int i = 0; i < count; i++) {
          Original original = read.get(i % read.size());
          String clientId = ClientSecrets.newClientId();
          String secret = ClientSecrets.newSecret(SecretFormat.DEFAULT_PREFIX);
          if (first == null) {
            first = new Copy(clientId, secret);
          }
          Map<String, String> renames = renames(original, clientId, ClientSecrets.hash(secret));
          for (Part part : PARTS) {
            for (Map<String, Object> row : original.rows().get(part)) {
              PreparedStatement insert =
                  inserts.computeIfAbsent(part.table(), table -> prepare(db, table, row));
              int column = 1;
              for (Map.Entry<String, Object> value : row.entrySet()) {
                insert.setObject(
                    column++, renamed(part, value.getKey(), value.getValue(), renames));
              }
              insert.addBatch();
            }
          }
          if ((i + 1) % BATCH == 0 || i == count - 1) {
            for (PreparedStatement insert : inserts.values()) {
              insert.executeBatch();
            }
            db.commit();
          }
          progress.oneMore();
        }
      } finally {
        for (PreparedStatement insert : inserts.values()) {
          insert.close();
        }
      }
      markFollowed(db, realmId);
      db.commit();
      analyze(db);
      return first;
    }
  }

  /**
   * Marks the realm as the provider marks it once its clients follow the realm's feature switch and
   * required role ({@code "<enabled> <required role>"}). Unmarked, the provider's first start loads
   * every client of the realm, one by one in one transaction, before Keycloak serves anything: with
   * 100,000 clients on H2 that start was still busy after 6 minutes here. The copies are of clients
   * made while the realm was as it is, so that pass would change nothing.
   */
  private static void markFollowed(Connection db, String realmId) throws SQLException {
    String enabled = realmAttribute(db, realmId, "oauth2-clients.enabled");
    String role = realmAttribute(db, realmId, "oauth2-clients.required-role");
    try (PreparedStatement delete =
            db.prepareStatement("delete from REALM_ATTRIBUTE where REALM_ID = ? and NAME = ?");
        PreparedStatement insert =
            db.prepareStatement(
                "insert into REALM_ATTRIBUTE (REALM_ID, NAME, VALUE) values (?, ?, ?)")) {
      delete.setString(1, realmId);
      delete.setString(2, FOLLOWED);
      delete.executeUpdate();
      insert.setString(1, realmId);
      insert.setString(2, FOLLOWED);
      insert.setString(3, Boolean.parseBoolean(enabled) + " " + (role == null ? "" : role));
      insert.executeUpdate();
    }
  }

  /**
   * Gives PostgreSQL's planner the statistics of the tables as they now are, as its autovacuum
   * would some time after a bulk load; this machine's server runs without autovacuum, and without
   * statistics the planner read the realm's whole index for every leak report (6 ms instead of 0.3
   * ms for the lookup of 8 hashes).
   */
  private static void analyze(Connection db) throws SQLException {
    if (db.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      db.setAutoCommit(true);
      try (var statement = db.createStatement()) {
        statement.execute("analyze");
      }
    }
  }

  private static final String FOLLOWED = "oauth2-clients.followed-switch-and-role";

  private static String realmAttribute(Connection db, String realmId, String name)
      throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("select VALUE from REALM_ATTRIBUTE where REALM_ID = ? and NAME = ?")) {
      query.setString(1, realmId);
      query.setString(2, name);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getString(1) : null;
      }
    }
  }

  /** PostgreSQL's driver sends a batch as multi-row inserts only when asked to. */
  private static Database batching(Database database) {
    if (!database.jdbcUrl().startsWith("jdbc:postgresql:")) {
      return database;
    }
    String separator = database.jdbcUrl().contains("?") ? "&" : "?";
    return new Database(
        database.jdbcUrl() + separator + "reWriteBatchedInserts=true",
        database.user(),
        database.password());
  }

  private static String realmId(Connection db, String realmName) throws SQLException {
    try (PreparedStatement query = db.prepareStatement("select ID from REALM where NAME = ?")) {
      query.setString(1, realmName);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("no realm " + realmName + " in the database");
        }
        return rows.getString(1);
      }
    }
  }

  /** All rows of one original, found from its client id. */
  private static Original read(Connection db, String realmId, String clientId) throws SQLException {
    String id;
    String secretHash;
    try (PreparedStatement query =
        db.prepareStatement(
            "select ID, SECRET_HASH from OAUTH2_SELF_SERVICE_CLIENT where REALM_ID = ? and"
                + " CLIENT_ID = ?")) {
      query.setString(1, realmId);
      query.setString(2, clientId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalStateException("no self-service client " + clientId);
        }
        id = rows.getString(1);
        secretHash = rows.getString(2);
      }
    }
    Map<Part, List<Map<String, Object>>> parts = new LinkedHashMap<>();
    Map<String, List<String>> keys = new LinkedHashMap<>();
    keys.put("client", List.of(id));
    for (Part part : PARTS) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (String key : keys.getOrDefault(part.keysFrom(), List.of())) {
        rows.addAll(select(db, part, key));
      }
      parts.put(part, rows);
      if (WITH_OWN_ID.contains(part.table())) {
        keys.put(part.table(), rows.stream().map(row -> (String) value(row, "ID")).toList());
      }
    }
    return new Original(id, clientId, secretHash, parts);
  }

  private static List<Map<String, Object>> select(Connection db, Part part, String key)
      throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select * from " + part.table() + " where " + part.keyColumn() + " = ?")) {
      query.setString(1, key);
      try (ResultSet found = query.executeQuery()) {
        ResultSetMetaData meta = found.getMetaData();
        while (found.next()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (int c = 1; c <= meta.getColumnCount(); c++) {
            Object value = found.getObject(c);
            if (value instanceof Clob clob) {
              value = clob.getSubString(1, (int) clob.length());
            }
            row.put(meta.getColumnName(c).toUpperCase(Locale.ROOT), value);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.get(column);
  }

  /** Every id of the original and what it becomes in this copy. */
  private static Map<String, String> renames(Original original, String clientId, String hash) {
    Map<String, String> renames = new LinkedHashMap<>();
    renames.put(original.id(), UUID.randomUUID().toString());
    for (String table : WITH_OWN_ID) {
      for (Part part : PARTS) {
        if (part.table().equals(table)) {
          for (Map<String, Object> row : original.rows().get(part)) {
            renames.put((String) value(row, "ID"), UUID.randomUUID().toString());
          }
        }
      }
    }
    renames.put(original.clientId(), clientId);
    renames.put(original.clientId().toLowerCase(Locale.ROOT), clientId.toLowerCase(Locale.ROOT));
    if (original.secretHash() != null) {
      renames.put(original.secretHash(), hash);
    }
    return renames;
  }

  private static Object renamed(
      Part part, String column, Object value, Map<String, String> renames) {
    if (part.table().equals("USER_ENTITY") && column.equals("EMAIL_CONSTRAINT")) {
      return UUID.randomUUID().toString();
    }
    if (!(value instanceof String text)) {
      return value;
    }
    for (Map.Entry<String, String> rename : renames.entrySet()) {
      if (text.contains(rename.getKey())) {
        text = text.replace(rename.getKey(), rename.getValue());
      }
    }
    return text;
  }

  private static PreparedStatement prepare(Connection db, String table, Map<String, Object> row) {
    String columns = String.join(", ", row.keySet());
    String marks = String.join(", ", row.keySet().stream().map(column -> "?").toList());
    try {
      return db.prepareStatement(
          "insert into " + table + " (" + columns + ") values (" + marks + ")");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot insert into " + table, e);
    }
  }
}
