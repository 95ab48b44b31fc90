package dev.asios.agent.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The series table seen from the writer: the id of every series key recorded since the store was
 * opened, kept in memory. The first time a key is recorded its row is written, or updated, so a
 * definition that changed since the last start (another kind, unit, help or histogram buckets,
 * after an upgrade) replaces the stored one. Not thread-safe: the store calls it under its writer
 * lock.
 */
final class SeriesCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PreparedStatement upsert;
    private final Map<String, Long> ids = new HashMap<>();

    SeriesCatalog(Connection writer) throws SQLException {
        this.upsert = writer.prepareStatement("""
                INSERT INTO series (key, family, kind, unit, help, labels, bounds, last_seen_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (key) DO UPDATE SET family = excluded.family, kind = excluded.kind, unit = excluded.unit, help = excluded.help,
                  labels = excluded.labels, bounds = excluded.bounds, last_seen_ms = excluded.last_seen_ms RETURNING id""");
    }

    /**
     * The id of a series, stored with its family's definition the first time this store sees it.
     *
     * @param key the series key, as {@code Series.key()} gives it
     * @param labelValues the label values, in the order of the family's label names
     * @param nowMs the round's time, the series' first sighting
     */
    long id(String key, MetricFamily family, List<String> labelValues, long nowMs) throws SQLException {
        Long id = ids.get(key);
        if (id != null) {
            return id;
        }
        upsert.setString(1, key);
        upsert.setString(2, family.name());
        upsert.setString(3, family.kind().name());
        upsert.setString(4, family.unit().orElse(null));
        upsert.setString(5, family.help());
        upsert.setString(6, labelsJson(family.labelNames(), labelValues));
        upsert.setBytes(7, family.kind() == MetricKind.HISTOGRAM ? HistogramCodec.encodeBounds(family.upperBounds()) : null);
        upsert.setLong(8, nowMs);
        try (ResultSet row = upsert.executeQuery()) {
            row.next();
            long newId = row.getLong(1);
            ids.put(key, newId);
            return newId;
        }
    }

    /** Forgets every id, after a rolled-back transaction or deleted series; the next round writes the rows again. */
    void forget() {
        ids.clear();
    }

    private static String labelsJson(List<String> names, List<String> values) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            labels.put(names.get(i), values.get(i));
        }
        try {
            return JSON.writeValueAsString(labels);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always writes as JSON", e);
        }
    }
}
