package dev.asios.agent.store;

import dev.asios.host.parse.ParseException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the files of the sample store in the state folder: checks the folder, takes the lock
 * that keeps a second agent out, opens and checks {@code samples.db}. Every failure is a
 * {@link StoreException} whose message names the file or folder and says what to do.
 *
 * <p>The lock is a POSIX record lock on {@code samples.db.lock}, never on the database itself
 * (closing any other descriptor of a file drops a process's POSIX locks on it, SQLite's
 * included). The kernel drops it when the process dies, so a killed agent leaves nothing behind.
 *
 * @param file the database file
 * @param lock the lock held on the lock file while the store is open
 * @param writer the connection that records and maintains
 * @param reader the read-only connection that queries
 */
record StoreFiles(Path file, FileLock lock, Connection writer, Connection reader) implements AutoCloseable {

    /** The database's name in the state folder. */
    static final String FILE = "samples.db";

    private static final String HINT = "run as root, or pass --state DIR";
    private static final int SQLITE_CORRUPT = 11;
    private static final int SQLITE_NOTADB = 26;
    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_LOCKED = 6;

    /**
     * Opens, and makes where missing, the folder, the lock and the database.
     *
     * @throws StoreException if any of them cannot be made, is in use or is corrupt
     */
    static StoreFiles open(Path stateDir) {
        Path folder = stateDir.toAbsolutePath();
        Path file = folder.resolve(FILE);
        checkFolder(folder);
        FileLock lock = lock(folder.resolve(FILE + ".lock"), file);
        Connection writer = null;
        try {
            boolean existed = Files.exists(file);
            writer = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = writer.createStatement()) {
                statement.execute("PRAGMA busy_timeout=5000");
                if (existed) {
                    quickCheck(statement, file);
                }
                statement.execute("PRAGMA auto_vacuum=INCREMENTAL");
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA journal_size_limit=" + (8 << 20));
                StoreSchema.createOrCheck(writer, file);
            }
            Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = reader.createStatement()) {
                statement.execute("PRAGMA busy_timeout=5000");
                statement.execute("PRAGMA query_only=1");
            }
            return new StoreFiles(file, lock, writer, reader);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(writer);
            release(lock);
            throw e instanceof StoreException known ? known : failure(file, "cannot open", e);
        }
    }

    /**
     * The store's failure for a database error: corrupt (as SQLite says, or a row the store
     * cannot have written), locked, or another error, with the file's name and what to do.
     */
    static StoreException failure(Path file, String doing, Exception cause) {
        int code = cause instanceof SQLException sql ? sql.getErrorCode() & 0xFF : -1;
        if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB || cause instanceof ParseException) {
            return corrupt(file, cause.getMessage(), cause);
        }
        if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
            return new StoreException(file + " is locked by another process (" + cause.getMessage() + "): stop the other program using it, "
                    + "or pass --state DIR", cause);
        }
        return new StoreException(file + ": " + doing + ": " + cause.getMessage(), cause);
    }

    private static StoreException corrupt(Path file, String what, Exception cause) {
        return new StoreException(file + " is corrupt (" + what + "): move it away (mv " + file + " " + file + ".corrupt) and start again; "
                + "the agent never deletes it", cause);
    }

    private static void checkFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException | SecurityException e) {
            throw new StoreException("cannot make the state folder " + folder + " (" + reason(e) + "): " + HINT, e);
        }
        if (!Files.isWritable(folder)) {
            throw new StoreException("the state folder " + folder + " is not writable: " + HINT);
        }
    }

    private static FileLock lock(Path lockFile, Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return lock;
            }
        } catch (OverlappingFileLockException e) {
            // This process holds it already: the same message as for another process.
        } catch (IOException e) {
            throw new StoreException("cannot lock " + lockFile + " (" + reason(e) + "): " + HINT, e);
        }
        closeQuietly(channel);
        throw new StoreException(file + " is in use by another asios agent (another 'asios up' with this state folder): stop it, "
                + "or pass --state DIR");
    }

    /** Checks the database behind {@code statement} with {@code PRAGMA quick_check}; a corrupt one is a {@link StoreException} saying what to do. */
    static void quickCheck(Statement statement, Path file) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA quick_check")) {
            String first = rows.next() ? rows.getString(1) : "no answer";
            if (!"ok".equals(first)) {
                throw corrupt(file, "quick_check: " + first, null);
            }
        }
    }

    private static String reason(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing after a failure: the failure is what the user needs to see.
            }
        }
    }

    private static void release(FileLock lock) {
        closeQuietly(lock.channel());
    }

    /** Closes the connections, then releases the lock. */
    @Override
    public void close() {
        closeQuietly(reader);
        closeQuietly(writer);
        release(lock);
    }
}
