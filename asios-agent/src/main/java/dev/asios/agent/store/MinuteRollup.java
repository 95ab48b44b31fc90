package dev.asios.agent.store;

import dev.asios.observe.metric.MetricKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Rolls the rounds of each complete minute up into one row per series: a gauge's mean, minimum
 * and maximum; a counter's and a histogram's last value in the minute; and when the series' last
 * sample in the minute was taken, so rates across minute rows and rounds divide by the true time. A minute is complete once
 * a round of a later minute is recorded. Where it got to is kept in the {@code progress} table,
 * in the same transaction as the rows, so a crash neither loses nor repeats a minute. Not
 * thread-safe: the store calls it under its writer lock.
 */
final class MinuteRollup {

    /** One minute, in milliseconds. */
    static final long MINUTE_MS = 60_000;

    /** The name of the progress row: every minute that starts before its value is rolled up. */
    static final String ROLLED_UP_TO = "rolled_up_to_ms";

    private final Connection writer;
    private final PreparedStatement firstRoundFrom;
    private final PreparedStatement minuteSamples;
    private final PreparedStatement insertMinute;
    private final PreparedStatement insertMinuteRound;
    private final PreparedStatement touchSeries;
    private final PreparedStatement saveProgress;

    MinuteRollup(Connection writer) throws SQLException {
        this.writer = writer;
        this.firstRoundFrom = writer.prepareStatement("SELECT min(ts_ms) FROM raw_rounds WHERE ts_ms >= ?");
        this.minuteSamples = writer.prepareStatement("""
                SELECT r.series_id, s.kind, r.ts_ms, r.value, r.counts FROM raw r CROSS JOIN series s ON s.id = r.series_id
                WHERE r.ts_ms >= ? AND r.ts_ms < ? ORDER BY r.ts_ms""");
        this.insertMinute = writer.prepareStatement("""
                INSERT OR REPLACE INTO minute (ts_ms, series_id, last_ms, value, min, max, counts) VALUES (?, ?, ?, ?, ?, ?, ?)""");
        this.insertMinuteRound = writer.prepareStatement("INSERT OR IGNORE INTO minute_rounds (ts_ms) VALUES (?)");
        this.touchSeries = writer.prepareStatement("UPDATE series SET last_seen_ms = max(last_seen_ms, ?) WHERE id = ?");
        this.saveProgress = writer.prepareStatement("INSERT OR REPLACE INTO progress (name, value) VALUES ('" + ROLLED_UP_TO + "', ?)");
    }

    /** The start of the minute that holds {@code epochMs}. */
    static long minuteOf(long epochMs) {
        return Math.floorDiv(epochMs, MINUTE_MS) * MINUTE_MS;
    }

    /** Every minute that starts before this time has been rolled up. */
    static long rolledUpTo(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM progress WHERE name = '" + ROLLED_UP_TO + "'");
                ResultSet row = query.executeQuery()) {
            return row.next() ? row.getLong(1) : Long.MIN_VALUE;
        }
    }

    /** Rolls up at most {@code maxMinutes} complete minutes, oldest first, each in its own transaction; returns how many. */
    int rollUp(int maxMinutes) throws SQLException {
        long next = rolledUpTo(writer);
        int done = 0;
        while (done < maxMinutes) {
            OptionalLong first = firstRound(next);
            if (first.isEmpty()) {
                break;
            }
            long minute = minuteOf(first.getAsLong());
            if (firstRound(minute + MINUTE_MS).isEmpty()) {
                break;
            }
            Transactions.inTransaction(writer, () -> rollUpMinute(minute));
            next = minute + MINUTE_MS;
            done++;
        }
        return done;
    }

    private OptionalLong firstRound(long fromMs) throws SQLException {
        firstRoundFrom.setLong(1, fromMs);
        try (ResultSet row = firstRoundFrom.executeQuery()) {
            long first = row.getLong(1);
            return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(first);
        }
    }

    private int rollUpMinute(long minute) throws SQLException {
        Map<Long, MinuteAggregate> aggregates = new HashMap<>();
        minuteSamples.setLong(1, minute);
        minuteSamples.setLong(2, minute + MINUTE_MS);
        try (ResultSet rows = minuteSamples.executeQuery()) {
            while (rows.next()) {
                aggregates.computeIfAbsent(rows.getLong(1), id -> new MinuteAggregate()).add(rows.getString(2), rows.getLong(3), rows.getDouble(4),
                        rows.getBytes(5));
            }
        }
        for (Map.Entry<Long, MinuteAggregate> entry : aggregates.entrySet()) {
            insert(minute, entry.getKey(), entry.getValue());
        }
        insertMinute.executeBatch();
        touchSeries.executeBatch();
        insertMinuteRound.setLong(1, minute);
        insertMinuteRound.executeUpdate();
        saveProgress.setLong(1, minute + MINUTE_MS);
        saveProgress.executeUpdate();
        return aggregates.size();
    }

    private void insert(long minute, long seriesId, MinuteAggregate aggregate) throws SQLException {
        boolean gauge = aggregate.kind == MetricKind.GAUGE;
        insertMinute.setLong(1, minute);
        insertMinute.setLong(2, seriesId);
        insertMinute.setLong(3, aggregate.lastMs - minute);
        insertMinute.setDouble(4, gauge ? aggregate.sum / aggregate.count : aggregate.last);
        setNullable(5, gauge, aggregate.min);
        setNullable(6, gauge, aggregate.max);
        insertMinute.setBytes(7, aggregate.lastCounts);
        insertMinute.addBatch();
        touchSeries.setLong(1, minute);
        touchSeries.setLong(2, seriesId);
        touchSeries.addBatch();
    }

    private void setNullable(int index, boolean present, double value) throws SQLException {
        if (present) {
            insertMinute.setDouble(index, value);
        } else {
            insertMinute.setNull(index, Types.REAL);
        }
    }

    /** The samples of one series in one minute, in time order. */
    private static final class MinuteAggregate {
        private MetricKind kind;
        private long count;
        private double sum;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;
        private long lastMs;
        private double last;
        private byte[] lastCounts;

        void add(String kindName, long tsMs, double value, byte[] counts) {
            kind = MetricKind.valueOf(kindName);
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            lastMs = tsMs;
            last = value;
            lastCounts = counts;
        }
    }
}
