package dev.asios.agent.store;

import dev.asios.observe.metric.MetricKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

    // Per series in the minute: a gauge's mean, minimum and maximum, or the last value and counts; the last sample's time.
    private static final String ROLL_UP = """
            INSERT OR REPLACE INTO minute (ts_ms, series_id, last_ms, value, min, max, counts)
            SELECT ?1, g.series_id, g.last_ms - ?1, CASE WHEN s.kind = '%1$s' THEN g.total / g.n ELSE r.value END,
              CASE WHEN s.kind = '%1$s' THEN g.lo END, CASE WHEN s.kind = '%1$s' THEN g.hi END, r.counts
            FROM (SELECT series_id, count(*) AS n, sum(value) AS total, min(value) AS lo, max(value) AS hi, max(ts_ms) AS last_ms
                  FROM raw WHERE ts_ms >= ?1 AND ts_ms < ?1 + %2$d GROUP BY series_id) g
            CROSS JOIN raw r ON r.ts_ms = g.last_ms AND r.series_id = g.series_id
            CROSS JOIN series s ON s.id = g.series_id
            ORDER BY g.series_id""".formatted(MetricKind.GAUGE.name(), MINUTE_MS);

    private final Connection writer;
    private final PreparedStatement firstRoundFrom;
    private final PreparedStatement rollUp;
    private final PreparedStatement insertMinuteRound;
    private final PreparedStatement touchSeries;
    private final PreparedStatement saveProgress;

    MinuteRollup(Connection writer) throws SQLException {
        this.writer = writer;
        this.firstRoundFrom = writer.prepareStatement("SELECT min(ts_ms) FROM raw_rounds WHERE ts_ms >= ?");
        this.rollUp = writer.prepareStatement(ROLL_UP);
        this.insertMinuteRound = writer.prepareStatement("INSERT OR IGNORE INTO minute_rounds (ts_ms) VALUES (?)");
        this.touchSeries = writer.prepareStatement("UPDATE series SET last_seen_ms = max(last_seen_ms, ?1) WHERE id IN (SELECT series_id FROM minute WHERE ts_ms = ?1)");
        this.saveProgress = writer.prepareStatement("INSERT OR REPLACE INTO progress (name, value) VALUES ('" + ROLLED_UP_TO + "', ?)");
    }

    /** The start of the minute that holds {@code epochMs}. */
    static long minuteOf(long epochMs) {
        return Math.floorDiv(epochMs, MINUTE_MS) * MINUTE_MS;
    }

    /** Every minute that starts before this time has been rolled up; 0 before the first. */
    static long rolledUpTo(Connection connection) throws SQLException {
        return Sql.number(connection, "SELECT value FROM progress WHERE name = '" + ROLLED_UP_TO + "'").orElse(0);
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
        return Sql.number(firstRoundFrom);
    }

    private int rollUpMinute(long minute) throws SQLException {
        rollUp.setLong(1, minute);
        int series = rollUp.executeUpdate();
        touchSeries.setLong(1, minute);
        touchSeries.executeUpdate();
        insertMinuteRound.setLong(1, minute);
        insertMinuteRound.executeUpdate();
        saveProgress.setLong(1, minute + MINUTE_MS);
        saveProgress.executeUpdate();
        return series;
    }
}
