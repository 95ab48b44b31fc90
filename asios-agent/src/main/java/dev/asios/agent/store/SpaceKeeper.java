package dev.asios.agent.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Deletes what the store no longer keeps, a slice of time per transaction and a bounded number
 * of rows per call, so that no call holds the writer long: rounds older than the raw retention
 * once rolled up, minute rows older than the minute retention, series not seen for as long; and,
 * when the files are over their budget, the oldest rounds (all but the last minute's), then the
 * oldest minute rows, after which it gives the freed pages back to the file system. Rounds go
 * first because their minutes keep the same span at a coarser step: resolution is given up
 * before history. Not thread-safe: the store calls it under its writer lock.
 */
final class SpaceKeeper {

    /** A slice of rounds deleted at once: one minute (60 rounds). */
    static final long RAW_SLICE_MS = MinuteRollup.MINUTE_MS;

    /** A slice of minute rows deleted at once: one hour (60 rows per series). */
    static final long MINUTE_SLICE_MS = 60 * MinuteRollup.MINUTE_MS;

    /** About the rows one unit of work deletes: some 50 to 100 ms of the writer's time. */
    static final long ROWS_PER_UNIT = 100_000;

    /** The most slices one unit deletes, however few rows they hold. */
    static final int MAX_SLICES_PER_UNIT = 100;

    private static final String RAW = "raw";
    private static final String MINUTE = "minute";

    private final Connection writer;
    private final StoreSettings settings;
    private final DiskBudget budget;

    SpaceKeeper(Connection writer, StoreSettings settings, DiskBudget budget) {
        this.writer = writer;
        this.settings = settings;
        this.budget = budget;
    }

    /**
     * Deletes one unit of expired data: slices of rounds older than the raw retention and already
     * rolled up, then of minute rows older than the minute retention, until about
     * {@link #ROWS_PER_UNIT} rows are gone. Returns 1 if it deleted anything, else 0.
     */
    int deleteExpired(long nowMs) throws SQLException {
        long rawCut = Math.min(nowMs - settings.rawRetention().toMillis(), MinuteRollup.rolledUpTo(writer));
        long rows = deleteOldest(RAW, rawCut, RAW_SLICE_MS, ROWS_PER_UNIT);
        if (rows < ROWS_PER_UNIT) {
            rows += deleteOldest(MINUTE, nowMs - settings.minuteRetention().toMillis(), MINUTE_SLICE_MS, ROWS_PER_UNIT - rows);
        }
        return rows > 0 ? 1 : 0;
    }

    /** Deletes the series not seen since {@code nowMs} less the minute retention; returns how many. */
    int deleteForgottenSeries(long nowMs) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            return statement.executeUpdate("DELETE FROM series WHERE last_seen_ms < " + (nowMs - settings.minuteRetention().toMillis()));
        }
    }

    /**
     * When the files are over their budget, deletes the oldest data a slice at a time until it
     * fits in 90 % of the budget, or {@code maxUnits} units of {@link #ROWS_PER_UNIT} rows are
     * gone, then gives the free pages back to the file system; returns the units deleted.
     */
    int enforceBudget(int maxUnits) throws SQLException, IOException {
        long budgetBytes = budget.budgetBytes();
        if (budget.fileBytes() <= budgetBytes) {
            return 0;
        }
        long rows = 0;
        while (rows < (long) maxUnits * ROWS_PER_UNIT && usedBytes() > budgetBytes * 9 / 10) {
            long newestRawMinute = MinuteRollup.minuteOf(edge(RAW, "max").orElse(Long.MIN_VALUE));
            long deleted = deleteOldest(RAW, newestRawMinute, RAW_SLICE_MS, 1);
            if (deleted == 0) {
                deleted = deleteOldest(MINUTE, Long.MAX_VALUE, MINUTE_SLICE_MS, 1);
            }
            if (deleted == 0) {
                break;
            }
            rows += deleted;
        }
        try (Statement statement = writer.createStatement()) {
            // Each step of incremental_vacuum frees one page; execute() would step once, executeUpdate() steps to the end.
            statement.executeUpdate("PRAGMA incremental_vacuum");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return (int) Math.ceilDiv(rows, ROWS_PER_UNIT);
    }

    /** The bytes of the database's pages that hold data (its free pages not counted). */
    long usedBytes() throws SQLException {
        return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size");
    }

    /**
     * Deletes the oldest slices of a table older than {@code cutMs}, each in its own transaction,
     * until at least {@code minRows} sample rows are gone (at least one slice), or
     * {@link #MAX_SLICES_PER_UNIT} slices; returns the sample rows deleted.
     */
    private long deleteOldest(String table, long cutMs, long sliceMs, long minRows) throws SQLException {
        long rows = 0;
        for (int slices = 0; slices < MAX_SLICES_PER_UNIT && (slices == 0 || rows < minRows); slices++) {
            OptionalLong oldest = edge(table, "min");
            if (oldest.isEmpty() || oldest.getAsLong() >= cutMs) {
                break;
            }
            long end = Math.min(cutMs, Math.floorDiv(oldest.getAsLong(), sliceMs) * sliceMs + sliceMs);
            rows += Transactions.inTransaction(writer, () -> {
                try (Statement statement = writer.createStatement()) {
                    statement.executeUpdate("DELETE FROM " + table + "_rounds WHERE ts_ms < " + end);
                    return statement.executeUpdate("DELETE FROM " + table + " WHERE ts_ms < " + end);
                }
            });
        }
        return rows;
    }

    private OptionalLong edge(String table, String function) throws SQLException {
        return Sql.number(writer, "SELECT " + function + "(ts_ms) FROM " + table + "_rounds");
    }

    private long pragma(String name) throws SQLException {
        return Sql.number(writer, "PRAGMA " + name).orElseThrow();
    }
}
