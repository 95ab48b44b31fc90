package dev.asios.agent.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@code samples.db} and their version. Every table of samples is clustered by time
 * (primary key {@code (ts_ms, series_id)}, without row ids): a round appends to the end of one
 * b-tree and deleting old data cuts its start, so a round writes about as many bytes as it holds,
 * whatever the number of series. A series' history is read through the rounds table, one seek
 * per round. Stateless.
 */
final class StoreSchema {

    /** The version this code writes and reads. */
    static final int VERSION = 1;

    private static final String[] TABLES = {
        "CREATE TABLE schema_version (version INTEGER NOT NULL)",
        // One row per series recorded; labels as a JSON object; bounds of a histogram as doubles. Ids are never
        // reused, so rows of a deleted series that are not deleted yet never join a new one.
        """
        CREATE TABLE series (id INTEGER PRIMARY KEY AUTOINCREMENT, key TEXT NOT NULL UNIQUE, family TEXT NOT NULL, kind TEXT NOT NULL,
          unit TEXT, help TEXT NOT NULL, labels TEXT NOT NULL, bounds BLOB, last_seen_ms INTEGER NOT NULL)""",
        "CREATE INDEX series_by_family ON series (family)",
        "CREATE TABLE raw_rounds (ts_ms INTEGER PRIMARY KEY)",
        // value: a counter's or gauge's value, a histogram's sum; counts: a histogram's bucket counts.
        """
        CREATE TABLE raw (ts_ms INTEGER NOT NULL, series_id INTEGER NOT NULL, value REAL NOT NULL, counts BLOB,
          PRIMARY KEY (ts_ms, series_id)) WITHOUT ROWID""",
        "CREATE TABLE minute_rounds (ts_ms INTEGER PRIMARY KEY)",
        // ts_ms: the minute's start; last_ms: its last sample's time after that; value: a gauge's mean (min, max beside
        // it), a counter's last value, a histogram's last sum.
        """
        CREATE TABLE minute (ts_ms INTEGER NOT NULL, series_id INTEGER NOT NULL, last_ms INTEGER NOT NULL, value REAL NOT NULL,
          min REAL, max REAL, counts BLOB, PRIMARY KEY (ts_ms, series_id)) WITHOUT ROWID""",
        "CREATE TABLE progress (name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
    };

    private StoreSchema() {
    }

    /**
     * Makes the tables in a new, empty database, or checks the version of an existing one.
     *
     * @throws StoreException if the file was written by a newer ASIOS
     */
    static void createOrCheck(Connection connection, Path file) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long tables = count(statement, "SELECT count(*) FROM sqlite_schema");
            if (tables == 0) {
                connection.setAutoCommit(false);
                for (String table : TABLES) {
                    statement.execute(table);
                }
                statement.execute("INSERT INTO schema_version VALUES (" + VERSION + ")");
                connection.commit();
                connection.setAutoCommit(true);
                return;
            }
            if (count(statement, "SELECT count(*) FROM sqlite_schema WHERE name = 'schema_version'") == 0) {
                throw new StoreException(file + " is a SQLite database but not an asios sample store: move it away, or pass --state DIR");
            }
            try (ResultSet row = statement.executeQuery("SELECT max(version) FROM schema_version")) {
                int version = row.getInt(1);
                if (version > VERSION) {
                    throw new StoreException(file + " has schema version " + version + ", newer than this asios understands (" + VERSION
                            + "): run the newer asios, or move the file away (mv " + file + " " + file + ".v" + version + ") and start again");
                }
                if (version < VERSION) {
                    throw new StoreException(file + " has schema version " + version + ", which no asios writes: it is not a sample store; "
                            + "move it away and start again");
                }
            }
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet row = statement.executeQuery(sql)) {
            return row.getLong(1);
        }
    }
}
