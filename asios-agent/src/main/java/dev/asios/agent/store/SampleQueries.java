package dev.asios.agent.store;

import dev.asios.agent.store.SeriesRows.StoredSeries;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The store's queries, on its read-only connection: each runs in one read transaction, so it
 * sees one snapshot while the writer goes on. A history reads the rounds when they cover the
 * whole range, else the one-minute rows and then the rounds not yet rolled up (its resolution is
 * raw when no minute row fell in the range). Thread-safe:
 * queries are serialized on the connection.
 */
final class SampleQueries {

    private static final String RAW_SAMPLES = """
            SELECT r.ts_ms, s.value, s.value, s.value, s.counts FROM raw_rounds r CROSS JOIN raw s ON s.ts_ms = r.ts_ms AND s.series_id = ?
            WHERE r.ts_ms BETWEEN ? AND ? ORDER BY r.ts_ms""";
    private static final String MINUTE_SAMPLES = """
            SELECT r.ts_ms + s.last_ms, s.value, coalesce(s.min, s.value), coalesce(s.max, s.value), s.counts FROM minute_rounds r
            CROSS JOIN minute s ON s.ts_ms = r.ts_ms AND s.series_id = ?1 WHERE r.ts_ms BETWEEN ?2 - %d AND ?3
            AND r.ts_ms + s.last_ms BETWEEN ?2 AND ?3 ORDER BY r.ts_ms""".formatted(MinuteRollup.MINUTE_MS - 1);

    private final Connection reader;
    private final RoundQueries rounds;

    SampleQueries(Connection reader) {
        this.reader = reader;
        this.rounds = new RoundQueries(reader);
    }

    /** The series of a family (or of all, when empty) that have every label of {@code labelFilter}, sorted by key. */
    synchronized List<SeriesInfo> list(Optional<String> family, Map<String, String> labelFilter) throws SQLException {
        return stored(family, labelFilter).stream().map(StoredSeries::info).toList();
    }

    /** The raw rounds within a range of the series of {@code families} that have every label of {@code labelFilter}. */
    synchronized List<RecordedRound> rounds(Collection<String> families, Map<String, String> labelFilter, long fromMs, long toMs, int maxRounds)
            throws SQLException {
        return Transactions.inTransaction(reader, () -> {
            List<StoredSeries> series = new ArrayList<>();
            for (String family : families) {
                series.addAll(stored(Optional.of(family), labelFilter));
            }
            return rounds.read(series, fromMs, toMs, maxRounds);
        });
    }

    private List<StoredSeries> stored(Optional<String> family, Map<String, String> labelFilter) throws SQLException {
        String sql = "SELECT " + SeriesRows.COLUMNS + " FROM series" + (family.isPresent() ? " WHERE family = ?" : "") + " ORDER BY key";
        try (PreparedStatement query = reader.prepareStatement(sql)) {
            if (family.isPresent()) {
                query.setString(1, family.get());
            }
            List<StoredSeries> series = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    StoredSeries stored = SeriesRows.read(rows);
                    if (stored.info().matches(labelFilter)) {
                        series.add(stored);
                    }
                }
            }
            return series;
        }
    }

    /** The samples of a series in a range, or empty for an unknown series. */
    synchronized Optional<Read> read(String key, long fromMs, long toMs) throws SQLException {
        return Transactions.inTransaction(reader, () -> {
            Optional<StoredSeries> series = find(key);
            if (series.isEmpty()) {
                return Optional.empty();
            }
            long id = series.get().id();
            OptionalLong oldestRaw = Sql.number(reader, "SELECT min(ts_ms) FROM raw_rounds");
            SampleColumns samples = new SampleColumns();
            if (oldestRaw.isPresent() && fromMs >= oldestRaw.getAsLong()) {
                readSamples(RAW_SAMPLES, id, fromMs, toMs, samples);
                return Optional.of(new Read(series.get().info(), Resolution.RAW, samples));
            }
            long rolledUpTo = MinuteRollup.rolledUpTo(reader);
            readSamples(MINUTE_SAMPLES, id, fromMs, Math.min(toMs, rolledUpTo - 1), samples);
            Resolution resolution = samples.size() > 0 ? Resolution.MINUTE : Resolution.RAW;
            readSamples(RAW_SAMPLES, id, Math.max(fromMs, rolledUpTo), toMs, samples);
            return Optional.of(new Read(series.get().info(), resolution, samples));
        });
    }

    /** The newest sample of a series: its newest round, else its newest minute row. */
    synchronized Optional<Point> latest(String key) throws SQLException {
        return Transactions.inTransaction(reader, () -> {
            Optional<StoredSeries> series = find(key);
            if (series.isEmpty()) {
                return Optional.empty();
            }
            SampleColumns samples = new SampleColumns();
            readSamples(RAW_SAMPLES.replace("ORDER BY r.ts_ms", "ORDER BY r.ts_ms DESC LIMIT 1"), series.get().id(), 0, Long.MAX_VALUE, samples);
            if (samples.size() == 0) {
                readSamples(MINUTE_SAMPLES.replace("ORDER BY r.ts_ms", "ORDER BY r.ts_ms DESC LIMIT 1"), series.get().id(), 0, Long.MAX_VALUE, samples);
            }
            return samples.size() == 0 ? Optional.empty() : Optional.of(new Point(samples.tsMs(0), samples.value(0), samples.min(0), samples.max(0)));
        });
    }

    private Optional<StoredSeries> find(String key) throws SQLException {
        try (PreparedStatement query = reader.prepareStatement("SELECT " + SeriesRows.COLUMNS + " FROM series WHERE key = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(SeriesRows.read(row)) : Optional.empty();
            }
        }
    }

    private void readSamples(String sql, long seriesId, long fromMs, long toMs, SampleColumns samples) throws SQLException {
        try (PreparedStatement query = reader.prepareStatement(sql)) {
            query.setLong(1, seriesId);
            query.setLong(2, fromMs);
            query.setLong(3, toMs);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byte[] counts = rows.getBytes(5);
                    samples.add(rows.getLong(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4),
                            counts == null ? null : HistogramCodec.decodeCounts(counts));
                }
            }
        }
    }

    /**
     * The samples of a series over a range, from the rows the range called for.
     *
     * @param series the series
     * @param resolution the rows read
     * @param samples the samples, oldest first
     */
    record Read(SeriesInfo series, Resolution resolution, SampleColumns samples) {

        /** The histogram samples with counts for {@code buckets} buckets, leaving out those recorded with other buckets. */
        SampleColumns samplesWithBuckets(int buckets) {
            SampleColumns kept = new SampleColumns();
            for (int i = 0; i < samples.size(); i++) {
                long[] counts = samples.counts(i);
                if (counts != null && counts.length == buckets) {
                    kept.add(samples.tsMs(i), samples.value(i), samples.min(i), samples.max(i), counts);
                }
            }
            return kept;
        }
    }
}
