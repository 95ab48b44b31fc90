package dev.asios.observe.gpu;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import dev.asios.observe.metric.Series;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * The NVLink data counters of one GPU: its active links, found once with
 * {@code nvmlDeviceGetNvLinkState}, read each collection with one
 * {@code nvmlDeviceGetFieldValues} call for {@code NVML_FI_DEV_NVLINK_THROUGHPUT_DATA_TX} and
 * {@code _RX} per link (the link in {@code scopeId}; the counters are in KiB). A GPU without
 * NVLink has none and makes no call. Not thread-safe.
 */
final class NvmlLinks {

    // nvml.h: NVML_NVLINK_MAX_LINKS
    private static final int MAX_LINKS = 18;
    // nvml.h: NVML_FI_DEV_NVLINK_THROUGHPUT_DATA_TX and _RX
    private static final int FIELD_TRANSMIT = 138;
    private static final int FIELD_RECEIVE = 139;
    // nvml.h: nvmlFieldValue_t { unsigned int fieldId; unsigned int scopeId; long long timestamp;
    // long long latencyUsec; nvmlValueType_t valueType; nvmlReturn_t nvmlReturn; nvmlValue_t value; }
    private static final MemoryLayout FIELD_VALUE = MemoryLayout.structLayout(JAVA_INT.withName("fieldId"), JAVA_INT.withName("scopeId"),
            JAVA_LONG.withName("timestamp"), JAVA_LONG.withName("latencyUsec"), JAVA_INT.withName("valueType"),
            JAVA_INT.withName("nvmlReturn"), JAVA_LONG.withName("value"));
    private static final long SCOPE_ID = 4;
    private static final long VALUE_TYPE = 24;
    private static final long RETURN = 28;
    private static final long VALUE = 32;
    private static final double BYTES_PER_KIB = 1024;

    private static final NvmlLinks NONE = new NvmlLinks(new int[0], new Series[0], MemorySegment.NULL);

    private final int[] links;
    private final Series[] series;
    private final MemorySegment fields;

    private NvmlLinks(int[] links, Series[] series, MemorySegment fields) {
        this.links = links;
        this.series = series;
        this.fields = fields;
    }

    /** The active links of GPU {@code gpu} and their series; none when NVML says it has no NVLink. */
    static NvmlLinks discover(Nvml nvml, MemorySegment device, int gpu, GpuSeries gpuSeries, NvmlFailures failures) {
        MemorySegment state = nvml.arena().allocate(JAVA_INT);
        int[] active = new int[MAX_LINKS];
        int count = 0;
        for (int link = 0; link < MAX_LINKS; link++) {
            int code = nvml.nvlinkState.call(device, link, state);
            // Past the device's last link NVML answers "invalid argument".
            if (code == NvmlReturn.INVALID_ARGUMENT && link > 0 || !failures.ok(code, nvml.nvlinkState, gpu)) {
                break;
            }
            if (state.get(JAVA_INT, 0) != 0) {
                active[count++] = link;
            }
        }
        if (count == 0) {
            return NONE;
        }
        int[] links = Arrays.copyOf(active, count);
        return new NvmlLinks(links, gpuSeries.nvlinks(links), nvml.arena().allocate(FIELD_VALUE, 2L * count));
    }

    /** Reads the counters of every active link; failures are recorded in {@code failures}. */
    void collect(Nvml nvml, MemorySegment device, int gpu, NvmlFailures failures) {
        if (links.length == 0) {
            return;
        }
        for (int i = 0; i < series.length; i++) {
            long entry = i * FIELD_VALUE.byteSize();
            fields.set(JAVA_INT, entry, i % 2 == 0 ? FIELD_TRANSMIT : FIELD_RECEIVE);
            fields.set(JAVA_INT, entry + SCOPE_ID, links[i / 2]);
        }
        boolean read = failures.ok(nvml.fieldValues.call(device, series.length, fields), nvml.fieldValues, gpu);
        for (int i = 0; i < series.length; i++) {
            long entry = i * FIELD_VALUE.byteSize();
            boolean valid = read && failures.ok(fields.get(JAVA_INT, entry + RETURN), nvml.fieldValues, gpu);
            series[i].set(valid ? value(fields, entry) * BYTES_PER_KIB : Double.NaN);
        }
    }

    // nvml.h: nvmlValueType_t selects the member of the union nvmlValue_t
    private static double value(MemorySegment fields, long entry) {
        long at = entry + VALUE;
        return switch (fields.get(JAVA_INT, entry + VALUE_TYPE)) {
            case 0 -> fields.get(JAVA_DOUBLE, at);
            case 1 -> NvmlDevice.unsignedInt(fields, at);
            case 4 -> fields.get(JAVA_LONG, at);
            case 5 -> fields.get(JAVA_INT, at);
            case 6 -> Short.toUnsignedInt(fields.get(JAVA_SHORT, at));
            default -> NvmlDevice.unsignedLong(fields, at);
        };
    }
}
