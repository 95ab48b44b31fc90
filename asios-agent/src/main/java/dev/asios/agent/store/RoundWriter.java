package dev.asios.agent.store;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.HistogramValue;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricKind;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Optional;

/**
 * Writes one round, every series of a registry that has a value, as one transaction: when
 * {@link #write} returns, the round is on disk ({@code synchronous=FULL}: one fsync of the WAL).
 * Not thread-safe: the store calls it under its writer lock.
 */
final class RoundWriter {

    private final Connection writer;
    private final SeriesCatalog catalog;
    private final PreparedStatement insertRound;
    private final PreparedStatement insertSample;

    RoundWriter(Connection writer, SeriesCatalog catalog) throws SQLException {
        this.writer = writer;
        this.catalog = catalog;
        this.insertRound = writer.prepareStatement("INSERT OR IGNORE INTO raw_rounds (ts_ms) VALUES (?)");
        this.insertSample = writer.prepareStatement("INSERT OR REPLACE INTO raw (ts_ms, series_id, value, counts) VALUES (?, ?, ?, ?)");
    }

    /** Writes the round at {@code epochMs} and returns the number of samples written. */
    int write(long epochMs, MetricRegistry registry) throws SQLException {
        try {
            return Transactions.inTransaction(writer, () -> writeRound(epochMs, registry));
        } catch (SQLException | RuntimeException e) {
            insertSample.clearBatch();
            catalog.forget();
            throw e;
        }
    }

    private int writeRound(long epochMs, MetricRegistry registry) throws SQLException {
        insertRound.setLong(1, epochMs);
        insertRound.executeUpdate();
        int samples = 0;
        for (MetricFamily family : registry.families()) {
            samples += family.kind() == MetricKind.HISTOGRAM ? addHistograms(epochMs, family) : addValues(epochMs, family);
        }
        insertSample.executeBatch();
        return samples;
    }

    private int addValues(long epochMs, MetricFamily family) throws SQLException {
        int samples = 0;
        for (Series series : family.allSeries()) {
            double value = series.value();
            if (!Double.isNaN(value)) {
                add(epochMs, catalog.id(series.key(), family, series.labelValues(), epochMs), value, null);
                samples++;
            }
        }
        return samples;
    }

    private int addHistograms(long epochMs, MetricFamily family) throws SQLException {
        int samples = 0;
        for (HistogramSeries series : family.allHistograms()) {
            Optional<HistogramValue> snapshot = series.snapshot();
            if (snapshot.isPresent() && !Double.isNaN(snapshot.get().sum())) {
                long id = catalog.id(series.key(), family, series.labelValues(), epochMs);
                add(epochMs, id, snapshot.get().sum(), HistogramCodec.encodeCounts(snapshot.get().counts()));
                samples++;
            }
        }
        return samples;
    }

    private void add(long epochMs, long seriesId, double value, byte[] counts) throws SQLException {
        insertSample.setLong(1, epochMs);
        insertSample.setLong(2, seriesId);
        insertSample.setDouble(3, value);
        if (counts == null) {
            insertSample.setNull(4, Types.BLOB);
        } else {
            insertSample.setBytes(4, counts);
        }
        insertSample.addBatch();
    }
}
