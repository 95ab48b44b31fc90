package dev.asios.agent.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.metric.MetricKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads rows of the series table into {@link SeriesInfo}s. Stateless.
 */
final class SeriesRows {

    /** The columns {@link #read} expects, in its order. */
    static final String COLUMNS = "id, key, family, kind, unit, help, labels, bounds";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> LABELS = new TypeReference<>() { };

    /**
     * A series as stored, with its id.
     *
     * @param id the series' row id, which samples refer to
     * @param info the series
     */
    record StoredSeries(long id, SeriesInfo info) {
    }

    private SeriesRows() {
    }

    /**
     * The series of the current row, selected with {@link #COLUMNS}.
     *
     * @throws ParseException if the row's kind, labels or bounds are not what the store writes
     */
    static StoredSeries read(ResultSet row) throws SQLException {
        MetricKind kind;
        Map<String, String> labels;
        try {
            kind = MetricKind.valueOf(row.getString(4));
            labels = JSON.readValue(row.getString(7), LABELS);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw new ParseException("series '" + row.getString(2) + "': kind or labels not as the store writes them: " + e.getMessage());
        }
        byte[] boundsBlob = row.getBytes(8);
        List<Double> bounds = new ArrayList<>();
        if (boundsBlob != null) {
            for (double bound : HistogramCodec.decodeBounds(boundsBlob)) {
                bounds.add(bound);
            }
        }
        SeriesInfo info = new SeriesInfo(row.getString(2), row.getString(3), kind, Optional.ofNullable(row.getString(5)), row.getString(6), labels,
                bounds);
        return new StoredSeries(row.getLong(1), info);
    }
}
