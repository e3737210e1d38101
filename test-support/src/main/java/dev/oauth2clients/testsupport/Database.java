package dev.oauth2clients.testsupport;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Keycloak's database, opened by the tests to see what is really stored. */
public record Database(String jdbcUrl, String user, String password) {

  private static final Set<Integer> TEXT_TYPES =
      Set.of(
          Types.CHAR,
          Types.VARCHAR,
          Types.LONGVARCHAR,
          Types.CLOB,
          Types.NCHAR,
          Types.NVARCHAR,
          Types.LONGNVARCHAR,
          Types.NCLOB);

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, user, password);
  }

  /** Every text column of every table, as TABLE.COLUMN, in which some row contains the text. */
  public List<String> columnsContaining(String text) throws SQLException {
    List<String> found = new ArrayList<>();
    try (Connection db = connect()) {
      for (String[] column : textColumns(db)) {
        String sql =
            "select count(*) from \""
                + column[0]
                + "\" where \""
                + column[1]
                + "\" like ? escape '!'";
        try (PreparedStatement query = db.prepareStatement(sql)) {
          query.setString(
              1, "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
          try (ResultSet count = query.executeQuery()) {
            count.next();
            if (count.getLong(1) > 0) {
              found.add(column[0] + "." + column[1]);
            }
          }
        }
      }
    }
    return found;
  }

  private static List<String[]> textColumns(Connection db) throws SQLException {
    DatabaseMetaData meta = db.getMetaData();
    List<String[]> columns = new ArrayList<>();
    try (ResultSet rows = meta.getColumns(null, db.getSchema(), "%", "%")) {
      while (rows.next()) {
        if (TEXT_TYPES.contains(rows.getInt("DATA_TYPE"))) {
          columns.add(new String[] {rows.getString("TABLE_NAME"), rows.getString("COLUMN_NAME")});
        }
      }
    }
    return columns;
  }
}
