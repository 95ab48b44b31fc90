package dev.asios.agent.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The agent's small, precious state beside its samples: {@value #FILE} in the state folder, a
 * SQLite database (WAL, {@code synchronous=FULL}) of named blobs, such as the anomaly detectors'
 * saved forests, that must survive restarts and are never trimmed like the samples. A file of its
 * own, so the samples' size cap and deletions never touch it. The sample store's lock keeps a
 * second agent out of the folder, so this file takes none. Thread-safe: calls are serialized.
 * Every failure is a {@link StoreException} naming the file and saying what to do.
 */
public final class StateBlobs implements AutoCloseable {

    /** The database's name in the state folder. */
    public static final String FILE = "health.db";

    private final Path file;
    private final Connection connection;

    private StateBlobs(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens, and makes where missing, {@value #FILE} in {@code stateDir} (which must exist: open
     * the {@link SampleStore} first).
     *
     * @throws StoreException if the file cannot be opened or is corrupt
     */
    public static StateBlobs open(Path stateDir) {
        Path file = stateDir.toAbsolutePath().resolve(FILE);
        Connection connection = null;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA busy_timeout=5000");
                StoreFiles.quickCheck(statement, file);
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("CREATE TABLE IF NOT EXISTS blobs (name TEXT PRIMARY KEY, saved_ms INTEGER NOT NULL, value BLOB NOT NULL)");
            }
            return new StateBlobs(file, connection);
        } catch (SQLException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e instanceof StoreException known ? known : StoreFiles.failure(file, "cannot open", e);
        }
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The blob saved as {@code name}, if any. */
    public synchronized Optional<byte[]> load(String name) {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM blobs WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw StoreFiles.failure(file, "cannot read '" + name + "'", e);
        }
    }

    /** Saves {@code value} as {@code name}, replacing what was there; on disk when it returns. */
    public synchronized void save(String name, byte[] value, long savedMs) {
        try (PreparedStatement update = connection.prepareStatement("INSERT OR REPLACE INTO blobs (name, saved_ms, value) VALUES (?, ?, ?)")) {
            update.setString(1, name);
            update.setLong(2, savedMs);
            update.setBytes(3, value);
            update.executeUpdate();
        } catch (SQLException e) {
            throw StoreFiles.failure(file, "cannot save '" + name + "'", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw StoreFiles.failure(file, "cannot close", e);
        }
    }
}
