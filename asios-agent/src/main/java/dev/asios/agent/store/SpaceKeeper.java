package dev.asios.agent.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * Deletes what the store no longer keeps, a slice at a time so that no call holds the writer
 * long: rounds older than the raw retention once rolled up, minute rows older than the minute
 * retention, series not seen for as long; and, when the files are over their budget, the oldest
 * rounds (all but the last minute's), then the oldest minute rows, after which it gives the freed
 * pages back to the file system. Not thread-safe: the store calls it under its writer lock.
 */
final class SpaceKeeper {

    /** A slice of rounds deleted at once: one minute (60 rounds). */
    static final long RAW_SLICE_MS = MinuteRollup.MINUTE_MS;

    /** A slice of minute rows deleted at once: one hour (60 rows per series). */
    static final long MINUTE_SLICE_MS = 60 * MinuteRollup.MINUTE_MS;

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

    /** Deletes at most {@code maxSlices} slices of expired data and returns how many it deleted. */
    int deleteExpired(long nowMs, int maxSlices) throws SQLException {
        long rawCut = Math.min(nowMs - settings.rawRetention().toMillis(), MinuteRollup.rolledUpTo(writer));
        int slices = deleteOldest(RAW, rawCut, RAW_SLICE_MS, maxSlices);
        return slices + deleteOldest(MINUTE, nowMs - settings.minuteRetention().toMillis(), MINUTE_SLICE_MS, maxSlices - slices);
    }

    /** Deletes the series not seen since {@code nowMs} less the minute retention; returns how many. */
    int deleteForgottenSeries(long nowMs) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            return statement.executeUpdate("DELETE FROM series WHERE last_seen_ms < " + (nowMs - settings.minuteRetention().toMillis()));
        }
    }

    /**
     * When the files are over their budget, deletes at most {@code maxSlices} slices of the
     * oldest data until the data fits in 90 % of the budget, then shrinks the files; returns the
     * slices deleted.
     */
    int enforceBudget(int maxSlices) throws SQLException, IOException {
        long budgetBytes = budget.budgetBytes();
        if (budget.fileBytes() <= budgetBytes) {
            return 0;
        }
        int slices = 0;
        while (slices < maxSlices && usedBytes() > budgetBytes * 9 / 10) {
            long newestRawMinute = MinuteRollup.minuteOf(edge(RAW, "max").orElse(Long.MIN_VALUE));
            int deleted = deleteOldest(RAW, newestRawMinute, RAW_SLICE_MS, 1);
            if (deleted == 0) {
                deleted = deleteOldest(MINUTE, Long.MAX_VALUE, MINUTE_SLICE_MS, 1);
            }
            if (deleted == 0) {
                break;
            }
            slices += deleted;
        }
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA incremental_vacuum");
            statement.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        return slices;
    }

    /** The bytes of the database's pages that hold data (its free pages not counted). */
    long usedBytes() throws SQLException {
        return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size");
    }

    private int deleteOldest(String table, long cutMs, long sliceMs, int maxSlices) throws SQLException {
        int slices = 0;
        while (slices < maxSlices) {
            OptionalLong oldest = edge(table, "min");
            if (oldest.isEmpty() || oldest.getAsLong() >= cutMs) {
                break;
            }
            long end = Math.min(cutMs, Math.floorDiv(oldest.getAsLong(), sliceMs) * sliceMs + sliceMs);
            Transactions.inTransaction(writer, () -> {
                try (Statement statement = writer.createStatement()) {
                    statement.executeUpdate("DELETE FROM " + table + " WHERE ts_ms < " + end);
                    return statement.executeUpdate("DELETE FROM " + table + "_rounds WHERE ts_ms < " + end);
                }
            });
            slices++;
        }
        return slices;
    }

    private OptionalLong edge(String table, String function) throws SQLException {
        try (Statement statement = writer.createStatement(); ResultSet row = statement.executeQuery("SELECT " + function + "(ts_ms) FROM " + table + "_rounds")) {
            long value = row.getLong(1);
            return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
        }
    }

    private long pragma(String name) throws SQLException {
        try (Statement statement = writer.createStatement(); ResultSet row = statement.executeQuery("PRAGMA " + name)) {
            return row.getLong(1);
        }
    }
}
