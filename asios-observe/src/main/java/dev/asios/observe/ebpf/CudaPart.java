package dev.asios.observe.ebpf;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CUDA kernel launches and copies and NCCL all-reduce calls, through uprobes on the libraries
 * found on the host ({@link CudaScript}). Exposes:
 *
 * <ul>
 *   <li>{@code asios_cuda_kernel_launches_total{pid}}, {@code asios_nccl_allreduce_calls_total{pid}}
 *       and {@code asios_nccl_allreduce_bytes_total{pid}} for the processes with the most;</li>
 *   <li>{@code asios_cuda_memcpy_bytes{call}}: copy sizes, bounds 1 B to 64 GiB;</li>
 *   <li>{@code asios_cuda_memcpy_seconds{call}}: copy times from entry to return, bounds 1 µs
 *       to 67 s.</li>
 * </ul>
 *
 * All-reduce bytes are elements times the size of the NCCL datatype; calls with a datatype this
 * class does not know are counted but add no bytes. Not thread-safe: the probe's reader thread
 * only.
 */
final class CudaPart extends ScriptedPart {

    /** Bounds of the copy-size histogram: 1 byte to 2^36 bytes (64 GiB). */
    static final Log2Buckets BYTES = new Log2Buckets(36, 1);

    // ncclDataType_t: int8, uint8, int32, uint32, int64, uint64, float16, float32, float64, bfloat16, fp8 e4m3, fp8 e5m2
    private static final int[] NCCL_TYPE_BYTES = {1, 1, 4, 4, 8, 8, 2, 4, 8, 2, 1, 1};

    private final PidCounters launches;
    private final PidCounters allReduceCalls;
    private final PidCounters allReduceBytes;
    private final CumulativeHistograms copyBytes;
    private final CumulativeHistograms copySeconds;

    /**
     * Registers the families; exposes the {@code topN} processes with the most of each counter.
     *
     * @throws IllegalArgumentException if {@code libraries} is empty (no script to write)
     */
    CudaPart(CudaLibraries libraries, Sysroot sysroot, MetricRegistry registry, int topN) {
        super("cuda", CudaScript.generate(libraries), libraries.all().stream().<ProbeRequirement>map(ProbeRequirement.Uprobe::new).toList(),
                Set.of(CudaScript.LAUNCHES, CudaScript.COPY_BYTES, CudaScript.COPY_BYTES_SUM, CudaScript.COPY_MICROS, CudaScript.COPY_NANOS_SUM,
                        CudaScript.ALLREDUCE_CALLS, CudaScript.ALLREDUCE_ELEMENTS),
                libraries.driver().isEmpty() && libraries.runtimes().isEmpty() ? List.of() : List.of(CudaScript.COPY_START));
        this.launches = new PidCounters(registry.counter("asios_cuda_kernel_launches", "CUDA kernel launches (cuLaunchKernel) per process.", null, "pid"),
                topN, sysroot);
        this.allReduceCalls = new PidCounters(registry.counter("asios_nccl_allreduce_calls", "NCCL all-reduce calls per process.", null, "pid"), topN, sysroot);
        this.allReduceBytes = new PidCounters(
                registry.counter("asios_nccl_allreduce_bytes", "Bytes reduced by NCCL all-reduce calls per process.", "bytes", "pid"), topN, sysroot);
        this.copyBytes = new CumulativeHistograms(registry.histogram("asios_cuda_memcpy_bytes",
                "Sizes of CUDA copies between host and device, per call.", "bytes", BYTES.upperBounds(), "call"), BYTES, 1);
        this.copySeconds = new CumulativeHistograms(registry.histogram("asios_cuda_memcpy_seconds",
                "Times of CUDA copies between host and device from call to return, per call.", "seconds", LatencyPart.MICROSECONDS.upperBounds(), "call"),
                LatencyPart.MICROSECONDS, 1e-9);
    }

    @Override
    public void accept(BpftraceMessage message) {
        switch (message) {
            case BpftraceMessage.Histograms h when h.map().equals(CudaScript.COPY_BYTES) -> h.histograms().forEach(copyBytes::counts);
            case BpftraceMessage.Histograms h when h.map().equals(CudaScript.COPY_MICROS) -> h.histograms().forEach(copySeconds::counts);
            case BpftraceMessage.MapValues m when m.map().equals(CudaScript.COPY_BYTES_SUM) -> m.values().forEach(copyBytes::sum);
            case BpftraceMessage.MapValues m when m.map().equals(CudaScript.COPY_NANOS_SUM) -> m.values().forEach(copySeconds::sum);
            case BpftraceMessage.MapValues m when m.map().equals(CudaScript.LAUNCHES) -> perProcess(m.values(), launches);
            case BpftraceMessage.MapValues m when m.map().equals(CudaScript.ALLREDUCE_CALLS) -> perProcess(m.values(), allReduceCalls);
            case BpftraceMessage.MapValues m when m.map().equals(CudaScript.ALLREDUCE_ELEMENTS) -> allReduceElements(m.values());
            default -> {
            }
        }
    }

    @Override
    public void restarted() {
        copyBytes.restarted();
        copySeconds.restarted();
    }

    private static void perProcess(Map<String, Long> counts, PidCounters counters) {
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            counters.add(MapKeys.leadingLong(entry.getKey()), entry.getValue());
        }
        counters.publish();
    }

    // Keys "PID,DATATYPE"
    private void allReduceElements(Map<String, Long> elements) {
        boolean counted = false;
        for (Map.Entry<String, Long> entry : elements.entrySet()) {
            long pid = MapKeys.field(entry.getKey(), 0);
            long type = MapKeys.field(entry.getKey(), 1);
            if (type >= 0 && type < NCCL_TYPE_BYTES.length && entry.getValue() <= Long.MAX_VALUE / NCCL_TYPE_BYTES[(int) type]) {
                allReduceBytes.add(pid, entry.getValue() * NCCL_TYPE_BYTES[(int) type]);
                counted = true;
            }
        }
        if (counted) {
            allReduceBytes.publish();
        }
    }
}
