package dev.asios.observe.gpu;

import dev.asios.observe.tool.BoundedTool;
import dev.asios.observe.tool.ToolException;
import dev.asios.host.parse.ParseException;
import dev.asios.observe.metric.Series;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * GPU telemetry from {@code nvidia-smi} in query mode, run once per collection with a time limit
 * and parsed by {@link SmiQueryParser}. A GPU is keyed by its UUID: one that appears gets its
 * series, one that goes away loses them. {@code nvidia-smi} has no XID events or NVLink counters
 * in this mode, so those series are absent. Not thread-safe.
 */
final class SmiSource implements GpuSource {

    /** The command's name on the search path. */
    static final String COMMAND = "nvidia-smi";

    /** The arguments of one query. */
    static final List<String> ARGUMENTS = List.of("--query-gpu=" + String.join(",", SmiQueryParser.FIELDS), "--format=csv,noheader,nounits");

    private final BoundedTool tool;
    private final GpuFamilies families;
    private final Map<String, GpuSeries> gpus = new HashMap<>();

    /** Reads through {@code tool} into {@code families}; finds no GPU until the first collection. */
    SmiSource(BoundedTool tool, GpuFamilies families) {
        this.tool = tool;
        this.families = families;
    }

    @Override
    public String name() {
        return COMMAND;
    }

    @Override
    public void collect() throws GpuTelemetryException {
        String output;
        try {
            output = tool.run(ARGUMENTS);
        } catch (ToolException e) {
            throw new GpuTelemetryException(e.getMessage());
        }
        List<SmiGpuRow> rows;
        try {
            rows = SmiQueryParser.parse(output);
        } catch (ParseException e) {
            throw new GpuTelemetryException(tool.name() + " printed what ASIOS cannot read: " + e.getMessage());
        }
        Set<String> seen = new HashSet<>();
        for (SmiGpuRow row : rows) {
            seen.add(row.uuid());
            GpuSeries series = gpus.get(row.uuid());
            if (series == null || !series.index().equals(Integer.toString(row.index()))) {
                if (series != null) {
                    series.remove();
                }
                series = new GpuSeries(families, row.index(), row.uuid(), row.name(), COMMAND, row.pciAddress());
                gpus.put(row.uuid(), series);
            }
            set(series, row);
        }
        gpus.entrySet().removeIf(gpu -> {
            boolean gone = !seen.contains(gpu.getKey());
            if (gone) {
                gpu.getValue().remove();
            }
            return gone;
        });
    }

    private static void set(GpuSeries series, SmiGpuRow row) {
        set(series.utilization, row.utilizationRatio());
        set(series.memoryUtilization, row.memoryUtilizationRatio());
        set(series.memoryUsed, row.memoryUsedBytes());
        set(series.memoryTotal, row.memoryTotalBytes());
        set(series.power, row.powerWatts());
        set(series.smClock, row.smClockHertz());
        set(series.memoryClock, row.memoryClockHertz());
        set(series.temperature, row.temperatureCelsius());
        set(series.eccCorrected, row.eccCorrected());
        set(series.eccUncorrected, row.eccUncorrected());
        row.throttleReasons().ifPresentOrElse(series::throttleReasons, series::throttleReasonsAbsent);
    }

    private static void set(Series series, OptionalDouble value) {
        series.set(value.orElse(Double.NaN));
    }

    private static void set(Series series, OptionalLong value) {
        series.set(value.isPresent() ? value.getAsLong() : Double.NaN);
    }

    /** Nothing to release: each run ends with its collection. */
    @Override
    public void close() {
        // No state outside the registry.
    }
}
