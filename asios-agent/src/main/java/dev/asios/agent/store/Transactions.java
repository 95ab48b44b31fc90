package dev.asios.agent.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs work on a connection as one transaction: a write is committed whole or not at all, and
 * the reads of a query see one snapshot. Stateless.
 */
final class Transactions {

    /** Work on the database. */
    @FunctionalInterface
    interface Work<T> {
        /** Does the work, inside the transaction. */
        T run() throws SQLException;
    }

    private Transactions() {
    }

    /**
     * Runs {@code work} in a transaction on {@code connection}, which must be in auto-commit mode,
     * and returns its result; rolls back and rethrows on any failure. The connection is in
     * auto-commit mode again afterwards, so no reader holds a snapshot that keeps the write-ahead
     * log from being checkpointed.
     */
    static <T> T inTransaction(Connection connection, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
