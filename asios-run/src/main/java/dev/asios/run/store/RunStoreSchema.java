package dev.asios.run.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code runs} table and its migrations. The first schema had the columns of a run's life
 * (id to report); the restart columns came later and are added to an older table in place, each
 * with a value that means "declared nothing, linked to nothing", so the rows written before read
 * as {@link RestartInfo#NONE}. A migration only adds columns, so an older {@code asios} still reads
 * a migrated store. Two processes opening an old store at once migrate it once: the check and the
 * change are one {@code BEGIN IMMEDIATE} transaction. Stateless.
 */
final class RunStoreSchema {

    /** The columns added after the first schema, with their definitions, in the order they were added. */
    static final Map<String, String> ADDED_COLUMNS = added();

    private RunStoreSchema() {
    }

    /** Makes the table, or brings an older one up to date. */
    static void ensure(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("""
                    CREATE TABLE IF NOT EXISTS runs (
                      id TEXT PRIMARY KEY, started_at TEXT NOT NULL, ended_at TEXT, state TEXT NOT NULL,
                      command TEXT NOT NULL, supervisor_pid INTEGER NOT NULL, cgroups TEXT NOT NULL,
                      exit_code INTEGER, placement TEXT NOT NULL, report TEXT)""");
            if (columns(s).containsAll(ADDED_COLUMNS.keySet())) {
                return;
            }
            s.execute("BEGIN IMMEDIATE");
            try {
                Set<String> present = columns(s);
                for (Map.Entry<String, String> column : ADDED_COLUMNS.entrySet()) {
                    if (!present.contains(column.getKey())) {
                        s.execute("ALTER TABLE runs ADD COLUMN " + column.getKey() + " " + column.getValue());
                    }
                }
                s.execute("COMMIT");
            } catch (SQLException e) {
                s.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static Set<String> columns(Statement s) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rows = s.executeQuery("PRAGMA table_info(runs)")) {
            while (rows.next()) {
                names.add(rows.getString("name"));
            }
        }
        return names;
    }

    private static Map<String, String> added() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("restart_request", "TEXT");
        columns.put("restarted_from", "TEXT");
        columns.put("attempt", "INTEGER NOT NULL DEFAULT 0");
        columns.put("restarted_as", "TEXT");
        columns.put("stopped", "INTEGER NOT NULL DEFAULT 0");
        return java.util.Collections.unmodifiableMap(columns);
    }
}
