package dev.asios.agent.store;

import dev.asios.agent.store.SeriesRows.StoredSeries;
import dev.asios.observe.metric.HistogramValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whole recorded rounds of several families at once, from the raw rounds: what a page that
 * starts late needs to draw the minutes it missed, in one query. The rounds are thinned evenly,
 * newest kept, to at most the rounds asked for and to at most {@link #MAX_SAMPLES} samples in
 * all. Called by {@link SampleQueries}, on its connection and under its lock.
 */
final class RoundQueries {

    /** The most samples one call returns, whatever the rounds asked for. */
    static final int MAX_SAMPLES = 500_000;

    private static final String ROUND_TIMES = "SELECT ts_ms FROM raw_rounds WHERE ts_ms BETWEEN ? AND ? ORDER BY ts_ms";
    // The rounds and series as JSON arrays, so one statement reads them all through the (ts_ms, series_id) key.
    private static final String SAMPLES = """
            SELECT ts_ms, series_id, value, counts FROM raw
            WHERE ts_ms IN (SELECT value FROM json_each(?1)) AND series_id IN (SELECT value FROM json_each(?2))
            ORDER BY ts_ms, series_id""";

    private final Connection reader;

    RoundQueries(Connection reader) {
        this.reader = reader;
    }

    /** The rounds within [fromMs, toMs] of the given series, thinned as the class says; call in a read transaction. */
    List<RecordedRound> read(Collection<StoredSeries> series, long fromMs, long toMs, int maxRounds) throws SQLException {
        if (series.isEmpty()) {
            return List.of();
        }
        List<Long> times = thinned(roundTimes(fromMs, toMs), Math.min(maxRounds, Math.max(1, MAX_SAMPLES / series.size())));
        if (times.isEmpty()) {
            return List.of();
        }
        Map<Long, SeriesInfo> byId = new HashMap<>();
        series.forEach(s -> byId.put(s.id(), s.info()));
        List<RecordedRound> rounds = new ArrayList<>(times.size());
        try (PreparedStatement query = reader.prepareStatement(SAMPLES)) {
            query.setString(1, jsonArray(times));
            query.setString(2, jsonArray(byId.keySet()));
            try (ResultSet rows = query.executeQuery()) {
                long round = -1;
                List<RecordedSample> samples = new ArrayList<>();
                while (rows.next()) {
                    long ts = rows.getLong(1);
                    if (ts != round && round >= 0) {
                        rounds.add(new RecordedRound(round, samples));
                        samples.clear();
                    }
                    round = ts;
                    sample(byId.get(rows.getLong(2)), rows.getDouble(3), rows.getBytes(4)).ifPresent(samples::add);
                }
                if (round >= 0) {
                    rounds.add(new RecordedRound(round, samples));
                }
            }
        }
        return rounds;
    }

    private List<Long> roundTimes(long fromMs, long toMs) throws SQLException {
        try (PreparedStatement query = reader.prepareStatement(ROUND_TIMES)) {
            query.setLong(1, fromMs);
            query.setLong(2, toMs);
            List<Long> times = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    times.add(rows.getLong(1));
                }
            }
            return times;
        }
    }

    /** At most {@code max} of the times, evenly spaced, the newest always kept; oldest first. */
    static List<Long> thinned(List<Long> times, int max) {
        if (times.size() <= max) {
            return times;
        }
        double stride = (double) times.size() / max;
        List<Long> kept = new ArrayList<>(max);
        for (int k = max - 1; k >= 0; k--) {
            kept.add(times.get(times.size() - 1 - (int) Math.floor(k * stride)));
        }
        return kept;
    }

    /** A histogram sample recorded with other buckets than the series has now (before an upgrade) is left out. */
    private static Optional<RecordedSample> sample(SeriesInfo info, double value, byte[] counts) {
        if (counts == null) {
            return Optional.of(new RecordedSample(info, value, Optional.empty()));
        }
        long[] buckets = HistogramCodec.decodeCounts(counts);
        if (buckets.length != info.upperBounds().size()) {
            return Optional.empty();
        }
        double[] bounds = info.upperBounds().stream().mapToDouble(Double::doubleValue).toArray();
        return Optional.of(new RecordedSample(info, value, Optional.of(new HistogramValue(bounds, buckets, value))));
    }

    private static String jsonArray(Collection<Long> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]"));
    }
}
